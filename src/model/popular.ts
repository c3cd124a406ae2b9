import type { DateTime } from "luxon";
import type { PopularExport } from "../content/popularExport.ts";
import type { Article } from "../domain/article.ts";
import type { Problem } from "../domain/problem.ts";
import { normaliseUrlPath } from "../domain/urls.ts";

const MAX_AGE_HOURS = 48;
/** How many articles the block ranks. */
export const POPULAR_BLOCK_SIZE = 10;

export interface PopularBlock {
  /** True when the export is missing or stale and the block shows the latest articles instead. */
  readonly isLatest: boolean;
  readonly articles: readonly Article[];
}

/**
 * Most popular in 24h: the export's paths ranked by views, kept to published articles.
 * Without an export, or with one older than 48 hours at the build's clock, the block
 * falls back to the latest articles and says so.
 */
export function mostPopular(
  data: PopularExport | undefined,
  file: string,
  lineOf: (path: readonly (string | number)[]) => number,
  byUrl: ReadonlyMap<string, Article>,
  latest: readonly Article[],
  clock: DateTime,
  pathPrefix: string,
): { block: PopularBlock; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const fallback = { block: { isLatest: true, articles: latest.slice(0, POPULAR_BLOCK_SIZE) }, warnings };
  if (!data) return fallback;
  const ageHours = (clock.toMillis() - Date.parse(data.exportedAt)) / 3_600_000;
  if (ageHours < -1) {
    warnings.push({
      severity: "warning",
      file,
      line: lineOf(["exportedAt"]),
      field: "exportedAt",
      message: `the export says it was made ${Math.ceil(-ageHours)} hours from now (a clock set wrong?); the block shows the latest articles until a good export arrives`,
    });
    return fallback;
  }
  if (ageHours > MAX_AGE_HOURS) {
    warnings.push({
      severity: "warning",
      file,
      line: lineOf(["exportedAt"]),
      field: "exportedAt",
      message: `the export is ${Math.floor(ageHours)} hours old; the block shows the latest articles until a fresh export arrives`,
    });
    return fallback;
  }
  const seen = new Set<Article>();
  const ranked = data.pages
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.views - a.entry.views || a.index - b.index);
  for (const { entry, index } of ranked) {
    const article = byUrl.get(normaliseUrlPath(entry.path, pathPrefix));
    if (!article) {
      warnings.push({
        severity: "warning",
        file,
        line: lineOf(["pages", index, "path"]),
        field: "pages.path",
        message: `"${entry.path}" is not a published article; it is left out`,
      });
      continue;
    }
    if (seen.size < POPULAR_BLOCK_SIZE) seen.add(article);
  }
  return { block: { isLatest: false, articles: [...seen] }, warnings };
}
