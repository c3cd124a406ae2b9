import { parseArgs } from "node:util";
import { Eleventy } from "@11ty/eleventy";
import { failureSummary, findContentError, formatProblem } from "../content/problems.ts";
import { type PreviewServer, previewHost, startPreviewServer } from "../eleventy/previewServer.ts";

/**
 * `npm start`: the preview. Eleventy builds the site with drafts and scheduled articles
 * (marked) into `_preview/`, never `_site/`, and rebuilds on every save; the preview server
 * serves it with live reload, on this computer only unless `NEWSDESK_HOST` says otherwise.
 *
 *   npm start -- [--port 8080] [--output _preview] [--content DIR] [--watch-only]
 */
const USAGE = "usage: npm start -- [--port N] [--output DIR] [--content DIR] [--watch-only]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.PORT?.trim() || "8080" },
      output: { type: "string", default: "_preview" },
      content: { type: "string" },
      /** Rebuild on saves without serving (the tests and the bench read the folder). */
      "watch-only": { type: "boolean", default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port ${values.port} is not a port`);
  if (values.content) process.env.NEWSDESK_CONTENT = values.content;
  const host = previewHost();

  let server: PreviewServer | undefined;
  let started = performance.now();
  /** Once a build and everything after it is written: say so and reload the open pages. */
  const built = () => {
    const took = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`[newsdesk] Preview built in ${took} s; watching for changes.`);
    server?.reload();
  };
  const eleventy = new Eleventy("layouts", values.output, {
    configPath: ".eleventy.ts",
    runMode: "watch",
    config: (config) => {
      config.on("eleventy.beforeWatch", (changed) => {
        started = performance.now();
        console.log(`[newsdesk] Changed: ${(changed as readonly string[]).join(", ")}`);
      });
      config.on("eleventy.afterwatch", built);
    },
  });
  // newsdesk says what happens in its own words, and each problem once (not again with Eleventy's stack).
  eleventy.disableLogger();
  if (!values["watch-only"]) server = await startPreviewServer(values.output, host, port);
  await eleventy.init();
  await eleventy.watch();
  built();
  const stop = async () => {
    await eleventy.stopWatch();
    await server?.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** A mistake in how the command was run: said as it is, without a stack trace. */
class UsageError extends Error {}

try {
  await main();
} catch (error) {
  const problems = findContentError(error)?.problems;
  if (problems) {
    for (const problem of problems) console.error(formatProblem(problem));
    console.error(`\n${failureSummary(problems, "fix them and start the preview again (npm start)")}`);
  } else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS"))
    console.error(`${(error as Error).message}\n${USAGE}`);
  else console.error(error);
  process.exitCode = 1;
}
