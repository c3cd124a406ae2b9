import { rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Eleventy } from "@11ty/eleventy";
import { failureSummary, findContentError, formatProblem } from "../domain/problem.ts";
import { BUILT_EVENT, PROGRESS_EVENT } from "../eleventy/plugin.ts";
import { hostLimitWarnings, siteTotals } from "../output/hostLimits.ts";
import {
  outputFolderProblem,
  PublishError,
  publishStaging,
  recoverSiteFolder,
  siteFolders,
} from "../output/siteFolder.ts";
import { describeSystemError, findSystemError } from "../output/systemError.ts";
import type { BuildResult } from "../pipeline/build.ts";

/**
 * `npm run build`: the production build. Eleventy runs the project (`.eleventy.ts`); its
 * newsdesk plugin builds the whole site through the pipeline into a staging folder, with
 * the search index; then a newsroom's own templates; only then is the staging folder
 * swapped in for the output folder. A failure at any step, or an interrupt, leaves the
 * published site exactly as it was.
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

// Eleventy may still be writing when a failure surfaces: clear up at the very end.
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

/** On a terminal, one self-updating line: pages rendered of all, elapsed time. */
function progressLine(): { update: (rendered: number, total: number) => void; stop: () => void } {
  if (!process.stdout.isTTY) return { update: () => {}, stop: () => {} };
  let text = "read and check";
  const timer = setInterval(() => process.stdout.write(`\r\x1b[K${text}, ${seconds(started)}`), 250);
  return {
    update: (rendered, total) => {
      text = rendered < total ? `render ${rendered}/${total} pages` : "feeds, sitemaps and search index";
    },
    stop: () => {
      clearInterval(timer);
      process.stdout.write("\r\x1b[K");
    },
  };
}

async function build(): Promise<void> {
  process.env.NEWSDESK_CONTENT = values.content;
  const unsafe = outputFolderProblem(values.output, values.content);
  if (unsafe) throw new PublishError(unsafe);
  for (const line of recoverSiteFolder(values.output)) console.warn(line);
  removeStaging();
  const progress = progressLine();
  let result: BuildResult | undefined;
  try {
    const eleventy = new Eleventy("layouts/custom", staging, {
      configPath: ".eleventy.ts",
      quietMode: true,
      config: (config) => {
        config.on(BUILT_EVENT, (built) => {
          result = built as BuildResult;
        });
        config.on(PROGRESS_EVENT, (rendered, total) => progress.update(rendered as number, total as number));
      },
    });
    // Every problem is reported once, below, in the editors' form: not again by Eleventy, with its stack.
    eleventy.disableLogger();
    const eleventyStarted = performance.now();
    await eleventy.write();
    if (!result) throw new Error("Eleventy ran, but newsdesk's plugin did not build the site");
    const pipelineTime = [...result.phases.values()].reduce((sum, ms) => sum + ms, 0);
    const templates = performance.now() - eleventyStarted - pipelineTime;
    const warning = publishStaging(folders);
    progress.stop();
    for (const problem of result.site.warnings) console.warn(formatProblem(problem));
    report(result, templates);
    if (warning) console.warn(`warning: ${warning}`);
    const { host } = result.site.config;
    for (const line of hostLimitWarnings(host, siteTotals(result.state.outputs)))
      console.warn(`warning: host: ${line}`);
  } finally {
    progress.stop();
  }
}

/** One summary line (what CI logs keep), and the phases as JSON for the bench when asked. */
function report(result: BuildResult, templatesMs: number): void {
  const total = (performance.now() - started) / 1000;
  const phases: Record<string, number> = Object.fromEntries(
    [...result.phases].map(([phase, ms]) => [phase, ms / 1000]),
  );
  phases["newsroom templates (Eleventy)"] = Math.max(0, templatesMs) / 1000;
  const alongside: Record<string, number> =
    result.searchSeconds === undefined ? {} : { "search index": result.searchSeconds };
  const phaseText = [
    ...Object.entries(phases).map(([phase, secs]) => `${phase} ${secs.toFixed(1)} s`),
    ...Object.entries(alongside).map(([work, secs]) => `${work} ${secs.toFixed(1)} s alongside`),
  ].join(", ");
  const { site, pictures } = result;
  console.log(
    `Built ${site.routes.length} pages (${site.articles.length} articles) into ${values.output}/ in ${total.toFixed(1)} s` +
      ` (${phaseText}; pictures: ${pictures.processed} processed, ${pictures.reused} from the cache).`,
  );
  if (values.report) {
    const json = {
      pages: site.routes.length,
      articles: site.articles.length,
      totalSeconds: total,
      phases,
      alongside,
    };
    writeFileSync(values.report, JSON.stringify(json, null, 2));
  }
}

try {
  await build();
} catch (error) {
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
