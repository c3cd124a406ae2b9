import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import {
  type ContentRecords,
  recordsFromStore,
  type StoredRecords,
  storedRecords,
} from "../content/readContent.ts";
import { fingerprint } from "../domain/fingerprint.ts";
import { toSlug } from "../domain/slugs.ts";
import type { RelatedMemory } from "../model/related/related.ts";
import type { BuildChanges } from "../output/buildChanges.ts";
import { isRunning } from "../output/siteFolder.ts";
import type { Manifest, Published } from "../output/writer.ts";
import { type BodyIndex, packedBodies } from "./bodyStore.ts";
import type { BuildState } from "./build.ts";
import { type BuildInputs, STATE_FORMAT } from "./buildInputs.ts";

/**
 * `npm run build` keeps its state on disk, in `.cache/state/<content and site>/`, so that the
 * next build reads, checks, renders and writes only what changed. The state describes one
 * site folder: it names the site it built by a fingerprint that the site folder also holds
 * (src/output/siteMarker.ts), so a state without its site, or a site without its state,
 * makes the next build cold. It is written beside (`state.next.v8`) before the new site is
 * published and renamed into place after, so that a build stopped at any moment leaves a
 * state that matches the site folder, or one the next build can match to it.
 */
export interface StateFolder {
  readonly dir: string;
  readonly file: string;
  readonly next: string;
  readonly bodies: string;
  readonly lock: string;
}

/** What is kept on disk: everything a build may use again, as plain data. */
export interface StoredState {
  readonly format: number;
  readonly inputs: BuildInputs;
  /** The fingerprint of the site this state built (what its site folder's marker says). */
  readonly site: string;
  readonly records: StoredRecords;
  /** What the related engine keeps to update only the lists a change reaches. */
  readonly related: RelatedMemory;
  readonly published: Published;
  /** Where each body is kept, and what it was made from. */
  readonly bodies: BodyIndex;
  /** What the standby copy holds (the site before this one), if there is one. */
  readonly standby: Manifest | undefined;
  /**
   * The changes list this build wrote for uploads (src/output/buildChanges.ts): what it
   * changed, with the changes of a build stopped before it whose state it took over.
   */
  readonly changes: BuildChanges;
}

/**
 * Where the build keeps what it keeps between runs: `NEWSDESK_CACHE` when set (tests give
 * each site its own), else `.cache/` in the project (CI caches it with the site folder).
 */
export function cacheFolder(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot, env.NEWSDESK_CACHE?.trim() || ".cache");
}

/** The state of the build of `contentDir` into `outputDir`: each pair has its own. */
export function stateFolder(
  cache: string,
  projectRoot: string,
  contentDir: string,
  outputDir: string,
): StateFolder {
  const content = path.resolve(contentDir);
  const output = path.resolve(outputDir);
  const name = `${toSlug(path.relative(projectRoot, content) || "content").slice(0, 40)}-${fingerprint(`${content}\0${output}`).slice(0, 10)}`;
  const dir = path.join(cache, "state", name);
  return {
    dir,
    file: path.join(dir, "state.v8"),
    next: path.join(dir, "state.next.v8"),
    bodies: path.join(dir, "bodies"),
    lock: path.join(dir, "lock"),
  };
}

/** The stored state, or why there is none to use. */
export function loadState(
  folder: StateFolder,
  file: string = folder.file,
): StoredState | { readonly none: string } {
  if (!existsSync(file)) return { none: "there is no state from an earlier build" };
  try {
    const state = deserialize(readFileSync(file)) as StoredState;
    if (state.format !== STATE_FORMAT) return { none: "the build state's format changed" };
    return state;
  } catch {
    return { none: "the state of the last build could not be read" };
  }
}

/** The pipeline's state from what is on disk. */
export function liveState(folder: StateFolder, stored: StoredState): BuildState {
  return {
    records: recordsFromStore(stored.records),
    related: stored.related,
    bodies: packedBodies(folder.bodies, stored.bodies),
    published: stored.published,
  };
}

/** Writes the state of a build beside the current one (`state.next.v8`); `commitState` puts it in place. */
export function writeNextState(
  folder: StateFolder,
  state: BuildState,
  inputs: BuildInputs,
  site: string,
  standby: Manifest | undefined,
  changes: BuildChanges,
): void {
  const stored: StoredState = {
    format: STATE_FORMAT,
    inputs,
    site,
    records: storedRecords(state.records as ContentRecords),
    related: state.related,
    published: state.published,
    bodies: state.bodies.index ?? new Map(),
    standby,
    changes,
  };
  state.bodies.save();
  mkdirSync(folder.dir, { recursive: true });
  writeFileSync(`${folder.next}.tmp`, serialize(stored));
  renameSync(`${folder.next}.tmp`, folder.next);
}

export function commitState(folder: StateFolder): void {
  renameSync(folder.next, folder.file);
}

/** Why a build may not start: another is building the same site (its process id), or nothing. */
export function takeLock(folder: StateFolder): { readonly release: () => void } | { readonly busy: number } {
  mkdirSync(folder.dir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(folder.lock, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(folder.lock, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(folder.lock, "utf8"));
      // An empty lock (killed before it said who holds it) is no one's: process 0 would be this process group.
      if (Number.isSafeInteger(holder) && holder > 0 && isRunning(holder)) return { busy: holder };
      // Left by a build that was stopped: it builds nothing now.
      rmSync(folder.lock, { force: true });
    }
  }
  return { busy: 0 };
}
