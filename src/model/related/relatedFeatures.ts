import type { Article } from "../../domain/article.ts";
import { grownArray, type Row, type Rows, rebuildRows } from "./relatedRows.ts";
import { stripMarkdown, type TermReader } from "./textTerms.ts";

/**
 * An article's features as related news counts them: its terms (read from the text, the
 * expensive part) and its tags; and, over all articles, each feature's document frequency.
 */

/** Headline words count this many times. */
const HEADLINE_WEIGHT = 3;
/** Words capitalized inside a body sentence, names most likely, count this many times. */
const NAME_WEIGHT = 2;

/**
 * Reads articles' terms: each article's terms in order of first use (ids of the reader's
 * table), their weighted counts, and its weighted length. Headlines are often in title
 * case: capitals there say nothing, so only the body's count as names.
 */
export function termCounter(
  reader: TermReader,
): (article: Article) => { readonly row: Row; readonly length: number } {
  // Counts by term id, and the ids this article touched: no allocation per word.
  const counts: number[] = [];
  const touched: number[] = [];
  let length = 0;
  const see = (weight: number, name: number) => (id: number, capitalized: boolean) => {
    while (counts.length <= id) counts.push(0);
    length += weight;
    if (counts[id] === 0) touched.push(id);
    counts[id] = (counts[id] ?? 0) + (capitalized ? weight * name : weight);
  };
  const seeHeadline = see(HEADLINE_WEIGHT, 1);
  const seeBody = see(1, NAME_WEIGHT);
  // The row handed out: valid until the next article is read.
  const values: number[] = [];
  return (article) => {
    length = 0;
    touched.length = 0;
    reader.read(stripMarkdown(article.headline), seeHeadline);
    reader.read(stripMarkdown(article.body), seeBody);
    values.length = touched.length;
    touched.forEach((id, i) => {
      values[i] = Math.min(65_535, counts[id] ?? 0);
      counts[id] = 0;
    });
    return { row: { ids: touched, values, length: touched.length }, length };
  };
}

/** Tag ids by slug, growing as new tags are seen. */
export class TagTable {
  readonly names: string[];
  private readonly ids: Map<string, number>;

  constructor(names: readonly string[]) {
    this.names = [...names];
    this.ids = new Map(this.names.map((name, id) => [name, id]));
  }

  /** The article's tags, once each, in the order of their slugs (so sums over them are the same in every build). */
  rowOf(article: Article): Row {
    const { tags } = article;
    const slugs =
      tags.length < 2 ? tags.map((tag) => tag.slug) : [...new Set(tags.map((tag) => tag.slug))].sort();
    const ids = new Int32Array(slugs.length);
    slugs.forEach((slug, i) => {
      let id = this.ids.get(slug);
      if (id === undefined) {
        id = this.names.length;
        this.ids.set(slug, id);
        this.names.push(slug);
      }
      ids[i] = id;
    });
    return { ids, values: new Uint16Array(ids.length).fill(1), length: ids.length };
  }
}

export interface FeatureUpdate {
  readonly rows: Rows<Uint16Array>;
  readonly frequency: Int32Array;
  /** Features whose frequency changed (it may have come back to where it was). */
  readonly moved: readonly number[];
}

/**
 * Puts `source(slot)` in place of the rows of the slots `replaced` marks, and moves the
 * frequencies with them; `features()`: how many features there are once the rows are made.
 */
export function updateFeatures(
  rows: Rows<Uint16Array>,
  frequency: Int32Array,
  slots: number,
  replaced: Uint8Array,
  source: (slot: number) => Row,
  features: () => number,
): FeatureUpdate {
  const updated = rebuildRows(rows, slots, replaced, source, (n) => new Uint16Array(n));
  const counts = grownArray(frequency, features());
  const isMoved = new Uint8Array(counts.length);
  const moved: number[] = [];
  const count = (table: Rows<Uint16Array>, slot: number, step: number) => {
    for (let p = table.offsets[slot] ?? 0; p < (table.offsets[slot + 1] ?? 0); p++) {
      const id = table.ids[p] ?? 0;
      counts[id] = (counts[id] ?? 0) + step;
      if (isMoved[id] === 0) {
        isMoved[id] = 1;
        moved.push(id);
      }
    }
  };
  const before = rows.offsets.length - 1;
  for (let slot = 0; slot < slots; slot++) {
    if (replaced[slot] !== 1) continue;
    if (slot < before) count(rows, slot, -1);
    count(updated, slot, 1);
  }
  return { rows: updated, frequency: counts, moved };
}

/**
 * Marks in `marks` the slots with a feature whose weight moved: `weightOf(frequency)`
 * differs between the old and the new frequency.
 */
export function markMovedWeights(
  update: FeatureUpdate,
  oldFrequency: Int32Array,
  weightOf: (frequency: number) => number,
  marks: Uint8Array,
): void {
  const shifted = new Uint8Array(update.frequency.length);
  let any = false;
  for (const id of update.moved) {
    if (weightOf(oldFrequency[id] ?? 0) !== weightOf(update.frequency[id] ?? 0)) {
      shifted[id] = 1;
      any = true;
    }
  }
  if (!any) return;
  const { offsets, ids } = update.rows;
  for (let slot = 0; slot < marks.length; slot++) {
    for (let p = offsets[slot] ?? 0; p < (offsets[slot + 1] ?? 0); p++) {
      if (shifted[ids[p] ?? 0] === 1) {
        marks[slot] = 1;
        break;
      }
    }
  }
}
