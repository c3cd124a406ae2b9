import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { link, mkdir } from "node:fs/promises";
import path from "node:path";
import { dieAt } from "./failpoint.ts";
import { PublishError, type SiteFolders } from "./siteFolder.ts";
import type { Manifest } from "./writer.ts";

/**
 * An incremental build does not copy the whole site to publish it (at 100,000 articles that
 * is 230,000 files and 4 GB), nor change the published folder in place (a build stopped
 * half-way would leave it half old, half new). It keeps a second copy of the site, the
 * standby: the site before the published one, its unchanged files hard links to the
 * published ones. A build brings the standby up to the new site (writing what changed,
 * linking what it lacks, removing what is gone: the writer never writes into a file, so a
 * shared one is never changed), then swaps the two folders by renames, as a cold build
 * publishes its staging folder. The old site becomes the next standby. While the standby
 * is being changed it is marked dirty, so a build stopped then leaves a standby the next
 * build knows not to trust (it makes a fresh one).
 */
export interface Standby {
  readonly dir: string;
  /** Marks the standby as being changed. */
  readonly dirtyMark: string;
}

/**
 * The standby of the site folder `output`: in the build state's folder when both are on one
 * file system (links and renames need that), else beside the site folder (`_site.standby`).
 */
export function standbyOf(stateDir: string, output: string): Standby {
  const dir = sameFileSystem(path.dirname(stateDir), path.dirname(output))
    ? path.join(stateDir, "standby")
    : `${output}.standby`;
  return { dir, dirtyMark: `${dir}.dirty` };
}

function sameFileSystem(a: string, b: string): boolean {
  mkdirSync(a, { recursive: true });
  mkdirSync(b, { recursive: true });
  return statSync(a).dev === statSync(b).dev;
}

/** Whether the standby holds what its manifest says (it exists, and no build was stopped while changing it). */
export function standbyUsable(standby: Standby): boolean {
  return existsSync(standby.dir) && !existsSync(standby.dirtyMark);
}

/** Links to them in flight at once: enough to keep the file system's threads busy. */
const LINKS_IN_FLIGHT = 64;

/**
 * A fresh standby: every file of the published site, linked (no bytes copied). Slow on a large
 * site (a link and perhaps a folder per file), so it is done only when there is no usable
 * standby: the first incremental build after a cold one, or after a stopped build.
 */
export async function freshStandby(standby: Standby, site: string, manifest: Manifest): Promise<Manifest> {
  markDirty(standby);
  rmSync(standby.dir, { recursive: true, force: true });
  const folders = new Map<string, Promise<unknown>>();
  const pending = new Set<Promise<void>>();
  for (const file of manifest.keys()) {
    const task = (async () => {
      const target = path.join(standby.dir, file);
      const dir = path.dirname(target);
      let made = folders.get(dir);
      if (!made) {
        made = mkdir(dir, { recursive: true });
        folders.set(dir, made);
      }
      await made;
      await link(path.join(site, file), target);
    })().finally(() => pending.delete(task));
    pending.add(task);
    if (pending.size >= LINKS_IN_FLIGHT) await Promise.race(pending);
  }
  await Promise.all(pending);
  return manifest;
}

export function markDirty(standby: Standby): void {
  writeFileSync(standby.dirtyMark, "");
}

export function markClean(standby: Standby): void {
  rmSync(standby.dirtyMark, { force: true });
}

/**
 * Publishes the standby: the published folder is set aside, the standby takes its place,
 * and the folder set aside becomes the standby. Between the first two renames the site
 * folder is missing for an instant, as when a cold build publishes; a build stopped there
 * is put right by the next (recoverSiteFolder puts the set-aside folder back).
 */
export function publishStandby(folders: SiteFolders, standby: Standby): void {
  try {
    renameSync(folders.output, folders.retired);
  } catch (error) {
    throw new PublishError(
      `could not set ${folders.output} aside (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  dieAt("swap");
  try {
    renameSync(standby.dir, folders.output);
  } catch (error) {
    renameSync(folders.retired, folders.output);
    throw new PublishError(
      `could not move the new site to ${folders.output} (${(error as NodeJS.ErrnoException).code}); nothing was published`,
    );
  }
  renameSync(folders.retired, standby.dir);
}
