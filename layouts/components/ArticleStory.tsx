import type { Article } from "../../src/domain/article.ts";
import { formatDateline } from "../../src/domain/dates.ts";
import { sectionUrl, topicUrl } from "../../src/domain/urls.ts";
import { Corrections } from "./Corrections.tsx";
import { useAbsoluteUrl, useBodyHtml, useHref, usePage } from "./context.ts";
import { Dateline } from "./Dateline.tsx";
import { Figure } from "./Figure.tsx";

/** "Draft", "Scheduled 2026-11-30 08:00" or "Expired" over an article that is not (or no longer) published. */
export function StateBanner({ article }: { readonly article: Article }) {
  const { words } = usePage().site.config;
  if (article.state === "published") return null;
  return (
    <p class={`state-banner state-${article.state}`}>
      {article.state === "scheduled"
        ? `${words.scheduled} ${formatDateline(article.date)}`
        : words[article.state]}
    </p>
  );
}

/**
 * The article itself, as its page shows it: section, headline, dateline, lead picture, text,
 * gallery, corrections and tags. The article page sets it among its tools and related news;
 * the web editor's preview pane shows it alone (layouts/admin/articlePreview.tsx).
 */
export function ArticleStory({ article }: { readonly article: Article }) {
  const { site } = usePage();
  const href = useHref();
  const absolute = useAbsoluteUrl();
  const { section } = article;
  const top = section.parent;
  const { words } = site.config;
  return (
    <>
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
        // Safe: Markdown rendered and sanitised by src/markdown/render.ts.
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
    </>
  );
}
