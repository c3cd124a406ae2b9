import type { Article } from "../../src/domain/article.ts";
import { formatDateline, formatIso } from "../../src/domain/dates.ts";
import { useHref, usePage } from "./context.ts";

interface ArticleListProps {
  readonly articles: readonly Article[];
  /** The heading level of each headline, below the list's own heading. */
  readonly level: 2 | 3;
  readonly withSummary?: boolean;
  /** A ranking (most read first): an ordered list, numbered. */
  readonly ranked?: boolean;
}

/** Headline, date and summary of each article: section pages, the home page's blocks. */
export function ArticleList({ articles, level, withSummary = true, ranked = false }: ArticleListProps) {
  const href = useHref();
  const { words } = usePage().site.config;
  const Heading = level === 2 ? "h2" : "h3";
  const List = ranked ? "ol" : "ul";
  return (
    <List class={ranked ? "article-list ranked" : "article-list"}>
      {articles.map((article) => (
        <li class="article-item" key={article.url}>
          <Heading class="item-headline">
            <a href={href(article.url)}>{article.headline}</a>
          </Heading>
          <p class="item-meta">
            <time dateTime={formatIso(article.date)}>{formatDateline(article.date)}</time>
            {article.state !== "published" && (
              <span class={`state-badge state-${article.state}`}> {words[article.state]}</span>
            )}
          </p>
          {withSummary && <p class="item-summary">{article.summary}</p>}
        </li>
      ))}
    </List>
  );
}
