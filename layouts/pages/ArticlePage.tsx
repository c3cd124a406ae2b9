import type { Article } from "../../src/domain/article.ts";
import { formatDateline } from "../../src/domain/dates.ts";
import { sectionUrl, topicUrl } from "../../src/domain/urls.ts";
import { articlePageMeta } from "../../src/render/head/metaTags.ts";
import { breadcrumbJsonLd, newsArticleJsonLd } from "../../src/render/head/structuredData.ts";
import { Corrections } from "../components/Corrections.tsx";
import { useAbsoluteUrl, useBodyHtml, useHref, usePage } from "../components/context.ts";
import { Dateline } from "../components/Dateline.tsx";
import { Document } from "../components/Document.tsx";
import { Figure } from "../components/Figure.tsx";
import { ReadingTools } from "../components/ReadingTools.tsx";
import { RelatedNews } from "../components/RelatedNews.tsx";
import { ShareBar } from "../components/ShareBar.tsx";
import { Sidebar } from "../components/Sidebar.tsx";

/** The article page, region by region in the reference page's order. */
export function ArticlePage({ article }: { readonly article: Article }) {
  const { site, images } = usePage();
  const href = useHref();
  const absolute = useAbsoluteUrl();
  const { section } = article;
  const top = section.parent;
  const { words } = site.config;
  return (
    <Document
      title={`${article.headline} - ${site.config.name}`}
      description={article.summary}
      section={section}
      share={articlePageMeta(article)}
      structuredData={[newsArticleJsonLd(site, article, images), breadcrumbJsonLd(site, section, article)]}
    >
      <div class="with-sidebar">
        <article class="article">
          {article.state !== "published" && (
            <p class={`state-banner state-${article.state}`}>
              {article.state === "scheduled"
                ? `${words.scheduled} ${formatDateline(article.date)}`
                : words[article.state]}
            </p>
          )}
          <div class="article-tools">
            <ShareBar url={article.url} title={article.headline} />
            <ReadingTools />
          </div>
          <p class="section-label">
            {top !== section && (
              <>
                <a href={href(sectionUrl(top.slug))}>{top.title}</a>
                <span class="crumb-separator" aria-hidden="true">
                  {" › "}
                </span>
              </>
            )}
            <a href={href(sectionUrl(section.slug))}>{section.title}</a>
          </p>
          <h1 class="headline">{article.headline}</h1>
          <p class="print-url">{absolute(article.url)}</p>
          <Dateline article={article} />
          {article.image && <Figure image={article.image} className="lead-image" loading="eager" />}
          <div
            class="article-body"
            // Safe: Markdown rendered and sanitised by src/render/markdown.ts.
            dangerouslySetInnerHTML={{ __html: useBodyHtml(article) }}
          />
          {article.gallery.length > 0 && (
            <div class="gallery">
              {article.gallery.map((picture) => (
                <Figure key={picture.src} image={picture} className="gallery-item" loading="lazy" />
              ))}
            </div>
          )}
          <Corrections article={article} />
          {article.tags.length > 0 && (
            <p class="tags">
              <span class="tags-label">{words.tags}</span>{" "}
              {article.tags.map((tag) => (
                <a class="tag" key={tag.slug} href={href(topicUrl(tag.slug))}>
                  {tag.name}
                </a>
              ))}
            </p>
          )}
          <RelatedNews article={article} />
        </article>
        <Sidebar />
      </div>
    </Document>
  );
}
