import type { Article } from "../../src/article/article.ts";
import { renderArticleBody } from "../../src/render/markdown.ts";
import { formatDateline, formatIso } from "../../src/site/dates.ts";
import { sectionUrl, topicUrl } from "../../src/site/urls.ts";
import { useHref, usePage } from "../components/context.ts";
import { Dateline } from "../components/Dateline.tsx";
import { Document } from "../components/Document.tsx";
import { ReadingTools } from "../components/ReadingTools.tsx";
import { RelatedNews } from "../components/RelatedNews.tsx";
import { ShareBar } from "../components/ShareBar.tsx";
import { Sidebar } from "../components/Sidebar.tsx";

/** The article page, region by region in the reference page's order. */
export function ArticlePage({ article }: { readonly article: Article }) {
  const { site } = usePage();
  const href = useHref();
  const { section } = article;
  const top = section.parent;
  return (
    <Document
      title={`${article.headline} - ${site.config.name}`}
      description={article.summary}
      section={section}
    >
      <div class="with-sidebar">
        <article
          class="article"
          data-pagefind-body=""
          data-pagefind-filter={`section:${top.title}`}
          data-pagefind-meta={`date:${formatDateline(article.date)}`}
          data-pagefind-sort={`date:${formatIso(article.date)}`}
        >
          {article.state !== "published" && (
            <p class={`state-banner state-${article.state}`} data-pagefind-ignore="">
              {article.state === "draft"
                ? "Draft: not published"
                : `Scheduled: publishes ${formatDateline(article.date)}`}
            </p>
          )}
          <div class="article-tools" data-pagefind-ignore="">
            <ShareBar url={article.url} title={article.headline} />
            <ReadingTools />
          </div>
          <p class="section-label" data-pagefind-ignore="">
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
          <Dateline article={article} />
          {article.image && (
            <figure class="lead-image">
              <img src={href(`/${article.image.src.replace(/^\/+/, "")}`)} alt={article.image.alt} />
              {(article.image.caption || article.image.credit) && (
                <figcaption>
                  {article.image.caption}
                  {article.image.credit && <span class="credit"> {article.image.credit}</span>}
                </figcaption>
              )}
            </figure>
          )}
          <div class="article-body" dangerouslySetInnerHTML={{ __html: renderArticleBody(article.body) }} />
          {article.tags.length > 0 && (
            <p class="tags" data-pagefind-ignore="">
              <span class="tags-label">{site.config.words.tags}</span>{" "}
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
