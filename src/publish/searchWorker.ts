import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { close, createIndex } from "pagefind";
import { failpoint } from "./failpoint.ts";
import type { SearchDocument, SearchPart } from "./searchDocuments.ts";
import type { SearchWorkerResult } from "./searchIndex.ts";

const { parts, siteFolder, language } = workerData as {
  readonly parts: readonly SearchPart[];
  readonly siteFolder: string;
  readonly language: string;
};

/** Indexes one part in a fresh Pagefind process, which frees its memory when it ends. */
async function writePart(documents: readonly SearchDocument[], outputPath: string): Promise<number> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: language });
    if (!index) throw new Error(errors.join("; "));
    const added = await Promise.all(
      documents.map(({ url, html }) => index.addHTMLFile({ url, content: html })),
    );
    const addErrors = added.flatMap((result) => result.errors);
    if (addErrors.length > 0) throw new Error(addErrors.join("; "));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    failpoint("search");
    return documents.length;
  } finally {
    await close();
  }
}

// Told to stop (a newer build began): end Pagefind's process first, so it is not left
// writing into a closed pipe.
parentPort?.once("message", async () => {
  await close();
  process.exit(0);
});

let result: SearchWorkerResult;
try {
  let pages = 0;
  for (const { folder, documents } of parts)
    pages += await writePart(documents, path.join(siteFolder, folder));
  result = { ok: true, pages };
} catch (error) {
  result = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(result);
parentPort?.close();
