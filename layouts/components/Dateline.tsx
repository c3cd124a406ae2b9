import type { Article } from "../../src/domain/article.ts";
import { formatDateline, formatIso } from "../../src/domain/dates.ts";
import { usePage } from "./context.ts";

/** `2016-11-05 12:36  China Daily  Editor: Mo Hong'e`, in the site's time zone. */
export function Dateline({ article }: { readonly article: Article }) {
  const { words } = usePage().site.config;
  return (
    <p class="dateline">
      <time dateTime={formatIso(article.date)}>{formatDateline(article.date)}</time>{" "}
      {article.author && (
        <>
          <span class="byline">
            {words.by} {article.author}
          </span>{" "}
        </>
      )}
      <span class="source">{article.source}</span>{" "}
      <span class="editor">
        {words.editor} {article.editor}
      </span>
      {article.updated && (
        <>
          {" "}
          <span class="updated">
            {words.updated}{" "}
            <time dateTime={formatIso(article.updated)}>{formatDateline(article.updated)}</time>
          </span>
        </>
      )}
    </p>
  );
}
