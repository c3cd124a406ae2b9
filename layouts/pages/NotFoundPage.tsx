import { ArticleList } from "../components/ArticleList.tsx";
import { useHref, usePage } from "../components/context.ts";
import { Document } from "../components/Document.tsx";

/** The 404 page: what happened, the way home, and the top stories to go on reading. */
export function NotFoundPage() {
  const { site } = usePage();
  const href = useHref();
  const { words } = site.config;
  return (
    <Document title={`${words.notFoundTitle} - ${site.config.name}`} description={words.notFoundText}>
      <div class="not-found">
        <h1 class="headline">{words.notFoundTitle}</h1>
        <p>{words.notFoundText}</p>
        <p>
          <a class="button" href={href("/")}>
            {words.notFoundHome}
          </a>
        </p>
        {site.topStories.length > 0 && (
          <section aria-labelledby="not-found-top">
            <h2 class="block-title" id="not-found-top">
              {words.topStories}
            </h2>
            <ArticleList articles={site.topStories} level={3} withSummary={false} />
          </section>
        )}
      </div>
    </Document>
  );
}
