import type { SearchDocument } from "../output/search/searchDocuments.ts";

/** What the build tells the search index's thread (searchWorker.ts). */
export type SearchWorkerMessage =
  | { readonly kind: "documents"; readonly documents: readonly SearchDocument[] }
  | { readonly kind: "stop" };

/** A file the index wrote: its path (relative to the site root), fingerprint and size in bytes. */
export type IndexFile = readonly [path: string, hash: string, size: number];

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
