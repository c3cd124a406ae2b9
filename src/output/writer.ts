import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { failingWrite } from "./failpoint.ts";

/**
 * The one writer of the site's files: pages, feeds, sitemaps, robots.txt, assets, pictures
 * and the search index all reach the folder through it (a newsroom's own Eleventy
 * templates excepted: Eleventy writes those itself). Paths are relative to the site root,
 * as `outputPathOf` gives them. Folders are made and files written on libuv's threads
 * while the caller renders the next page; at most WRITES_IN_FLIGHT are held at once.
 */
export interface Writer {
  /** The folder written into: the staging folder of a build, or the preview's folder. */
  readonly folder: string;
  /** Writes a file; waits only when too many writes are under way. */
  write(file: string, content: string | Uint8Array): Promise<void>;
  /** Copies a file of the project or the picture cache into the site. */
  copy(file: string, source: string): Promise<void>;
  /** Removes a file the site no longer has (the preview, after an article is deleted). */
  remove(file: string): Promise<void>;
  /** Waits until everything is written; throws the first failure. */
  flush(): Promise<void>;
}

/** Files handed to the file system at once: enough to keep its threads busy, few enough to hold. */
const WRITES_IN_FLIGHT = 64;

export function writerInto(folder: string): Writer {
  const made = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let checked = false;

  const target = (file: string) => {
    const full = path.join(folder, file);
    // Paths come from src/domain/urls.ts; one that leaves the folder is a bug, not content.
    if (!full.startsWith(`${folder}${path.sep}`))
      throw new Error(`the writer was given a path outside the site: ${file}`);
    return full;
  };
  const folderFor = async (full: string) => {
    const dir = path.dirname(full);
    if (made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  };
  const queue = async (work: () => Promise<void>) => {
    if (!checked) {
      checked = true;
      failingWrite("output", folder);
    }
    if (failure) throw failure;
    const task = work().then(
      () => {
        inFlight.delete(task);
      },
      (error: unknown) => {
        inFlight.delete(task);
        failure ??= error;
      },
    );
    inFlight.add(task);
    if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
    if (failure) throw failure;
  };

  return {
    folder,
    write: (file, content) =>
      queue(async () => {
        const full = target(file);
        await folderFor(full);
        await writeFile(full, content);
      }),
    copy: (file, source) =>
      queue(async () => {
        const full = target(file);
        await folderFor(full);
        await copyFile(source, full);
      }),
    remove: (file) => queue(() => rm(target(file), { force: true })),
    async flush() {
      await Promise.all(inFlight);
      if (failure) throw failure;
    },
  };
}
