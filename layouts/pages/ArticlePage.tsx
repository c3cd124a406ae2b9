import type { Article } from "../../src/domain/article.ts";
import { articlePageMeta } from "../../src/render/head/metaTags.ts";
import { breadcrumbJsonLd, newsArticleJsonLd } from "../../src/render/head/structuredData.ts";
import { ArticleStory, StateBanner } from "../components/ArticleStory.tsx";
import { usePage } from "../components/context.ts";
import { Document } from "../components/Document.tsx";
import { ReadingTools } from "../components/ReadingTools.tsx";
import { RelatedNews } from "../components/RelatedNews.tsx";
import { ShareBar } from "../components/ShareBar.tsx";
import { Sidebar } from "../components/Sidebar.tsx";

/** The article page, region by region in the reference page's order. */
export function ArticlePage({ article }: { readonly article: Article }) {
  const { site, images } = usePage();
  const { section } = article;
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
          <StateBanner article={article} />
          <div class="article-tools">
            <ShareBar url={article.url} title={article.headline} />
            <ReadingTools />
          </div>
          <ArticleStory article={article} />
          <RelatedNews article={article} />
        </article>
        <Sidebar />
      </div>
    </Document>
  );
}
