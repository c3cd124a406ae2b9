import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { listMarkdownFiles } from "../../src/content/sourceFiles.ts";
import { startPreview, WATCHING } from "../previewProcess.ts";

const EDITS = 5;

/**
 * `npm run bench -- --preview`: starts `npm start`'s preview on the content, then edits
 * the newest article's text EDITS times, and reports how long after each save its page
 * was written and the preview's run ended (when Eleventy tells the browser to reload).
 * The article is put back as it was at the end.
 */
export async function previewEdits(content: string, work: string, env: NodeJS.ProcessEnv): Promise<void> {
  const articles = listMarkdownFiles(contentFolder(content), "articles");
  // Any article will do: the last in file order.
  const id = articles.at(-1);
  if (!id) throw new Error(`no articles in ${content}`);
  const file = path.join(content, "articles", id);
  const original = readFileSync(file, "utf8");
  // A copy of its own, so that a hard-linked content folder's other links are never edited.
  rmSync(file);
  writeFileSync(file, original);

  const output = path.join(work, "_preview");
  const started = performance.now();
  const preview = await startPreview(content, output, { env });
  console.log(`preview's first build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const times: { written: number; finished: number }[] = [];
  try {
    // Edits before the watcher has read the folder are not seen (about 5 s at 10,000 articles).
    await preview.save(file, `${original.trimEnd()}\n\nA first edit, to know the watcher is ready.\n`);
    const page = pageFileOf(output);
    for (let edit = 1; edit <= EDITS; edit++) {
      const marker = `An edited sentence, number ${edit}.`;
      const saved = performance.now();
      const from = preview.log().length;
      writeFileSync(file, `${original.trimEnd()}\n\n${marker}\n`);
      await waitUntil(() => readIfThere(page).includes(marker));
      const written = performance.now() - saved;
      await preview.waitFor(WATCHING, from);
      times.push({ written, finished: performance.now() - saved });
    }
  } finally {
    preview.stop();
    writeFileSync(file, original);
  }
  console.log(`\nnewsdesk bench, preview: ${articles.length} articles, ${EDITS} edits to one article's text`);
  for (const [i, { written, finished }] of times.entries()) {
    console.log(
      `  edit ${i + 1}: page written ${ms(written)}, preview's run ended ${ms(finished)} after the save`,
    );
  }
}

/** The edited article's page: the article page written last (by the preview's run after the first edit). */
function pageFileOf(output: string): string {
  let newest = { file: "", time: 0 };
  for (const name of readdirSync(output, { recursive: true, encoding: "utf8" })) {
    if (!/\/\d{4}-\d{2}-\d{2}\/[^/]+\/index\.html$/.test(name)) continue;
    const time = statSync(path.join(output, name)).mtimeMs;
    if (time > newest.time) newest = { file: path.join(output, name), time };
  }
  if (!newest.file) throw new Error(`no article page in ${output}`);
  return newest.file;
}

function readIfThere(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

async function waitUntil(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
