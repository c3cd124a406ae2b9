import { lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../domain/problem.ts";

/**
 * The editors' folder (`content/` by default; tests and the bench point elsewhere).
 * Problems name files relative to the working directory, as editors' tools expect.
 *
 * Nothing outside it is ever read or published: a path an editor writes (a picture, a
 * link to an article) is followed through symbolic links and must end inside the folder.
 */
export interface ContentFolder {
  /** Absolute path of the folder. */
  readonly dir: string;
  /** Absolute path of a file inside it. */
  resolve(relative: string): string;
  /** How a file inside it is named in messages: `content/articles/x.md`. */
  label(relative: string): string;
  /** Where a path relative to the folder leads, after symbolic links. */
  locate(relative: string): ContentPath;
}

/** What a path leads to: a file inside the folder, or why it is not one. */
export type ContentPath =
  | { readonly kind: "file"; readonly absolute: string }
  | { readonly kind: "missing" | "folder" | "outside" | "loop" };

/**
 * One build's view of the folder: it remembers where each folder really is (after symbolic
 * links), so that locating a file that is not itself a link costs one `lstat` (at 100,000
 * articles a `realpath` per file was 1.4 s of every build). Make a new one for each build,
 * so a folder an editor replaces with a link is seen.
 */
export function contentFolder(dir: string, cwd: string = process.cwd()): ContentFolder {
  const absolute = path.resolve(cwd, dir);
  const realFolders = new Map<string, string>();
  const realFolder = (folder: string): string => {
    let real = realFolders.get(folder);
    if (real === undefined) {
      real = realpathSync.native(folder);
      realFolders.set(folder, real);
    }
    return real;
  };
  const inside = (file: string, root: string) => file === root || file.startsWith(`${root}${path.sep}`);
  return {
    dir: absolute,
    resolve: (relative) => path.join(absolute, relative),
    label: (relative) => path.relative(cwd, path.join(absolute, relative)).split(path.sep).join("/"),
    locate(relative) {
      const file = path.resolve(absolute, relative);
      if (!inside(file, absolute)) return { kind: "outside" };
      let target: string;
      let isFolder: boolean;
      let root: string;
      try {
        root = realFolder(absolute);
        const link = lstatSync(file);
        if (link.isSymbolicLink()) {
          target = realpathSync.native(file);
          isFolder = statSync(target).isDirectory();
        } else {
          target = path.join(realFolder(path.dirname(file)), path.basename(file));
          isFolder = link.isDirectory();
        }
      } catch (error) {
        return { kind: (error as NodeJS.ErrnoException).code === "ELOOP" ? "loop" : "missing" };
      }
      if (!inside(target, root)) return { kind: "outside" };
      return isFolder ? { kind: "folder" } : { kind: "file", absolute: target };
    },
  };
}

/** Why an editor's file cannot be read, as the message of a problem on it. */
const UNREADABLE: Readonly<Record<Exclude<ContentPath["kind"], "file">, string>> = {
  missing: "is missing",
  folder: "is a folder, not a file",
  outside:
    "is a link to a file outside the content folder, which is never read; put the file itself in its place",
  loop: "is a symbolic link that leads back to itself; put the file itself in its place",
};

/**
 * The text of one editor's file, or the problem that stops it being read: a link out of
 * the content folder or in a loop, or a file that cannot be opened.
 */
export function readContentText(
  content: ContentFolder,
  relative: string,
): { readonly text: string } | { readonly problem: Problem } {
  const located = content.locate(relative);
  const problem = (message: string): { problem: Problem } => ({
    problem: { severity: "error", file: content.label(relative), line: 1, field: "file", message },
  });
  if (located.kind !== "file") return problem(UNREADABLE[located.kind]);
  try {
    return { text: readFileSync(located.absolute, "utf8") };
  } catch (error) {
    return problem(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
