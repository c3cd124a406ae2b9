import path from "node:path";

/**
 * The editors' folder (`content/` by default; tests and the bench point elsewhere).
 * Problems name files relative to the working directory, as editors' tools expect.
 */
export interface ContentFolder {
  /** Absolute path of the folder. */
  readonly dir: string;
  /** Absolute path of a file inside it. */
  resolve(relative: string): string;
  /** How a file inside it is named in messages: `content/articles/x.md`. */
  label(relative: string): string;
}

export function contentFolder(dir: string, cwd: string = process.cwd()): ContentFolder {
  const absolute = path.resolve(cwd, dir);
  return {
    dir: absolute,
    resolve: (relative) => path.join(absolute, relative),
    label: (relative) => path.relative(cwd, path.join(absolute, relative)).split(path.sep).join("/"),
  };
}
