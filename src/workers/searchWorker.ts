import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { close, createIndex } from "pagefind";
import { failpoint } from "../output/failpoint.ts";
import type { SearchDocument } from "../output/search/searchDocuments.ts";
import { writerInto } from "../output/writer.ts";
import type { IndexFile, IndexPart, SearchWorkerMessage, SearchWorkerResult } from "./searchMessages.ts";

const { parts, siteFolder, language } = workerData as {
  readonly parts: readonly IndexPart[];
  readonly siteFolder: string;
  readonly language: string;
};
// The build cleared each part's folder before this thread began, so every file is new here.
const writer = writerInto({ folder: siteFolder });

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

/**
 * Pagefind's files the search page never loads (its own search interfaces): left out of
 * every part, where they would be copied once per part.
 */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;

/**
 * Pages one Pagefind process indexes before it is ended (it keeps what it has indexed in
 * memory, about 150 KiB a page, until then); small parts share a process, which saves its start.
 */
const PAGES_PER_PROCESS = 5_000;
let pagesInProcess = 0;

/**
 * Indexes one part. Each document goes to Pagefind as soon as it arrives, while the build
 * renders the rest; the files go through the site's writer, from this thread.
 */
async function writePart({ folder, pages, name }: IndexPart): Promise<string[]> {
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
  const { files, errors: fileErrors } = await index.getFiles();
  if (fileErrors.length > 0) throw new Error(fileErrors.join("; "));
  const kept = files.filter((file) => !UNUSED.test(file.path));
  const paths = kept.map((file) => path.posix.join(folder, file.path));
  for (const [n, file] of kept.entries()) await writer.put(paths[n] as string, name, () => file.content);
  await index.deleteIndex();
  pagesInProcess += pages;
  if (pagesInProcess >= PAGES_PER_PROCESS) {
    await close();
    pagesInProcess = 0;
  }
  failpoint("search");
  return paths;
}

let result: SearchWorkerResult;
try {
  const written: [file: string, part: IndexPart][] = [];
  for (const part of parts) for (const file of await writePart(part)) written.push([file, part]);
  await close();
  const { manifest } = await writer.finish();
  const files = written.map(([file, part]): IndexFile => {
    const record = manifest.get(file);
    // A part recorded without its file would pass for present in the next build's manifest.
    if (!record) throw new Error(`${file} was not written`);
    return { file, hash: record.hash, size: record.size, part: part.name, key: part.key };
  });
  result = { ok: true, pages: parts.reduce((sum, part) => sum + part.pages, 0), files };
} catch (error) {
  await close();
  result = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(result);
parentPort?.close();
