import type { DateTime } from "luxon";
import type { Article } from "../domain/article.ts";
import type { PlainPage } from "../domain/page.ts";
import { searchPartFolder } from "../domain/urls.ts";

/**
 * The search index comes in parts, each a Pagefind index of its own that the search page
 * merges. The parts are spans of publication time, so that they stay put: an article
 * added, edited or deleted changes only the part that holds it, and only that part is
 * indexed again. A span holds at most `searchPartSize` articles (site.json) where it can:
 * the whole archive is one part until it outgrows that; then a part per year, and a year
 * too big is halved, then quartered, then split by month, half-month and day. Only a span
 * whose own count crosses the limit is split or joined again, so growth reshapes the newest
 * span alone. The plain pages (About Us, ...) have a part of their own.
 *
 * Years before the newest article's take parts `OLDER_YEARS_FACTOR` times as large: they
 * change rarely (a correction), and every part costs a reader's browser a download of
 * Pagefind's WebAssembly (60 KB) before a search that finds nothing can say so. Once a year,
 * when the first article of a new year arrives, the year before is indexed again in its
 * larger parts.
 */
const OLDER_YEARS_FACTOR = 5;

export interface SearchPart {
  /** Its folder, relative to the site root (`pagefind/2026-11/`). */
  readonly folder: string;
  /** What it indexes, in the index's order: newest first; the plain pages by URL. */
  readonly items: readonly (Article | PlainPage)[];
}

/** A span of time and how it splits when it holds too many articles. */
interface Span {
  readonly name: string;
  /** The spans it splits into, given its articles (all within it). */
  readonly split: ((articles: readonly Article[]) => Span[]) | undefined;
  readonly articles: readonly Article[];
}

/**
 * The parts of the site's index, from the articles search finds (the published ones,
 * newest first) and the plain pages: the newest part first, then the plain pages' (small,
 * and what a reader looking for "contact" wants at once), then the older parts, newest first.
 */
export function searchParts(
  published: readonly Article[],
  pages: readonly PlainPage[],
  partSize: number,
): readonly SearchPart[] {
  const newestYear = published[0]?.date.year ?? 0;
  const limitOf = (span: Span) =>
    span.name !== "all" && Number(span.name.slice(0, 4)) < newestYear
      ? partSize * OLDER_YEARS_FACTOR
      : partSize;
  const parts: SearchPart[] = spansOf(whole(published), limitOf).map((span) => ({
    folder: searchPartFolder(span.name).slice(1),
    items: span.articles,
  }));
  if (pages.length > 0) parts.splice(1, 0, { folder: searchPartFolder("pages").slice(1), items: pages });
  return parts;
}

/** The spans, newest first, each split until it holds at most its limit of articles (a day is never split). */
function spansOf(span: Span, limitOf: (span: Span) => number): Span[] {
  if (span.articles.length <= limitOf(span) || !span.split) return span.articles.length > 0 ? [span] : [];
  return span.split(span.articles).flatMap((smaller) => spansOf(smaller, limitOf));
}

/** Groups articles (newest first) by a name of their date (in the site's zone, as read), keeping the order. */
function groupBy(
  articles: readonly Article[],
  nameOf: (date: DateTime) => string,
  split: Span["split"],
): Span[] {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    const name = nameOf(article.date);
    const group = groups.get(name);
    if (group) group.push(article);
    else groups.set(name, [article]);
  }
  return [...groups].map(([name, members]) => ({ name, split, articles: members }));
}

const two = (n: number) => String(n).padStart(2, "0");

/** The whole archive as a span: all → years → halves → quarters → months → half-months → days. */
function whole(articles: readonly Article[]): Span {
  const days = (list: readonly Article[]) =>
    groupBy(list, (d) => `${d.year}-${two(d.month)}-${two(d.day)}`, undefined);
  const halfMonths = (list: readonly Article[]) =>
    groupBy(list, (d) => `${d.year}-${two(d.month)}${d.day <= 15 ? "a" : "b"}`, days);
  const months = (list: readonly Article[]) => groupBy(list, (d) => `${d.year}-${two(d.month)}`, halfMonths);
  const quarters = (list: readonly Article[]) => groupBy(list, (d) => `${d.year}-q${d.quarter}`, months);
  const halves = (list: readonly Article[]) =>
    groupBy(list, (d) => `${d.year}-h${d.month <= 6 ? 1 : 2}`, quarters);
  const years = (list: readonly Article[]) => groupBy(list, (d) => String(d.year), halves);
  return { name: "all", split: years, articles };
}
