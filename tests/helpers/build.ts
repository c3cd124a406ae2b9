import { type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const PROJECT = path.resolve(import.meta.dirname, "../..");
const BUILD_ARGS = ["--import", "tsx", "src/cli/build.ts"];

/** A fresh folder to build into. */
export function tempOutput(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-out-")), "_site");
}

/**
 * Where a test site's builds keep their state and change list: beside its temporary folder,
 * never in the project's `.cache/`.
 */
export function cacheOf(output: string): string {
  return `${path.dirname(output)}.cache`;
}

/** Runs the real production build (`npm run build`'s command) on a content folder. */
export function runBuild(
  content: string,
  output: string,
  env: NodeJS.ProcessEnv = {},
  args: readonly string[] = [],
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...BUILD_ARGS, "--content", content, "--output", output, ...args], {
    cwd: PROJECT,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1795600000", NEWSDESK_CACHE: cacheOf(output), ...env },
  });
}

/** Runs `npm run check`'s command on a content folder, with the build's clock. */
export function runCheck(
  content: string,
  env: NodeJS.ProcessEnv = {},
  args: readonly string[] = [],
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli/check.ts", "--content", content, ...args], {
    cwd: PROJECT,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1795600000", ...env },
  });
}

/**
 * The problem lines a command printed (`path:line: field: message`, or `environment:
 * NAME: message`), without the fixture folder's path, in the order printed.
 */
export function problemLinesOf(output: string): string[] {
  return output
    .split("\n")
    .filter((line) => /^\S+:\d+: |^environment: /.test(line))
    .map((line) => line.replace(/^.*?newsdesk-fixture-[^/]+\//, ""));
}

/** Starts the build without waiting, for tests that interrupt it. */
export function startBuild(content: string, output: string, args: readonly string[] = []) {
  return spawn(process.execPath, [...BUILD_ARGS, "--content", content, "--output", output, ...args], {
    cwd: PROJECT,
    env: { ...process.env, SOURCE_DATE_EPOCH: "1795600000", NEWSDESK_CACHE: cacheOf(output) },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Each file's path under a folder with a hash of its bytes. */
export function fileHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  if (!existsSync(dir)) return hashes;
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .sort();
  for (const name of files) {
    hashes.set(
      name,
      createHash("sha256")
        .update(readFileSync(path.join(dir, name)))
        .digest("hex"),
    );
  }
  return hashes;
}

/** A hash of every file's path and bytes under a folder: equal hashes, identical folders. */
export function hashFolder(dir: string): string {
  if (!existsSync(dir)) return "missing";
  const hash = createHash("sha256");
  for (const [name, fileHash] of fileHashes(dir)) hash.update(name).update("\0").update(fileHash);
  return hash.digest("hex");
}

/** The files that differ between two folders (missing on one side, or different bytes). */
export function differingFiles(a: string, b: string): string[] {
  const left = fileHashes(a);
  const right = fileHashes(b);
  const names = new Set([...left.keys(), ...right.keys()]);
  return [...names].filter((name) => left.get(name) !== right.get(name)).sort();
}

export function readPage(output: string, url: string): string {
  const file = url.endsWith("/") ? `${url}index.html` : url;
  return readFileSync(path.join(output, file), "utf8");
}
