import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

const PROJECT = path.resolve(import.meta.dirname, "..");
/** What the preview prints when a build is done and it waits for the next save. */
export const WATCHING = /watching for changes/;

/** `npm start`'s Eleventy, running on a content folder, with what it has printed so far. */
export interface Preview {
  readonly child: ChildProcess;
  /** Everything printed so far, stdout and stderr together. */
  log(): string;
  /** Waits until the log after `from` matches (from 0: the whole log); returns where the match ends. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<number>;
  /**
   * Saves a file as an editor does and waits for the preview's run after it; returns what
   * that run printed. The watcher starts after the first build prints "Watching", so a
   * save it did not see yet is made again.
   */
  save(file: string, text: string): Promise<string>;
  stop(): void;
}

/**
 * Starts the preview as `npm start` runs it (served on a port, else `--watch-only`) on a
 * content folder and into an output folder, and waits for its first build. For the tests
 * and the bench, which time an edit.
 */
export async function startPreview(
  content: string,
  output: string,
  options: { readonly port?: number; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<Preview> {
  const mode = options.port ? [`--port=${options.port}`] : ["--watch-only"];
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/start.ts", ...mode, `--output=${output}`],
    { cwd: PROJECT, env: { ...process.env, ...options.env, NEWSDESK_CONTENT: content } },
  );
  let log = "";
  child.stdout?.on("data", (chunk) => {
    log += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  const preview: Preview = {
    child,
    log: () => log,
    async waitFor(pattern, from = 0, timeoutMs = 600_000) {
      for (let waited = 0; waited < timeoutMs; waited += 50) {
        const match = pattern.exec(log.slice(from));
        if (match) return from + match.index + match[0].length;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the preview never printed ${pattern}; it printed:\n${log}`);
    },
    async save(file, text) {
      const from = log.length;
      const changed = new RegExp(
        `\\[newsdesk\\] Changed:[^\\n]*${path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
      );
      let changedAt = from;
      for (let attempt = 0; ; attempt++) {
        writeFileSync(file, text);
        try {
          changedAt = await preview.waitFor(changed, from, 2000);
          break;
        } catch (error) {
          if (attempt === 4) throw error;
        }
      }
      // The run after this save, not one still finishing for an earlier save.
      const end = await preview.waitFor(WATCHING, changedAt);
      return log.slice(from, end);
    },
    stop: () => void child.kill("SIGTERM"),
  };
  await preview.waitFor(WATCHING);
  return preview;
}
