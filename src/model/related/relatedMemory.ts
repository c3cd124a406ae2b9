import { emptyRows, type Rows } from "./relatedRows.ts";

/**
 * What related news keeps from one build for the next, so that the next reads the text of
 * changed articles only and computes only the lists a change can reach. Plain data that
 * `node:v8` serialises (objects, arrays, typed arrays, strings, numbers): the build state
 * on disk holds it. Nothing in it depends on the order things happened in but the ids of
 * slots, terms and tags, which only index arrays and never decide a list.
 *
 * Articles live in *slots*, the index of every per-article array; an article keeps its slot
 * while its file exists, and a slot set free (file "") is given to the next new article.
 */
export interface RelatedMemory {
  /** The layout of this data: a memory of another layout is not used. */
  readonly format: typeof MEMORY_FORMAT;
  /** The list length (`relatedCount`) the lists were computed for. */
  readonly count: number;
  /** The scale of the number of articles the weights were computed at (relatedWeights.ts). */
  readonly scale: number;
  /** The term table (a term's id is its index) and each term's document frequency. */
  readonly terms: readonly string[];
  readonly termFrequency: Int32Array;
  /** Tags by slug, alike. */
  readonly tags: readonly string[];
  readonly tagFrequency: Int32Array;
  readonly articles: ArticleFacts;
  /** Each article's text vector (term ids, weights) and tag vector (tag ids, weights). */
  readonly textVectors: Rows<Float32Array>;
  readonly tagVectors: Rows<Float32Array>;
  readonly lists: ListFacts;
}

/** What identifies each slot's article and what its lists and weights were made from. */
export interface ArticleFacts {
  readonly file: readonly string[];
  readonly version: readonly string[];
  readonly url: readonly string[];
  readonly section: readonly string[];
  readonly top: readonly string[];
  readonly time: Float64Array;
  /** 1 for an article that related lists may show, 0 for one with a page only. */
  readonly listed: Uint8Array;
  /** Its terms in order of first use, with their weighted counts, and its weighted length. */
  readonly terms: Rows<Uint16Array>;
  readonly length: Float64Array;
  /** Its tags (ids) in the order of their slugs, each counted once. */
  readonly tags: Rows<Uint16Array>;
}

/** Each slot's list (`count` slots, -1 past its end) and what decides its entries (ComputedList). */
export interface ListFacts {
  readonly ids: Int32Array;
  readonly threshold: Float64Array;
  readonly sectionReach: Float64Array;
  readonly topReach: Float64Array;
}

export const MEMORY_FORMAT = 1;

export function emptyMemory(count: number): RelatedMemory {
  return {
    format: MEMORY_FORMAT,
    count,
    scale: 0,
    terms: [],
    termFrequency: new Int32Array(0),
    tags: [],
    tagFrequency: new Int32Array(0),
    articles: {
      file: [],
      version: [],
      url: [],
      section: [],
      top: [],
      time: new Float64Array(0),
      listed: new Uint8Array(0),
      terms: emptyRows(new Uint16Array(0)),
      length: new Float64Array(0),
      tags: emptyRows(new Uint16Array(0)),
    },
    textVectors: emptyRows(new Float32Array(0)),
    tagVectors: emptyRows(new Float32Array(0)),
    lists: {
      ids: new Int32Array(0),
      threshold: new Float64Array(0),
      sectionReach: new Float64Array(0),
      topReach: new Float64Array(0),
    },
  };
}
