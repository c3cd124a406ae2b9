import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../domain/problem.ts";
import type { ContentFolder } from "./contentFolder.ts";

/** Names that look like Markdown but are not read: only `.md` files are articles and pages. */
const NEAR_MARKDOWN = /\.(?:md|markdown|mdown|mkd|mkdn)$/i;

/**
 * Every `.md` file under a folder of the content folder, as sorted paths relative to it (so
 * builds are deterministic). Hidden files and folders (`.trash/`, `.draft.md`) are the
 * editors' own and never read; a file that is nearly an article (`Story.MD`,
 * `x.markdown`) is a warning rather than silently left out.
 */
export function listMarkdownFiles(
  content: ContentFolder,
  relative: string,
  problems: Problem[] = [],
): string[] {
  const folder = content.resolve(relative);
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) {
      problems.push({
        severity: "error",
        file: content.label(relative),
        line: 1,
        field: "file",
        message: "must be a folder, not a file",
      });
      return [];
    }
    names = readdirSync(folder, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const name of names) {
    const id = name.split(path.sep).join("/");
    if (id.split("/").some((part) => part.startsWith("."))) continue;
    if (id.endsWith(".md")) files.push(id);
    else if (NEAR_MARKDOWN.test(id)) {
      problems.push({
        severity: "warning",
        file: content.label(`${relative}/${id}`),
        line: 1,
        field: "file",
        message: `is not read: only files ending in .md are; rename it to ${path.posix.basename(id).replace(NEAR_MARKDOWN, ".md")}`,
      });
    }
  }
  return files.sort();
}
