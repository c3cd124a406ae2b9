import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Eleventy } from "@11ty/eleventy";
import { findContentError, formatProblem } from "../content/problems.ts";
import { lastBuiltSite } from "../eleventy/plugin.ts";
import { writeSearchIndex } from "../publish/searchIndex.ts";
import { minifyFiles } from "../render/minifyPool.ts";

/**
 * The production build: check content, render every page into a staging folder, minify,
 * and only then swap it in for the output folder. A failure at any step, or an interrupt,
 * leaves the previous site exactly as it was.
 */
const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
  },
});
const output = path.resolve(values.output);
const staging = `${output}.staging-${process.pid}`;
const retired = `${output}.old-${process.pid}`;
const started = performance.now();

function removeStaging() {
  rmSync(staging, { recursive: true, force: true });
}

// Eleventy may still be copying files when a failure surfaces: clear up at the very end too.
// After a good build the staging folder has become the site, so this finds nothing.
process.on("exit", removeStaging);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    removeStaging();
    console.error(`\nBuild interrupted; ${values.output}/ was left as it was.`);
    process.exit(130);
  });
}

/**
 * Fault injection for the tests that prove a failed build leaves the site alone:
 * `NEWSDESK_FAIL_AT=minify` fails the build right after that phase has run.
 */
function failpoint(phase: "render" | "minify" | "search"): void {
  if (process.env.NEWSDESK_FAIL_AT === phase)
    throw new Error(`failing after ${phase}, as NEWSDESK_FAIL_AT asked`);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".html"))
    .map((name) => path.join(dir, name));
}

function seconds(from: number): string {
  return `${((performance.now() - from) / 1000).toFixed(1)} s`;
}

async function build(): Promise<void> {
  process.env.NEWSDESK_CONTENT = values.content;
  removeStaging();
  const render = performance.now();
  const eleventy = new Eleventy("layouts", staging, { configPath: ".eleventy.ts", quietMode: true });
  await eleventy.write();
  const built = lastBuiltSite();
  const site = built?.site;
  for (const warning of site?.warnings ?? []) console.warn(formatProblem(warning));
  const renderTime = seconds(render);
  failpoint("render");

  const minifyStart = performance.now();
  const pages = htmlFiles(staging);
  await minifyFiles(pages);
  const minifyTime = seconds(minifyStart);
  failpoint("minify");

  const searchStart = performance.now();
  await writeSearchIndex(staging, site?.config.language ?? "en");
  const searchTime = seconds(searchStart);
  failpoint("search");

  if (existsSync(output)) renameSync(output, retired);
  renameSync(staging, output);
  rmSync(retired, { recursive: true, force: true });
  console.log(
    `Built ${pages.length} pages (${site?.articles.length ?? 0} articles) into ${values.output}/ in ${seconds(started)}:` +
      ` render ${renderTime}, minify ${minifyTime}, search index ${searchTime};` +
      ` pictures: ${built?.imageRun.processed ?? 0} processed, ${built?.imageRun.reused ?? 0} from the cache.`,
  );
}

try {
  await build();
} catch (error) {
  removeStaging();
  const contentError = findContentError(error);
  if (contentError) {
    for (const problem of contentError.problems) console.error(formatProblem(problem));
    const errors = contentError.problems.filter((p) => p.severity === "error").length;
    console.error(`\n${errors} error${errors === 1 ? "" : "s"} in the content; nothing was published.`);
  } else {
    // Not an editor's mistake: a bug or a broken machine, so the stack helps whoever fixes it.
    console.error("The build failed; nothing was published.");
    console.error(error);
  }
  process.exitCode = 1;
}
