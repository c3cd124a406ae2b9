import { readFile, writeFile } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { minify } from "html-minifier-terser";
import { MINIFY_OPTIONS } from "./minifyOptions.ts";

/** Minifies the HTML files it is sent, in place, and answers with how many bytes it saved. */
parentPort?.on("message", async (files: readonly string[]) => {
  try {
    let saved = 0;
    for (const file of files) {
      const html = await readFile(file, "utf8");
      const small = await minify(html, MINIFY_OPTIONS);
      saved += html.length - small.length;
      await writeFile(file, small);
    }
    parentPort?.postMessage({ ok: true, saved });
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
