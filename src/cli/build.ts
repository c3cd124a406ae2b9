import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Eleventy } from "@11ty/eleventy";
import { failureSummary, findContentError, formatProblem } from "../domain/problem.ts";
import {
  BUILT_EVENT,
  contentDirFromEnv,
  type BuildPlan as EleventyPlan,
  PLAN_EVENT,
  PROGRESS_EVENT,
  TEMPLATES_EVENT,
} from "../eleventy/plugin.ts";
import {
  BUILD_CHANGES_NAME,
  type BuildChanges,
  buildChangesLine,
  buildChangesText,
  changesInARow,
} from "../output/buildChanges.ts";
import { dieAt } from "../output/failpoint.ts";
import { hostLimitWarnings, siteTotals } from "../output/hostLimits.ts";
import {
  outputFolderProblem,
  PublishError,
  publishStaging,
  recoverSiteFolder,
  siteFolders,
} from "../output/siteFolder.ts";
import { markSite, siteFingerprint } from "../output/siteMarker.ts";
import {
  freshStandby,
  markClean,
  markDirty,
  publishStandby,
  standbyOf,
  standbyUsable,
} from "../output/standby.ts";
import { describeSystemError, findSystemError } from "../output/systemError.ts";
import { withTemplateOutputs } from "../output/templateOutputs.ts";
import type { Manifest, WriterReport } from "../output/writer.ts";
import { packedBodies } from "../pipeline/bodyStore.ts";
import type { BuildResult } from "../pipeline/build.ts";
import { buildInputs } from "../pipeline/buildInputs.ts";
import { planBuild } from "../pipeline/buildPlan.ts";
import {
  cacheFolder,
  commitState,
  liveState,
  stateFolder,
  takeLock,
  writeNextState,
} from "../pipeline/persistentState.ts";

/**
 * `npm run build`: the production build. Eleventy runs the project (`.eleventy.ts`); its
 * newsdesk plugin builds the site through the pipeline; then a newsroom's own templates.
 *
 * The build keeps its state in `.cache/state/` (NEWSDESK_CACHE) with the site it describes. When the state
 * fits the site folder and nothing that reaches every page changed, the build is
 * incremental: it reads, renders and writes only what changed, into the standby copy of the
 * site, and publishes it by renames. Otherwise (`--full`, or the first build) it is cold:
 * everything into a staging folder, swapped in. Either way a failure, an interrupt or a
 * `kill -9` leaves the published site exactly as it was, and the state consistent with it.
 */
const { values } = parseArgs({
  options: {
    content: { type: "string", default: contentDirFromEnv() },
    output: { type: "string", default: "_site" },
    /** Ignore the state of earlier builds: read, check and render everything. */
    full: { type: "boolean", default: false },
    /** Also write the phase timings as JSON to this file (the bench reads it). */
    report: { type: "string" },
  },
});
const PROJECT = process.cwd();
const CACHE = cacheFolder(PROJECT);
/** What the last build changed in the site folder (src/output/buildChanges.ts), for uploads and CDN purges. */
const CHANGES_FILE = path.join(CACHE, BUILD_CHANGES_NAME);
const folders = siteFolders(values.output);
const { staging } = folders;
const state = stateFolder(CACHE, PROJECT, values.content, values.output);
const standby = standbyOf(state.dir, folders.output);
const started = performance.now();

/**
 * Worker threads may still be writing into the staging folder when an interrupt arrives:
 * removing it then can meet a file that appeared after its folder was emptied (ENOTEMPTY),
 * so it is tried again, and a folder left behind is the next build's to clear.
 */
