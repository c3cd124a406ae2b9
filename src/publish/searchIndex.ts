import { typeScriptWorker } from "../workers/typeScriptWorker.ts";
import type { SearchPart } from "./searchDocuments.ts";

/** A search index being built on its own thread while the pages are rendered. */
export interface SearchIndexRun {
  /** Settles when every part is written: how many pages it holds and how long it took. */
  readonly done: Promise<{ readonly pages: number; readonly seconds: number }>;
  /** Stops it (the build failed or another began); `done` then rejects. */
  stop(): void;
}

export type SearchWorkerResult =
  | { readonly ok: true; readonly pages: number }
  | { readonly ok: false; readonly message: string };

/** How long a stopped index may take to end Pagefind's process before its thread is ended. */
const STOP_GRACE_MS = 2000;

/**
 * Starts building the Pagefind index of `parts`, each into its folder of the site. The
 * work runs in Pagefind's own process, driven from a worker thread: the main thread's
 * render never yields to its event loop, so from there Pagefind would wait for the end.
 */
export function startSearchIndex(
  parts: readonly SearchPart[],
  siteFolder: string,
  language: string,
): SearchIndexRun {
  const started = performance.now();
  const worker = typeScriptWorker(new URL("./searchWorker.ts", import.meta.url), {
    parts,
    siteFolder,
    language,
  });
  const done = new Promise<{ pages: number; seconds: number }>((resolve, reject) => {
    worker.once("message", (result: SearchWorkerResult) => {
      if (result.ok) resolve({ pages: result.pages, seconds: (performance.now() - started) / 1000 });
      else reject(new Error(`search index: ${result.message}`));
    });
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("search index: stopped before it was written")));
  });
  // A stopped run is nobody's concern: only an awaited one reports its failure.
  done.catch(() => {});
  const stop = () => {
    worker.postMessage("stop");
    // Ends the thread even if it cannot answer.
    setTimeout(() => void worker.terminate(), STOP_GRACE_MS).unref();
  };
  return { done, stop };
}
