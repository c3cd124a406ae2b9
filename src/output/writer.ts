import { copyFile, mkdir, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fingerprint } from "../domain/fingerprint.ts";
import { failingWrite } from "./failpoint.ts";
import type { OutputGroup } from "./outputFile.ts";

/**
 * The one writer of the site's files: pages, feeds, sitemaps, robots.txt, assets, pictures
 * and the search index all reach the folder through it (a newsroom's own Eleventy
 * templates excepted: Eleventy writes those itself). Paths are relative to the site root,
 * as `outputPathOf` gives them. Folders are made and files written on libuv's threads
 * while the caller renders the next page; at most WRITES_IN_FLIGHT are held at once.
 *
 * It keeps a manifest of the site: each file with the key of what it shows and the
 * fingerprint of its bytes. Given the last build's manifest, a file whose key is the same
 * is not made again, and one made again with the same bytes is not written again (its
 * time stays too); files the site no longer has are removed.
 */
export interface OutputRecord {
  /** A fingerprint of what the file shows (for a page, its render key). */
  readonly key: string;
  /** A fingerprint of its bytes. */
  readonly hash: string;
  /** Its size in bytes (what hosts count). */
  readonly size: number;
}

export type Manifest = ReadonlyMap<string, OutputRecord>;

/** What a build's writing came to: every file of the site, and how many were written. */
export interface WriterReport {
  readonly manifest: Manifest;
  /** Each group's key and files (feeds, sitemaps), for the next build. */
  readonly groups: ReadonlyMap<string, GroupRecord>;
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
}

export interface GroupRecord {
  readonly key: string;
  readonly files: readonly string[];
}

export interface Writer {
  /** The folder written into: the staging folder of a build, or the preview's folder. */
  readonly folder: string;
  /** Writes a file; waits only when too many writes are under way. */
  write(file: string, content: string | Uint8Array): Promise<void>;
  /** Writes a file of the site unless it is the same as last time (by `key`, else by its bytes). */
  put(file: string, key: string, make: () => string | Uint8Array): Promise<void>;
  /** Writes a group's files unless its key is the one it had. */
  putGroup(group: OutputGroup, toFile: (url: string) => string): Promise<void>;
  /** Copies a file whose name says what it holds (a processed picture) unless it is there. */
  copyNamed(file: string, source: string): Promise<void>;
  /** Records a file written elsewhere through this writer's code (the search index's thread). */
  record(file: string, hash: string, size: number): void;
  /** Keeps the last build's files that `which` picks as they are (the search index, until it is rebuilt). */
  keep(which: (file: string) => boolean): void;
  /** Waits until everything is written, removes what the site no longer has, and says what was done. */
  finish(): Promise<WriterReport>;
}

/** Files handed to the file system at once: enough to keep its threads busy, few enough to hold. */
const WRITES_IN_FLIGHT = 64;

export function writerInto(
  folder: string,
  previous?: { readonly manifest: Manifest; readonly groups: ReadonlyMap<string, GroupRecord> },
): Writer {
  const made = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const manifest = new Map<string, OutputRecord>();
  const groups = new Map<string, GroupRecord>();
  let failure: unknown;
  let checked = false;
  let written = 0;
  let unchanged = 0;

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
  const write = (file: string, content: string | Uint8Array) => {
    const full = target(file);
    return queue(async () => {
      await folderFor(full);
      await writeFile(full, content);
    });
  };
  /** Keeps the last build's record: the file is there as it was. */
  const same = (file: string, record: OutputRecord) => {
    manifest.set(file, record);
    unchanged++;
  };

  const writer: Writer = {
    folder,
    write,
    async put(file, key, make) {
      const before = previous?.manifest.get(file);
      if (before?.key === key) return same(file, before);
      const made = make();
      // Encoded once, for the fingerprint and the file alike.
      const content = typeof made === "string" ? Buffer.from(made) : made;
      const hash = fingerprint(content);
      if (before?.hash === hash) return same(file, { key, hash, size: content.byteLength });
      manifest.set(file, { key, hash, size: content.byteLength });
      written++;
      await write(file, content);
    },
    async putGroup(group, toFile) {
      const before = previous?.groups.get(group.name);
      const kept =
        before?.key === group.key
          ? before.files.map((file) => [file, previous?.manifest.get(file)] as const)
          : [];
      if (before?.key === group.key && kept.every(([, record]) => record)) {
        for (const [file, record] of kept) if (record) same(file, record);
        groups.set(group.name, before);
        return;
      }
      const files = await group.make();
      for (const file of files) await writer.put(toFile(file.url), group.key, () => file.content);
      groups.set(group.name, { key: group.key, files: files.map((file) => toFile(file.url)) });
    },
    async copyNamed(file, source) {
      const before = previous?.manifest.get(file);
      if (before?.key === file) return same(file, before);
      const record = { key: file, hash: file, size: (await stat(source)).size };
      manifest.set(file, record);
      written++;
      const full = target(file);
      await queue(async () => {
        await folderFor(full);
        await copyFile(source, full);
      });
    },
    record(file, hash, size) {
      manifest.set(file, { key: hash, hash, size });
      written++;
    },
    keep(which) {
      for (const [file, record] of previous?.manifest ?? []) if (which(file)) manifest.set(file, record);
    },
    async finish() {
      await Promise.all(inFlight);
      if (failure) throw failure;
      const gone = [...(previous?.manifest.keys() ?? [])].filter((file) => !manifest.has(file));
      for (const file of gone) {
        const full = target(file);
        await queue(() => rm(full, { force: true }));
      }
      await Promise.all(inFlight);
      if (failure) throw failure;
      await removeEmptiedFolders(folder, gone);
      return { manifest, groups, written, unchanged, removed: gone.length };
    },
  };
  return writer;
}

/**
 * Removes the folders that removing files left empty (a deleted article's `…/slug/`), deepest
 * first, so the folder holds what a cold build makes and no more.
 */
async function removeEmptiedFolders(root: string, removedFiles: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of removedFiles) {
    for (let dir = path.dirname(file); dir !== "." && dir !== "/"; dir = path.dirname(dir)) folders.add(dir);
  }
  const deepestFirst = [...folders].sort((a, b) => b.split("/").length - a.split("/").length);
  for (const dir of deepestFirst) {
    await rmdir(path.join(root, dir)).catch((error: NodeJS.ErrnoException) => {
      // Still holds something of the site (or was never there): it stays.
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST" && error.code !== "ENOENT") throw error;
    });
  }
}