function removeStaging() {
  try {
    rmSync(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  } catch {
    // recoverSiteFolder removes a staging folder left by a build that is gone.
  }
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
  const lock = takeLock(state);
  if ("busy" in lock)
    throw new PublishError(
      `another build (process ${lock.busy}) is building ${values.output}/ from ${values.content}/ now; wait for it to finish, or stop it, and build again`,
    );
  try {
    for (const line of recoverSiteFolder(values.output)) console.warn(line);
    removeStaging();
    await publishBuild();
  } finally {
    lock.release();
  }
}

async function publishBuild(): Promise<void> {
  const reading = performance.now();
  const inputs = buildInputs(PROJECT, values.content, process.env);
  const plan = planBuild(state, folders.output, inputs, values.full);
  const phases = new Map<string, number>([["state read", performance.now() - reading]]);
  let eleventyPlan: EleventyPlan;
  let target: string;
  if (plan.kind === "incremental") {
    const prepared = performance.now();
    const holds: Manifest =
      plan.stored.standby && standbyUsable(standby)
        ? plan.stored.standby
        : await freshStandby(standby, folders.output, plan.stored.published.manifest);
    phases.set("standby copy", performance.now() - prepared);
    markDirty(standby);
    target = standby.dir;
    const previous = liveState(state, plan.stored);
    eleventyPlan = {
      previous,
      outputHolds: { manifest: holds, linkFrom: folders.output },
      bodies: previous.bodies,
    };
  } else {
    console.log(`Full build: ${plan.reason}.`);
    target = staging;
    rmSync(state.bodies, { recursive: true, force: true });
    eleventyPlan = { bodies: packedBodies(state.bodies, new Map()), lastSite: plan.previous?.published };
  }

  const progress = progressLine();
  let result: BuildResult | undefined;
  let templates: readonly string[] = [];
  try {
    mkdirSync(target, { recursive: true });
    const eleventy = new Eleventy("layouts/custom", target, {
      configPath: ".eleventy.ts",
      quietMode: true,
      config: (config) => {
        config.on(PLAN_EVENT, (take) => (take as (plan: EleventyPlan) => void)(eleventyPlan));
        config.on(BUILT_EVENT, (built) => {
          result = built as BuildResult;
        });
        config.on(TEMPLATES_EVENT, (files) => {
          templates = files as readonly string[];
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
    phases.set(
      "newsroom templates (Eleventy)",
      Math.max(0, performance.now() - eleventyStarted - pipelineTime),
    );

    const published = eleventyPlan.previous?.published ?? eleventyPlan.lastSite;
    const withMarker = markSite(
      target,
      withTemplateOutputs(result.report, published, target, templates),
      published?.manifest,
    );
    const site = siteFingerprint(withMarker.manifest);
    dieAt("standby");
    const writing = performance.now();
    const changed = withMarker.written.length > 0 || withMarker.removed.length > 0;
    // A full build that knows the site it replaces lists what changed against it, as an
    // incremental one does. A build stopped before its state was in place may never have had
    // its list uploaded: this one lists those changes with its own (and keeps them in its
    // state, in case it is stopped too).
    const ownChanges: BuildChanges = {
      kind: published ? "incremental" : "full",
      ...(published ? { from: siteFingerprint(published.manifest) } : {}),
      written: withMarker.written,
      removed: withMarker.removed,
    };
    const changes = plan.stopped ? changesInARow(plan.stopped, ownChanges) : ownChanges;
    const newState = {
      ...result.state,
      published: { manifest: withMarker.manifest, groups: withMarker.groups },
    };
    // The last list is not this site's from here on: stopped before the new one is written,
    // there is none, and an upload compares everything.
    rmSync(CHANGES_FILE, { force: true });
    // The standby after this build: incremental, the site that was published (with no change,
    // this one); full, the site it replaces, when there is one.
    const standbyManifest =
      plan.kind === "incremental"
        ? changed
          ? plan.stored.published.manifest
          : withMarker.manifest
        : plan.previous?.published.manifest;
    writeNextState(state, newState, inputs, site, standbyManifest, changes);
    let warning: string | undefined;
    if (plan.kind === "incremental") {
      if (changed) publishStandby(folders, standby);
      markClean(standby);
    } else {
      const keep = plan.previous !== undefined;
      // The old site becomes the standby: a kill while the old standby is deleted must not leave it trusted.
      if (keep) markDirty(standby);
      warning = publishStaging(folders, keep ? standby.dir : undefined);
      if (keep) markClean(standby);
    }
    mkdirSync(path.dirname(CHANGES_FILE), { recursive: true });
    writeFileSync(CHANGES_FILE, buildChangesText(changes));
    dieAt("commit");
    commitState(state);
    phases.set("state write and publish", performance.now() - writing);
    progress.stop();
    for (const problem of result.site.warnings) console.warn(formatProblem(problem));
    report(result, phases, withMarker);
    if (warning) console.warn(`warning: ${warning}`);
    const { host } = result.site.config;
    // Totals over the whole manifest, newsroom templates' pages included; only for a named host.
    if (host)
      for (const line of hostLimitWarnings(host, siteTotals(withMarker.manifest)))
        console.warn(`warning: host: ${line}`);
  } finally {
    progress.stop();
  }
}

/** One summary line (what CI logs keep), and the phases as JSON for the bench when asked. */
function report(result: BuildResult, extra: ReadonlyMap<string, number>, changes: WriterReport): void {
  const total = (performance.now() - started) / 1000;
  const phases: Record<string, number> = Object.fromEntries(
    [...result.phases, ...extra].map(([phase, ms]) => [phase, ms / 1000]),
  );
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
  console.log(buildChangesLine(changes));
  if (values.report) {
    const json = {
      pages: site.routes.length,
      articles: site.articles.length,
      totalSeconds: total,
      phases,
      alongside,
      written: changes.written.length,
      removed: changes.removed.length,
      unchanged: changes.unchanged,
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
