import type { SearchDocument } from "../output/search/searchDocuments.ts";

/** What the build tells the search index's thread (searchWorker.ts). */
export type SearchWorkerMessage =
  | { readonly kind: "documents"; readonly documents: readonly SearchDocument[] }
  | { readonly kind: "stop" };

/**
 * A part of the index to write: its folder (relative to the site root), how many of the
 * documents sent it takes (they arrive in the order of the parts), and its group in the
 * build's manifest (a name, and the key of what it indexes).
 */
export interface IndexPart {
  readonly folder: string;
  readonly pages: number;
  readonly name: string;
  readonly key: string;
}

/** A file the index wrote: its path (relative to the site root), fingerprint, size, and its part's group. */
export interface IndexFile {
  readonly file: string;
  readonly hash: string;
  readonly size: number;
  readonly part: string;
  readonly key: string;
}

/** A finished index: its pages, how long it took, and its files. */
export interface SearchIndexDone {
  readonly pages: number;
  readonly seconds: number;
  /** Each file of the index (relative to the site root) with its fingerprint and size. */
  readonly files: readonly IndexFile[];
}

/** What the thread answers once every part is written. */
export type SearchWorkerResult =
  | { readonly ok: true; readonly pages: number; readonly files: readonly IndexFile[] }
  | { readonly ok: false; readonly message: string };
