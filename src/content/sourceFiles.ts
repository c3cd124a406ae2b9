import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** Every `.md` file under a folder, as sorted paths relative to it (so builds are deterministic). */
export function listMarkdownFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md") && !path.basename(name).startsWith("."))
    .map((name) => name.split(path.sep).join("/"))
    .sort();
}
