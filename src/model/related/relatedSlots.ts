import type { Article } from "../../domain/article.ts";
import type { ArticleFacts } from "./relatedMemory.ts";
import { grownArray } from "./relatedRows.ts";

/**
 * This build's articles matched with the memory's slots by file, and what changed: an
 * article is the same text while its version is; its time, address, section and listing
 * are compared (the clock, the site's zone or the section tree can change them without a
 * new version).
 */
export interface PlacedArticles {
  /** How many slots the arrays have now (never fewer than before). */
  readonly slots: number;
  readonly slotOf: ReadonlyMap<Article, number>;
  /** Each slot's article, undefined for a free slot. */
  readonly article: readonly (Article | undefined)[];
  /** Slots whose article left this build. */
  readonly removed: readonly number[];
  /** Slots whose text must be read: new articles and new versions. */
  readonly unread: readonly number[];
  /** Slots whose time, address, section, top section or listing changed, or that were added or removed (once each). */
  readonly placed: readonly number[];
  /** The facts of every slot but its terms (and length) and tags. */
  readonly facts: Omit<ArticleFacts, "terms" | "tags" | "length">;
}

export function placeArticles(
  was: ArticleFacts,
  listed: readonly Article[],
  pages: readonly Article[],
): PlacedArticles {
  const before = was.file.length;
  const slotOfFile = new Map<string, number>();
  for (let slot = 0; slot < before; slot++) {
    const file = was.file[slot];
    if (file) slotOfFile.set(file, slot);
  }
  // Each article once, the listed ones first, with its slot in the memory (-1 for a new one, for now).
  const slotOf = new Map<Article, number>();
  const articles: Article[] = [];
  const known: number[] = [];
  const kept = new Uint8Array(before);
  const take = (list: readonly Article[]) => {
    for (const article of list) {
      if (slotOf.has(article)) continue;
      const slot = slotOfFile.get(article.file) ?? -1;
      slotOf.set(article, slot);
      articles.push(article);
      known.push(slot);
      if (slot >= 0) kept[slot] = 1;
    }
  };
  take(listed);
  const listedCount = articles.length;
  take(pages);
  const removed: number[] = [];
  const free: number[] = [];
  for (let slot = 0; slot < before; slot++) {
    if (kept[slot] === 1) continue;
    if (was.file[slot]) removed.push(slot);
    free.push(slot);
  }
  let slots = before;
  let nextFree = 0;
  const slotAt = known.map((slot) => (slot >= 0 ? slot : (free[nextFree++] ?? slots++)));

  const facts = {
    file: grownList(was.file, slots),
    version: grownList(was.version, slots),
    url: grownList(was.url, slots),
    section: grownList(was.section, slots),
    top: grownList(was.top, slots),
    time: grownArray(was.time, slots),
    listed: grownArray(was.listed, slots),
  };
  for (const slot of removed) {
    for (const strings of [facts.file, facts.version, facts.url, facts.section, facts.top])
      strings[slot] = "";
    facts.time[slot] = 0;
    facts.listed[slot] = 0;
  }
  const article: (Article | undefined)[] = new Array(slots);
  const unread: number[] = [];
  const placed = [...removed];
  articles.forEach((a, i) => {
    const slot = slotAt[i] ?? 0;
    const isNew = (known[i] ?? -1) < 0;
    if (isNew) slotOf.set(a, slot);
    article[slot] = a;
    if (isNew || facts.version[slot] !== a.version) unread.push(slot);
    const listing = i < listedCount ? 1 : 0;
    const time = a.date.toMillis();
    const { section } = a;
    // (A new article in a removed one's slot is there already.)
    if (
      isNew
        ? !(slot < before && was.file[slot])
        : facts.time[slot] !== time ||
          facts.url[slot] !== a.url ||
          facts.section[slot] !== section.slug ||
          facts.top[slot] !== section.parent.slug ||
          facts.listed[slot] !== listing
    )
      placed.push(slot);
    facts.file[slot] = a.file;
    facts.version[slot] = a.version;
    facts.url[slot] = a.url;
    facts.section[slot] = section.slug;
    facts.top[slot] = section.parent.slug;
    facts.time[slot] = time;
    facts.listed[slot] = listing;
  });
  return { slots, slotOf, article, removed, unread, placed, facts };
}

/** A copy of `list` with `length` entries, the new ones "". */
function grownList(list: readonly string[], length: number): string[] {
  const copy = list.slice();
  while (copy.length < length) copy.push("");
  return copy;
}
