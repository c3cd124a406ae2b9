import { isTopSection } from "../../src/domain/section.ts";
import { sectionUrl } from "../../src/domain/urls.ts";
import type { ListingPage as ListingPageModel } from "../../src/model/listings.ts";
import { feedLinksFor } from "../../src/render/head/feedLinks.ts";
import { breadcrumbJsonLd } from "../../src/render/head/structuredData.ts";
import { ArticleList } from "../components/ArticleList.tsx";
import { useHref, usePage } from "../components/context.ts";
import { Document } from "../components/Document.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { Sidebar } from "../components/Sidebar.tsx";

/** A section, a top section or the top news: newest first, numbered pages. */
export function ListingPage({ page }: { readonly page: ListingPageModel }) {
  const { site } = usePage();
  const href = useHref();
  const { listing } = page;
  const { words } = site.config;
  const pageNote = page.pageNumber > 1 ? ` (${words.page} ${page.pageNumber})` : "";
  const heading = listing.kind === "topic" ? `${words.topic} ${listing.title}` : listing.title;
  const subsections =
    listing.section && isTopSection(listing.section)
      ? listing.section.sections.filter((s) => s !== listing.section)
      : [];
  return (
    <Document
      title={`${heading}${pageNote} - ${site.config.name}`}
      description={`${heading}: the latest from ${site.config.name}${pageNote}.`}
      section={listing.section}
      structuredData={listing.section ? [breadcrumbJsonLd(site, listing.section)] : []}
    >
      <div class="with-sidebar">
        <div class="listing">
          <h1 class="listing-title">
            {heading}
            {pageNote && <span class="page-note">{pageNote}</span>}
          </h1>
          {subsections.length > 0 && (
            <ul class="subsections">
              {subsections.map((section) => (
                <li key={section.slug}>
                  <a href={href(sectionUrl(section.slug))}>{section.title}</a>
                </li>
              ))}
            </ul>
          )}
          {page.articles.length > 0 ? (
            <ArticleList articles={page.articles} level={2} />
          ) : (
            <p class="empty">{words.noArticles}</p>
          )}
          <Pagination page={page} />
          {listing.kind === "section" && (
            <p class="feed-links">
              {words.feeds}{" "}
              {feedLinksFor(site, listing.section)
                .slice(0, 2)
                .map((feed) => (
                  <a key={feed.url} class="feed-link" href={href(feed.url)} type={feed.type}>
                    {feed.type === "application/rss+xml" ? "RSS" : "Atom"}
                  </a>
                ))}
            </p>
          )}
        </div>
        <Sidebar />
      </div>
    </Document>
  );
}
