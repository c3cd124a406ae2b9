import type { Article } from "../../src/domain/article.ts";
import { formatDateline, formatIso } from "../../src/domain/dates.ts";
import { usePage } from "./context.ts";

/** The article's corrections, visible at its end, as newsrooms owe their readers. */
export function Corrections({ article }: { readonly article: Article }) {
  const { words } = usePage().site.config;
  if (article.corrections.length === 0) return null;
  return (
    <aside class="corrections" aria-labelledby="corrections-title">
      <h2 class="corrections-title" id="corrections-title">
        {article.corrections.length === 1 ? words.correction : words.corrections}
      </h2>
      <ul>
        {article.corrections.map((correction) => (
          <li key={`${correction.date?.toMillis() ?? ""}${correction.text}`}>
            {correction.date && (
              <>
                <time dateTime={formatIso(correction.date)}>{formatDateline(correction.date)}</time>{" "}
              </>
            )}
            {correction.text}
          </li>
        ))}
      </ul>
    </aside>
  );
}
