import { availableParallelism } from "node:os";
import type { ImageLookup } from "../domain/picture.ts";
import { articleBodyHtml } from "../markdown/bodyHtml.ts";
import type { BodyLookup, Written } from "../markdown/bodyLookup.ts";
import { typeScriptWorker } from "./typeScriptWorker.ts";

const BATCH = 64;
/**
 * Below this many bodies, starting workers (each loads tsx and the renderer: about 2 s)
 * costs more than it saves: measured, 1,000 bodies took 3.1 s on two workers and 1.8 to
 * 2.1 s in-thread, 2,000 took 3.9 to 4.2 s and 2.9 to 3.7 s, 4,000 about the same both ways.
 */
const WORKERS_FROM = 3000;

export interface BodyPoolOptions {
  /** From how many bodies on worker threads are used; fewer are rendered in-thread. */
  readonly workersFrom?: number;
  /** The bodies found so far (kept from the last build): each new one is added to it. */
  readonly into?: Map<string, string>;
  /** Called with the bodies so far each time a batch of them is done (the search index takes them). */
  readonly onBatch?: (bodies: BodyLookup) => void;
}

/**
 * Renders, sanitises and minifies every body once per build, over all cores: the
 * heaviest per-article work leaves Eleventy's single-threaded render. Batches are handed
 * out in the order of `items`, so the bodies are ready roughly in that order.
 */
export async function renderBodies(
  items: readonly Written[],
  images: ImageLookup,
  tableLabel: string,
  { workersFrom = WORKERS_FROM, into, onBatch }: BodyPoolOptions = {},
): Promise<BodyLookup> {
  const bodies = into ?? new Map<string, string>();
  if (items.length < workersFrom) {
    for (const [n, item] of items.entries()) {
      bodies.set(item.file, await articleBodyHtml(item, images, tableLabel));
      if ((n + 1) % BATCH === 0) onBatch?.(bodies);
    }
    return bodies;
  }
  const workerData = { images: [...images], tableLabel };
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = typeScriptWorker(new URL("./bodyWorker.ts", import.meta.url), workerData);
      let batch: readonly Written[] = [];
      const sendNext = () => {
        if (next >= items.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        // Only what the worker needs crosses over: a whole Article (dates, sections) would not clone.
        batch = items.slice(next, next + BATCH).map(({ file, body }) => ({ file, body }));
        next += BATCH;
        worker.postMessage(batch);
      };
      worker.on("message", (result: { ok: true; html: string[] } | { ok: false; message: string }) => {
        if (!result.ok) {
          // The build is failing: the other workers stop after the batch they hold, rather
          // than keep the process alive through the rest of the queue.
          next = items.length;
          void worker.terminate();
          reject(new Error(`rendering article bodies failed: ${result.message}`));
          return;
        }
        for (const [i, item] of batch.entries()) bodies.set(item.file, result.html[i] as string);
        sendNext();
        onBatch?.(bodies);
      });
      worker.on("error", reject);
      sendNext();
    });
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, runWorker));
  return bodies;
}
