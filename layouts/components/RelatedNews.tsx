import type { Article } from "../../src/domain/article.ts";
import { formatDateline, formatIso } from "../../src/domain/dates.ts";
import { useHref, usePage } from "./context.ts";

/** Related news below the article: computed once per build, looked up here. */
export function RelatedNews({ article }: { readonly article: Article }) {
  const { site } = usePage();
  const href = useHref();
  const related = site.related(article);
  return (
    <section class="related" aria-labelledby="related-title">
      <h2 class="block-title" id="related-title">
        {site.config.words.relatedNews}
      </h2>
      {related.length > 0 ? (
        <ul class="related-list">
          {related.map((item) => (
            <li key={item.url}>
              <a href={href(item.url)}>{item.headline}</a>{" "}
              <time dateTime={formatIso(item.date)}>{formatDateline(item.date)}</time>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{site.config.words.noArticles}</p>
      )}
    </section>
  );
}
