import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fingerprint } from "../domain/fingerprint.ts";

/**
 * Each file under the given entries of the project (folders or files), relative to its root
 * with `/`, with the fingerprint of its bytes, in a fixed order. An entry that does not exist
 * has no files (a newsroom's project may have no lock file). What makes a build full
 * (src/pipeline/buildInputs.ts) and what the web editor's script is bundled from both read
 * the project through this.
 */
export function projectFileFingerprints(root: string, entries: readonly string[]): Map<string, string> {
  const fingerprints = new Map<string, string>();
  for (const entry of entries)
    for (const file of filesUnder(root, entry))
      fingerprints.set(file, fingerprint(readFileSync(path.join(root, file))));
  return fingerprints;
}

function filesUnder(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [entry];
  const listed = readdirSync(full, { withFileTypes: true, recursive: true });
  return listed
    .filter((item) => item.isFile())
    .map((item) => path.relative(root, path.join(item.parentPath, item.name)).split(path.sep).join("/"))
    .sort();
}
