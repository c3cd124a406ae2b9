import { searchPartFolder } from "../domain/urls.ts";
import type { Site } from "./site.ts";

/**
 * The search index comes in parts (Pagefind holds a whole part in memory while it builds
 * it): how many, their folders and sizes follow from the number of pages search finds.
 */
/** One part of the search index: its folder (relative to the site root) and how many pages it holds. */
export interface SearchPart {
  readonly folder: string;
  readonly pages: number;
}

/**
 * The parts of an index of `pages` pages, built one Pagefind process after another: as
 * few as hold them at `partSize` each, at least one, of even size (at 5,000 a part,
 * 10,005 pages make three of 3,335, not two full parts and one of 5 pages). Each part
 * holds the next pages in the order of searchables().
 */
export function searchIndexParts(pages: number, partSize: number): readonly SearchPart[] {
  const parts = Math.max(1, Math.ceil(pages / partSize));
  const start = (part: number) => Math.floor((part * pages) / parts);
  return Array.from({ length: parts }, (_, part) => ({
    folder: searchPartFolder(part + 1).slice(1),
    pages: start(part + 1) - start(part),
  }));
}

/** How many pages search finds: the plain pages and the published articles (searchDocuments.ts lists them). */
export function searchablePageCount(site: Site): number {
  return (
    site.routes.filter((route) => route.kind === "page").length +
    site.articles.filter((article) => article.state === "published").length
  );
}

/** The index's parts for `site`. */
export function siteSearchParts(site: Site): readonly SearchPart[] {
  return searchIndexParts(searchablePageCount(site), site.config.searchPartSize);
}

/** Folders of the index parts, relative to the site root; the search page loads the first and merges the rest. */
export function searchIndexFolders(site: Site): readonly string[] {
  return siteSearchParts(site).map((part) => part.folder);
}
