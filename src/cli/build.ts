import { rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Eleventy } from "@11ty/eleventy";
import { failureSummary, findContentError, formatProblem } from "../content/problems.ts";
import { buildReport, recordPhase } from "../eleventy/buildReport.ts";
import { lastBuiltSite, stopSearchIndex } from "../eleventy/plugin.ts";
import {
  outputFolderProblem,
  PublishError,
  publishStaging,
  recoverSiteFolder,
  siteFolders,
} from "../publish/siteFolder.ts";
import { describeSystemError, findSystemError } from "../publish/systemError.ts";

/**
 * The production build: check content, render every page into a staging folder, index it
 * for search, and only then swap it in for the output folder. A failure at any step, or an interrupt,
 * leaves the previous site exactly as it was.
 */
const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    /** Also write the phase timings as JSON to this file (the bench reads it). */
    report: { type: "string" },
  },
});
const folders = siteFolders(values.output);
const { staging } = folders;
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

function seconds(from: number): string {
  return `${((performance.now() - from) / 1000).toFixed(1)} s`;
}

/** On a terminal, one self-updating line: phase, pages done of total, elapsed time. */
function showProgress(): () => void {
  if (!process.stdout.isTTY) return () => {};
  const timer = setInterval(() => {
    const { pagesRendered, pagesTotal } = buildReport;
    const phase =
      pagesTotal === 0
        ? "read and check"
        : pagesRendered < pagesTotal
          ? `render ${pagesRendered}/${pagesTotal} pages`
          : "search index, feeds and sitemaps";
    process.stdout.write(`\r\x1b[K${phase}, ${seconds(started)}`);
  }, 250);
  return () => {
    clearInterval(timer);
    process.stdout.write("\r\x1b[K");
  };
}

async function build(): Promise<void> {
  process.env.NEWSDESK_CONTENT = values.content;
  const unsafe = outputFolderProblem(values.output, values.content);
  if (unsafe) throw new PublishError(unsafe);
  for (const line of recoverSiteFolder(values.output)) console.warn(line);
  removeStaging();
  const stopProgress = showProgress();
  try {
    const eleventyStarted = performance.now();
    const eleventy = new Eleventy("layouts", staging, { configPath: ".eleventy.ts", quietMode: true });
    // Every problem is reported once, below, in the editors' form: not again by Eleventy, with its stack.
    eleventy.disableLogger();
    await eleventy.write();
    // Eleventy's run holds the content phases the plugin timed; the rest of it is rendering.
    const eleventyTime = performance.now() - eleventyStarted;
    const timedInside = [...buildReport.phases.values()].reduce((sum, ms) => sum + ms, 0);
    recordPhase("render", eleventyTime - timedInside);

    const built = lastBuiltSite();
    const warning = publishStaging(folders);
    stopProgress();
    for (const problem of built?.site.warnings ?? []) console.warn(formatProblem(problem));
    report(built?.site.routes.length ?? 0, built);
    if (warning) console.warn(`warning: ${warning}`);
  } finally {
    stopProgress();
  }
}

/** One summary line (what CI logs keep), and the phases as JSON for the bench when asked. */
function report(pageCount: number, built: ReturnType<typeof lastBuiltSite>): void {
  const total = (performance.now() - started) / 1000;
  const phases = Object.fromEntries([...buildReport.phases].map(([phase, ms]) => [phase, ms / 1000]));
  const alongside = Object.fromEntries([...buildReport.alongside].map(([work, ms]) => [work, ms / 1000]));
  const phaseText = [
    ...Object.entries(phases).map(([phase, secs]) => `${phase} ${secs.toFixed(1)} s`),
    ...Object.entries(alongside).map(([work, secs]) => `${work} ${secs.toFixed(1)} s alongside`),
  ].join(", ");
  const pictures = built?.imageRun;
  console.log(
    `Built ${pageCount} pages (${built?.site.articles.length ?? 0} articles) into ${values.output}/ in ${total.toFixed(1)} s` +
      ` (${phaseText}; pictures: ${pictures?.processed ?? 0} processed, ${pictures?.reused ?? 0} from the cache).`,
  );
  if (values.report) {
    writeFileSync(
      values.report,
      JSON.stringify(
        {
          pages: pageCount,
          articles: built?.site.articles.length ?? 0,
          totalSeconds: total,
          phases,
          alongside,
        },
        null,
        2,
      ),
    );
  }
}

try {
  await build();
} catch (error) {
  await stopSearchIndex();
  // The staging folder is removed on exit: Eleventy may still be copying into it now.
  const contentError = findContentError(error);
  const systemError = findSystemError(error);
  if (contentError) {
    for (const problem of contentError.problems) console.error(formatProblem(problem));
    console.error(`\n${failureSummary(contentError.problems)}`);
  } else if (error instanceof PublishError) {
    console.error(`The build failed: ${error.message}; nothing was published.`);
  } else if (systemError) {
    console.error(describeSystemError(systemError, staging, folders.output));
  } else {
    // Not an editor's mistake: a bug or a broken machine, so the stack helps whoever fixes it.
    console.error("The build failed; nothing was published.");
    console.error(error);
  }
  process.exitCode = 1;
}
