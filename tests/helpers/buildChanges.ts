import type { BuildChanges } from "../../src/output/buildChangesFile.ts";
import { fileHashes } from "./build.ts";

/**
 * The text of `.cache/last-build-changes.txt` for these changes, in the form the build writes
 * it (main's src/output/buildChanges.ts, `buildChangesText`), which this branch predates.
 */
export function formatBuildChanges(changes: BuildChanges): string {
  const lines = [
    `kind\t${changes.kind}`,
    ...[...changes.written].sort().map((file) => `written\t${file}`),
    ...[...changes.removed].sort().map((file) => `removed\t${file}`),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * A stand-in for the build's own `.cache/last-build-changes.txt` until incremental builds
 * land: what a build changed, from the site folder's files before and after it (`before`
 * undefined: a first build, which lists everything as `full`).
 */
export function changesListOf(before: ReadonlyMap<string, string> | undefined, site: string): string {
  const after = fileHashes(site);
  const changes: BuildChanges = before
    ? {
        kind: "incremental",
        written: [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file),
        removed: [...before.keys()].filter((file) => !after.has(file)),
      }
    : { kind: "full", written: [...after.keys()], removed: [] };
  return formatBuildChanges(changes);
}
