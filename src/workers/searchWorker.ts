import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { close, createIndex } from "pagefind";
import { fingerprint } from "../domain/fingerprint.ts";
import type { SearchPart } from "../model/searchParts.ts";
import { failpoint } from "../output/failpoint.ts";
import type { SearchDocument } from "../output/search/searchDocuments.ts";
import { writerInto } from "../output/writer.ts";
import type { IndexFile, SearchWorkerMessage, SearchWorkerResult } from "./searchMessages.ts";

const { parts, siteFolder, language } = workerData as {
  readonly parts: readonly SearchPart[];
  readonly siteFolder: string;
  readonly language: string;
};
const writer = writerInto(siteFolder);

/** Documents the build has sent and Pagefind has not been given yet. */
const arrived: SearchDocument[] = [];
/** Wakes a part waiting for more documents. */
let wake: (() => void) | undefined;

parentPort?.on("message", async (message: SearchWorkerMessage) => {
  if (message.kind === "stop") {
    // A newer build began or this one failed: end Pagefind's process first, so it is not
    // left writing into a closed pipe.
    await close();
    process.exit(0);
  }
  for (const document of message.documents) arrived.push(document);
  wake?.();
});

/** Each file written, with its fingerprint and size (the build's list of outputs). */
const written: IndexFile[] = [];

/**
 * Indexes one part in a fresh Pagefind process, which frees its memory when it ends.
 * Each document goes to Pagefind as soon as it arrives, while the build renders the rest.
 */
async function writePart({ folder, pages }: SearchPart): Promise<void> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: language });
    if (!index) throw new Error(errors.join("; "));
    const added: Promise<{ readonly errors: readonly string[] }>[] = [];
    while (added.length < pages) {
      if (arrived.length === 0)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      for (const { url, html } of arrived.splice(0, pages - added.length))
        added.push(index.addHTMLFile({ url, content: html }));
    }
    const addErrors = (await Promise.all(added)).flatMap((result) => result.errors);
    if (addErrors.length > 0) throw new Error(addErrors.join("; "));
    // The files go through the site's one writer, from this thread.
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(fileErrors.join("; "));
    for (const file of files) {
      const target = path.posix.join(folder, file.path);
      await writer.write(target, file.content);
      written.push([target, fingerprint(file.content), file.content.byteLength]);
    }
    await writer.finish();
    failpoint("search");
  } finally {
    await close();
  }
}

let result: SearchWorkerResult;
try {
  for (const part of parts) await writePart(part);
  result = { ok: true, pages: parts.reduce((sum, part) => sum + part.pages, 0), files: written };
} catch (error) {
  result = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(result);
parentPort?.close();
