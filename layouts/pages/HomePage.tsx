import { formatDateline, formatIso } from "../../src/domain/dates.ts";
import { sectionUrl } from "../../src/domain/urls.ts";
import { websiteJsonLd } from "../../src/render/head/structuredData.ts";
import { ArticleList } from "../components/ArticleList.tsx";
import { useHref, usePage } from "../components/context.ts";
import { Document } from "../components/Document.tsx";
import { Sidebar } from "../components/Sidebar.tsx";

/** The front page: the editors' top stories, then the latest of each top section. */
export function HomePage() {
  const { site } = usePage();
  const href = useHref();
  const { words } = site.config;
  const [lead, ...others] = site.topStories;
  return (
    <Document
      title={`${site.config.name}: ${site.config.tagline}`}
      description={site.config.tagline}
      structuredData={[websiteJsonLd(site)]}
    >
      <h1 class="visually-hidden">{site.config.name}</h1>
      <div class="with-sidebar">
        <div class="home">
          {lead && (
            <section class="top-stories" aria-labelledby="top-stories-title">
              <h2 class="block-title" id="top-stories-title">
                {words.topStories}
              </h2>
              <article class="lead-story">
                <h3 class="lead-headline">
                  <a href={href(lead.url)}>{lead.headline}</a>
                </h3>
                <p class="item-meta">
                  <time dateTime={formatIso(lead.date)}>{formatDateline(lead.date)}</time>
                </p>
                <p class="lead-summary">{lead.summary}</p>
              </article>
              <ArticleList articles={others} level={3} />
            </section>
          )}
          <div class="home-blocks">
            {site.homeBlocks
              .filter((block) => block.articles.length > 0)
              .map((block) => (
                <section class="home-block" key={block.top.slug} aria-labelledby={`home-${block.top.slug}`}>
                  <h2 class="block-title" id={`home-${block.top.slug}`}>
                    <a href={href(sectionUrl(block.top.slug))}>{block.top.title}</a>
                  </h2>
                  <ArticleList articles={block.articles} level={3} withSummary={false} />
                  <a class="more" href={href(sectionUrl(block.top.slug))}>
                    {words.moreIn} {block.top.title}
                  </a>
                </section>
              ))}
          </div>
        </div>
        <Sidebar />
      </div>
    </Document>
  );
}
