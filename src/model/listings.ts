import type { Article } from "../domain/article.ts";
import type { Section, SectionTree } from "../domain/section.ts";
import { listingPageUrl } from "../domain/urls.ts";

/** A list of articles with its own pages: a section, a top section, a topic, the top news. */
export interface Listing {
  readonly kind: "section" | "topic" | "topNews";
  readonly title: string;
  /** URL of its first page. */
  readonly url: string;
  /** The section it lists, for the navigation's `aria-current`. */
  readonly section: Section | undefined;
  readonly articles: readonly Article[];
}

export interface ListingPage {
  readonly listing: Listing;
  readonly url: string;
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly articles: readonly Article[];
}

/** Splits a listing into pages of `perPage`; an empty listing still has its one page. */
export function paginate(listing: Listing, perPage: number): ListingPage[] {
  const pageCount = Math.max(1, Math.ceil(listing.articles.length / perPage));
  return Array.from({ length: pageCount }, (_, index) => ({
    listing,
    url: listingPageUrl(listing.url, index + 1),
    pageNumber: index + 1,
    pageCount,
    articles: listing.articles.slice(index * perPage, (index + 1) * perPage),
  }));
}

/**
 * Each section's and top section's articles, newest first, in one pass over the
 * (already sorted) published articles.
 */
export function articlesBySection(
  newestFirst: readonly Article[],
  tree: SectionTree,
): Map<Section, Article[]> {
  const lists = new Map<Section, Article[]>();
  for (const section of tree.bySlug.values()) lists.set(section, []);
  for (const article of newestFirst) {
    lists.get(article.section)?.push(article);
    const top = article.section.parent;
    if (top !== article.section) lists.get(top)?.push(article);
  }
  return lists;
}

/** A topic: every article carrying a tag, whatever its case or spacing. */
export interface Topic {
  readonly slug: string;
  /** The spelling most articles use (ties: the first in alphabetical order). */
  readonly name: string;
  /** Newest first. */
  readonly articles: readonly Article[];
}

/** Each tag's articles, newest first, in one pass; topics sorted by name for the index. */
export function articlesByTopic(newestFirst: readonly Article[]): Topic[] {
  const bySlug = new Map<string, { articles: Article[]; spellings: Map<string, number> }>();
  for (const article of newestFirst) {
    for (const tag of article.tags) {
      let entry = bySlug.get(tag.slug);
      if (!entry) {
        entry = { articles: [], spellings: new Map() };
        bySlug.set(tag.slug, entry);
      }
      entry.articles.push(article);
      entry.spellings.set(tag.name, (entry.spellings.get(tag.name) ?? 0) + 1);
    }
  }
  const topics = [...bySlug].map(([slug, entry]) => ({
    slug,
    name: [...entry.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? slug,
    articles: entry.articles,
  }));
  return topics.sort((a, b) => a.name.localeCompare(b.name, "en") || (a.slug < b.slug ? -1 : 1));
}

/**
 * The page numbers a pager shows: the first, the last, and two either side of the current
 * one, with gaps marked, so a listing of thousands of pages still has a short pager.
 */
export function pageNumbersToShow(current: number, count: number): (number | "gap")[] {
  const shown = new Set([1, count, current - 2, current - 1, current, current + 1, current + 2]);
  const numbers = [...shown].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  return numbers.flatMap((n, i) => (i > 0 && n - (numbers[i - 1] ?? n) > 1 ? ["gap" as const, n] : [n]));
}
