import { parentPort, workerData } from "node:worker_threads";
import type { ProcessedImage } from "../domain/picture.ts";
import { articleBodyHtml } from "../markdown/bodyHtml.ts";
import type { Written } from "../markdown/bodyLookup.ts";

/** Set once per worker: the build's processed pictures and the tables' label. */
const { images, tableLabel } = workerData as {
  readonly images: readonly [string, ProcessedImage][];
  readonly tableLabel: string;
};
const lookup = new Map(images);

/** Answers each batch of bodies with their finished HTML, in the same order. */
parentPort?.on("message", async (batch: readonly Written[]) => {
  try {
    const html: string[] = [];
    for (const item of batch) html.push(await articleBodyHtml(item, lookup, tableLabel));
    parentPort?.postMessage({ ok: true, html });
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
