import type { SearchDocument } from "../output/search/searchDocuments.ts";
import type {
  IndexPart,
  SearchIndexDone,
  SearchWorkerMessage,
  SearchWorkerResult,
} from "./searchMessages.ts";
import { typeScriptWorker } from "./typeScriptWorker.ts";

/** A search index being built on its own thread while the bodies and pages are rendered. */
export interface SearchIndexRun {
  /** Hands it the next documents, in the order of the parts. */
  add(documents: readonly SearchDocument[]): void;
  /** Settles when every part is written: how many pages it holds, how long it took, its files. */
  readonly done: Promise<SearchIndexDone>;
  /** Stops it (the build failed or another began); `done` then rejects. Settles once Pagefind has ended. */
  stop(): Promise<void>;
}

/** How long a stopped index may take to end Pagefind's process before its thread is ended. */
const STOP_GRACE_MS = 2000;

/**
 * Starts building the Pagefind index in `parts`, each into its folder of the site, from
 * the documents `add` hands it. The work runs in Pagefind's own process, driven from a
 * worker thread: the main thread's render never yields to its event loop, so from there
 * Pagefind would wait for the end.
 */
export function startSearchIndex(
  parts: readonly IndexPart[],
  siteFolder: string,
  language: string,
): SearchIndexRun {
  const started = performance.now();
  const worker = typeScriptWorker(new URL("./searchWorker.ts", import.meta.url), {
    parts,
    siteFolder,
    language,
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  const done = new Promise<SearchIndexDone>((resolve, reject) => {
    worker.once("message", (result: SearchWorkerResult) => {
      if (result.ok)
        resolve({ pages: result.pages, seconds: (performance.now() - started) / 1000, files: result.files });
      else reject(new Error(`search index: ${result.message}`));
    });
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("search index: stopped before it was written")));
  });
  // A stopped run is nobody's concern: only an awaited one reports its failure.
  done.catch(() => {});
  const tell = (message: SearchWorkerMessage) => worker.postMessage(message);
  return {
    add: (documents) => tell({ kind: "documents", documents }),
    done,
    stop: () => {
      tell({ kind: "stop" });
      // Ends the thread even if it cannot answer.
      setTimeout(() => void worker.terminate(), STOP_GRACE_MS).unref();
      return exited;
    },
  };
}
