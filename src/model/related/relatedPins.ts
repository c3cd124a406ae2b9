import type { Article } from "../../domain/article.ts";
import type { Problem } from "../../domain/problem.ts";

/**
 * Editors' pins come first under Related news, then the engine's choices, without
 * repeats. A pin to an article this build does not publish is skipped with a warning.
 */
export function withPins(
  articles: readonly Article[],
  published: ReadonlySet<Article>,
  engine: (article: Article) => readonly Article[],
  count: number,
  warnings: Problem[],
): (article: Article) => readonly Article[] {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const pins = new Map<Article, Article[]>();
  for (const article of articles) {
    if (article.relatedPins.length === 0 || !published.has(article)) continue;
    const resolved = article.relatedPins.flatMap((pin) => {
      const target = byId.get(pin.id);
      if (target && published.has(target)) return [target];
      warnings.push({
        severity: "warning",
        file: article.file,
        line: pin.line,
        field: "related",
        message: `"${pin.id}" is not published in this build (a draft, scheduled, or with errors); it is left out`,
      });
      return [];
    });
    pins.set(article, resolved);
  }
  return (article) => {
    const pinned = pins.get(article);
    if (!pinned) return engine(article).slice(0, count);
    const chosen = new Set(pinned);
    for (const candidate of engine(article)) chosen.add(candidate);
    chosen.delete(article);
    return [...chosen].slice(0, count);
  };
}
