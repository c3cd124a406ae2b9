import { rmSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import { contentFolder } from "../content/contentFolder.ts";
import { buildClock } from "../domain/buildClock.ts";
import { ContentError, findContentError, formatProblem } from "../domain/problem.ts";
import { imageCacheDir } from "../output/images.ts";
import { SITE_MARKER } from "../output/siteMarker.ts";
import { outputCollisions, type PlannedOutput, siteOutputs } from "../output/siteOutputs.ts";
import { type BuildOptions, type BuildResult, type BuildState, build } from "../pipeline/build.ts";
import type { SearchIndexRun } from "../workers/searchIndex.ts";

/**
 * Eleventy's part: it hosts the project (`.eleventy.ts`, the watch, the dev server's files)
 * and calls newsdesk's one pipeline (src/pipeline/build.ts) at the start of every run, for
 * the whole site; then it renders a newsroom's own templates (layouts/custom/) with their
 * plugins, the Eleventy way, and writes their files itself. Their paths join the build's
 * list of outputs, so they can take no page's place (nor a page theirs).
 *
 * The build's result reaches whoever runs Eleventy through the event BUILT_EVENT, and its
 * progress (pages rendered, of how many) through PROGRESS_EVENT.
 */
export const BUILT_EVENT = "newsdesk.built";
export const PROGRESS_EVENT = "newsdesk.progress";
/**
 * Whoever runs a production build may hand it what the last build kept (`npm run build`'s
 * state on disk, the standby folder it writes into): the plugin emits this event with a
 * function that takes a BuildPlan.
 */
export const PLAN_EVENT = "newsdesk.plan";
/** The files a newsroom's own templates wrote, each with its fingerprint and size, once Eleventy is done. */
export const TEMPLATES_EVENT = "newsdesk.templates";

export interface BuildPlan {
  readonly previous?: BuildState | undefined;
  readonly outputHolds?: BuildOptions["outputHolds"];
  readonly bodies?: BuildOptions["bodies"];
  readonly lastSite?: BuildOptions["lastSite"];
}
/** Progress is told every this many pages (an event per page would cost more than it tells). */
const PROGRESS_EVERY = 250;

/** The editors' folder: `NEWSDESK_CONTENT` when set (tests, the bench), else `content/`. */
export function contentDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.NEWSDESK_CONTENT?.trim() || "content";
}

/** Long enough for the browser to load the pages the preview just wrote, before indexing takes a core. */
const SEARCH_AFTER_EDIT_MS = 1000;

export function newsdeskPlugin(eleventyConfig: EleventyConfig): void {
  const contentDir = path.resolve(contentDirFromEnv());
  /** The preview's last good build, what changed since, and its search index being written. */
  let last: BuildResult | undefined;
  let state: BuildState | undefined;
  const changed = new Set<string>();
  let search: { run?: SearchIndexRun; timer?: NodeJS.Timeout } = {};

  // A newsroom may write its own templates in TSX, as newsdesk's layouts are.
  eleventyConfig.addExtension(["11ty.tsx"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.tsx");
  eleventyConfig.addWatchTarget(`${contentDir}/`);
  // The site model, for a newsroom's own templates (`newsdesk.site.articles`, ...).
  eleventyConfig.addGlobalData("newsdesk", () => ({ site: last?.site }));

  eleventyConfig.on("eleventy.beforeWatch", (files) => {
    for (const file of files as readonly string[]) {
      const inContent = path.relative(contentDir, path.resolve(file));
      if (!inContent.startsWith("..")) changed.add(inContent.split(path.sep).join("/"));
    }
  });

  eleventyConfig.on("eleventy.before", async (event) => {
    const { directories, runMode } = event as { directories: { output: string }; runMode: string };
    const preview = runMode !== "build";
    clearTimeout(search.timer);
    await search.run?.stop();
    search = {};
    let plan: BuildPlan = {};
    // The preview writes drafts into its folder, in place: were it a published site's
    // (`--output _site`), that site's marker must no longer vouch for it, so the next
    // `npm run build` there builds it whole.
    if (preview && !state) rmSync(path.join(directories.output, SITE_MARKER), { force: true });
    if (!preview)
      await eleventyConfig.emit(PLAN_EVENT, (given: BuildPlan) => {
        plan = given;
      });
    try {
      const result = await build(
        {
          // A fresh view of the folder for each build (it remembers where folders really are).
          folder: contentFolder(contentDir),
          mode: preview ? "preview" : "production",
          clock: buildClock(),
          projectRoot: process.cwd(),
          imageCache: imageCacheDir(),
          output: path.resolve(directories.output),
          // The preview writes over its own last build.
          outputHolds: preview ? state && { manifest: state.published.manifest } : plan.outputHolds,
          bodies: plan.bodies,
          lastSite: plan.lastSite,
          search: preview ? "after" : "with the build",
          onProgress: (rendered, total) => {
            if (rendered % PROGRESS_EVERY === 0 || rendered === total)
              void eleventyConfig.emit(PROGRESS_EVENT, rendered, total);
          },
        },
        preview && state ? changed : undefined,
        preview ? state : plan.previous,
      );
      changed.clear();
      last = result;
      if (preview) {
        state = result.state;
        search.timer = setTimeout(() => indexSearch(result), SEARCH_AFTER_EDIT_MS);
      }
      await eleventyConfig.emit(BUILT_EVENT, result);
    } catch (error) {
      // In the preview an editor's mistake is said once, plainly, and the last good version
      // stays on screen until it is fixed. A production build fails.
      const problems = findContentError(error)?.problems;
      if (!preview || !problems) throw error;
      console.error(
        `\n${problems.map(formatProblem).join("\n")}\nFix these and save: the preview updates then.\n`,
      );
    }
  });

  /** The preview's search index, after the pages: its files join the state, the last index's go. */
  function indexSearch(result: BuildResult): void {
    const { run, state: indexed } = result.indexSearch();
    search.run = run;
    Promise.all([run.done, indexed]).then(
      ([{ pages }, next]) => {
        // A newer build has begun: its own index follows.
        if (search.run !== run) return;
        state = next;
        console.log(`[newsdesk] Search index updated: ${pages} pages.`);
      },
      (error: unknown) => {
        if (search.run === run) console.error(`[newsdesk] ${String(error)}`);
      },
    );
  }

  // A newsroom's own templates: their files are the site's too, checked against every other.
  eleventyConfig.on("eleventy.after", async (event) => {
    const { results, directories } = event as {
      results: readonly { outputPath: string | false; inputPath: string }[];
      directories: { output: string };
    };
    const site = last?.site;
    if (!site || results.length === 0) return;
    const own: PlannedOutput[] = results.flatMap((result) =>
      result.outputPath
        ? [
            {
              path: path
                .relative(path.resolve(directories.output), path.resolve(result.outputPath))
                .split(path.sep)
                .join("/"),
              name: `the newsroom's template ${result.inputPath}`,
              source: { file: result.inputPath, line: 1, field: "permalink" },
            },
          ]
        : [],
    );
    const problems = outputCollisions(siteOutputs(site, own));
    if (problems.length > 0) throw new ContentError(problems);
    await eleventyConfig.emit(
      TEMPLATES_EVENT,
      own.map((output) => output.path),
    );
  });
}
