import { type ChildProcess, fork } from "node:child_process";
import { watch } from "node:fs";
import { parseArgs } from "node:util";
import { failureSummary, findContentError, formatProblem } from "../domain/problem.ts";
import { type LocalBackend, startLocalBackend } from "../eleventy/localBackend.ts";
import { contentDirFromEnv } from "../eleventy/plugin.ts";
import { type PreviewServer, previewHost, startPreviewServer } from "../eleventy/previewServer.ts";
import { localBackendAddress } from "../output/admin/localBackendAddress.ts";

/**
 * `npm start`: the preview. A child process (previewBuild.ts) builds the site with drafts
 * and scheduled articles (marked) into `_preview/`, never `_site/`, and again on every save;
 * this process serves it with live reload, on this computer only unless `NEWSDESK_HOST`
 * says otherwise, and restarts the child when newsdesk's own code or layouts change (a
 * running process cannot load changed modules again). Alongside, the web editor's local
 * backend (src/eleventy/localBackend.ts), so http://localhost:8080/admin/ edits the
 * content folder's files.
 *
 *   npm start -- [--port 8080] [--backend-port 8081] [--output _preview] [--content DIR] [--watch-only]
 */
const USAGE =
  "usage: npm start -- [--port N] [--backend-port N] [--output DIR] [--content DIR] [--watch-only]";

/** What restarts the builds: the code and the page layouts (a newsroom's own templates reload by themselves). */
const CODE = ["src", "layouts", ".eleventy.ts"];
const RESTART_AFTER_MS = 200;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.PORT?.trim() || "8080" },
      "backend-port": { type: "string", default: String(localBackendAddress().port) },
      output: { type: "string", default: "_preview" },
      content: { type: "string" },
      /** Rebuild on saves without serving (the tests and the bench read the folder). */
      "watch-only": { type: "boolean", default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port ${values.port} is not a port`);
  const backendPort = Number(values["backend-port"]);
  if (!Number.isInteger(backendPort) || backendPort < 1 || backendPort > 65_535)
    throw new UsageError(`--backend-port ${values["backend-port"]} is not a port`);
  if (values.content) process.env.NEWSDESK_CONTENT = values.content;
  // The builds write the port into /admin/'s config.yml.
  process.env.NEWSDESK_BACKEND_PORT = String(backendPort);
  const host = previewHost();
  const server: PreviewServer | undefined = values["watch-only"]
    ? undefined
    : await startPreviewServer(values.output, host, port);
  const backend: LocalBackend | undefined = values["watch-only"]
    ? undefined
    : await startLocalBackend({ contentDir: contentDirFromEnv(), port: backendPort });

  let builds: ChildProcess | undefined;
  const startBuilds = () => {
    builds = fork(new URL("./previewBuild.ts", import.meta.url), ["--output", values.output], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    builds.on("message", (message: { kind?: string }) => {
      if (message.kind === "built") server?.reload();
    });
  };
  startBuilds();

  let restart: NodeJS.Timeout | undefined;
  for (const path of CODE) {
    watch(path, { recursive: true }, (_event, file) => {
      if (path === "layouts" && file?.startsWith("custom")) return;
      clearTimeout(restart);
      restart = setTimeout(() => {
        console.log(`[newsdesk] ${path}${file ? `/${file}` : ""} changed: restarting the preview's builds.`);
        builds?.kill();
        startBuilds();
      }, RESTART_AFTER_MS);
    });
  }
  const stop = async () => {
    builds?.kill();
    await Promise.all([server?.close(), backend?.close()]);
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
    console.error(`\n${failureSummary(problems, "the preview did not start")}`);
  } else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS"))
    console.error(`${(error as Error).message}\n${USAGE}`);
  else console.error(error);
  process.exitCode = 1;
}
