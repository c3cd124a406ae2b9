import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

const BATCH = 64;

/** The worker is TypeScript too: register tsx in the worker, then load it (Node 20 gives workers no loader). */
const WORKER_BOOTSTRAP = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(
  new URL("./minifyWorker.ts", import.meta.url).href,
)}); });`;

/**
 * Minifies the written HTML files over all cores. Done after Eleventy has written the
 * pages, not in its transform: there it triples build time and doubles memory.
 */
export async function minifyFiles(files: readonly string[]): Promise<{ saved: number }> {
  if (files.length === 0) return { saved: 0 };
  const workerCount = Math.max(1, Math.min(availableParallelism(), Math.ceil(files.length / BATCH)));
  let next = 0;
  let saved = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_BOOTSTRAP, { eval: true });
      const sendNext = () => {
        if (next >= files.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage(files.slice(next, next + BATCH));
        next += BATCH;
      };
      worker.on("message", (result: { ok: true; saved: number } | { ok: false; message: string }) => {
        if (!result.ok) {
          void worker.terminate();
          reject(new Error(`minifying failed: ${result.message}`));
          return;
        }
        saved += result.saved;
        sendNext();
      });
      worker.on("error", reject);
      sendNext();
    });
  await Promise.all(Array.from({ length: workerCount }, runWorker));
  return { saved };
}
