import { ArticleList } from "../components/ArticleList.tsx";
import { usePage } from "../components/context.ts";
import { Document } from "../components/Document.tsx";
import { Sidebar } from "../components/Sidebar.tsx";

/**
 * The Most popular block's articles, ranked, with their dates and summaries: where the
 * block's heading leads, for readers whose pages show the blocks only by heading (no script).
 */
export function PopularPage() {
  const { site } = usePage();
  const { words } = site.config;
  const { popular } = site.sidebar;
  const title = popular.isLatest ? words.latest : words.mostPopular;
  return (
    <Document title={`${title} - ${site.config.name}`} description={`${title} - ${site.config.name}`}>
      <div class="with-sidebar">
        <div class="listing">
          <h1 class="listing-title">{title}</h1>
          {popular.articles.length > 0 ? (
            <ArticleList articles={popular.articles} level={2} ranked />
          ) : (
            <p class="empty">{words.noArticles}</p>
          )}
        </div>
        <Sidebar />
      </div>
    </Document>
  );
}
