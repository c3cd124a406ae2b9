import { availableParallelism } from "node:os";
import { typeScriptWorker } from "../workers/typeScriptWorker.ts";
import { articleBodyHtml, type BodyLookup, type Written } from "./articleBody.ts";
import type { ImageLookup } from "./images.ts";

const BATCH = 64;
/** Below this many bodies, starting workers costs more than it saves. */
const WORKERS_FROM = 512;

/**
 * Renders, sanitises and minifies every body once per build, over all cores: the
 * heaviest per-article work leaves Eleventy's single-threaded render.
 */
export async function renderBodies(
  items: readonly Written[],
  images: ImageLookup,
  tableLabel: string,
): Promise<BodyLookup> {
  const bodies = new Map<string, string>();
  if (items.length < WORKERS_FROM) {
    for (const item of items) bodies.set(item.file, await articleBodyHtml(item, images, tableLabel));
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
          void worker.terminate();
          reject(new Error(`rendering article bodies failed: ${result.message}`));
          return;
        }
        for (const [i, item] of batch.entries()) bodies.set(item.file, result.html[i] as string);
        sendNext();
      });
      worker.on("error", reject);
      sendNext();
    });
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, runWorker));
  return bodies;
}
