import type { DateTime } from "luxon";
import type { Article } from "../domain/article.ts";

/**
 * When an article's page last changed: its `updated` date, or a dated correction if that is
 * later (a correction changes the page), else its publication date. Feeds, sitemaps and
 * structured data all use this one rule, so they never disagree.
 */
export function lastModified(article: Article): DateTime {
  let latest = article.updated && article.updated > article.date ? article.updated : article.date;
  for (const correction of article.corrections) {
    if (correction.date && correction.date > latest) latest = correction.date;
  }
  return latest;
}

/** The latest `lastModified` among the articles; undefined for none. */
export function newestChange(articles: readonly Article[]): DateTime | undefined {
  let newest: DateTime | undefined;
  for (const article of articles) {
    const changed = lastModified(article);
    if (!newest || changed > newest) newest = changed;
  }
  return newest;
}
