import { type BuildChanges, formatBuildChanges } from "../../src/output/buildChanges.ts";
import { fileHashes } from "./build.ts";

/**
 * A stand-in for the build's own `.cache/last-build-changes.txt` until incremental builds
 * land: what a build changed, from the site folder's files before and after it (`before`
 * undefined: a first build, which lists everything as `full`). Written in the file's one
 * format (src/output/buildChanges.ts).
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
