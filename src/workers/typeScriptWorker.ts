import { Worker } from "node:worker_threads";

/**
 * A worker thread running one of our TypeScript modules. Node 20 gives workers no loader
 * of their own, so the worker registers tsx first and then imports the module.
 */
export function typeScriptWorker(module: URL, workerData: unknown): Worker {
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(
    module.href,
  )}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
