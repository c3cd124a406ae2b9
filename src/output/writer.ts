import { copyFile, link, mkdir, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fingerprint } from "../domain/fingerprint.ts";
import { failingWrite } from "./failpoint.ts";
import type { BinaryOutputFile, OutputFile, OutputGroup } from "./outputFile.ts";

/**
 * The one writer of the site's files: pages, feeds, sitemaps, robots.txt, assets, pictures
 * and the search index all reach the folder through it (a newsroom's own Eleventy
 * templates excepted: Eleventy writes those itself). Paths are relative to the site root,
 * as `outputPathOf` gives them. Folders are made and files written on libuv's threads
 * while the caller renders the next page; at most WRITES_IN_FLIGHT are held at once.
 *
 * It keeps a manifest of the site: each file with the key of what it shows, the fingerprint
 * of its bytes and its size. Given what the last build published, a file whose key is the
 * same is not made again, and one made again with the same bytes counts as unchanged. The
 * folder written into may be empty (a cold build's staging folder), the published folder
 * itself (the preview), or the standby copy of an earlier site (an incremental build, see
 * src/output/standby.ts): the writer brings it to the new site with as few file operations
 * as it can, linking from the published folder what it lacks and is unchanged, and never
 * writing into an existing file (which may be the published site's, through a hard link).
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

export interface GroupRecord {
  readonly key: string;
  readonly files: readonly string[];
}

/** What a build published: its files and its groups (feeds, sitemaps, search parts). */
export interface Published {
  readonly manifest: Manifest;
  readonly groups: ReadonlyMap<string, GroupRecord>;
}

export interface WriterOptions {
  /** The folder written into. */
  readonly folder: string;
  /** What the last build published: the files the new site shares with it are not made again. */
  readonly published?: Published | undefined;
  /**
   * Whether a file whose key is the one it had may be taken as unchanged (true) or must be
   * made again and compared by its bytes (a full build, after a change to the code or the
   * layouts that keys do not see).
   */
  readonly trustKeys?: boolean;
  /** What `folder` holds now, if anything: the published site (the preview), or the standby copy. */
  readonly holds?: Manifest | undefined;
  /** Where the published site is, when `folder` is another: unchanged files it lacks are linked from there. */
  readonly linkFrom?: string | undefined;
}

/** What a build's writing came to, measured against what was published before it. */
export interface WriterReport {
  readonly manifest: Manifest;
  /** Each group's key and files (feeds, sitemaps, search parts), for the next build. */
  readonly groups: ReadonlyMap<string, GroupRecord>;
  /** Files new or changed since the last published site, and files it had that are gone. */
  readonly written: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: number;
}

export interface Writer {
  readonly folder: string;
  /** Writes a file of the site unless it is the same as last time (by `key`, else by its bytes). */
  put(file: string, key: string, make: () => string | Uint8Array): Promise<void>;
  /** Writes a group's files unless its key is the one it had. */
  putGroup(group: OutputGroup<OutputFile | BinaryOutputFile>, toFile: (url: string) => string): Promise<void>;
  /** Copies a file whose name says what it holds (a processed picture) unless it is there. */
  copyNamed(file: string, source: string): Promise<void>;
  /** Records a file another thread wrote into the folder (the search index), and the group it belongs to. */
  record(
    file: string,
    hash: string,
    size: number,
    group?: { readonly name: string; readonly key: string },
  ): void;
  /** Keeps a published group as it is (a search part whose pages did not change). */
  keepGroup(name: string): Promise<void>;
  /** Keeps the published files that `which` picks as they are (the preview's search index, until it is rebuilt). */
  keep(which: (file: string) => boolean): Promise<void>;
  /** Takes the files `which` picks out of the folder, for something else to write (Eleventy's own templates, a search part). */
  clear(which: (file: string) => boolean): Promise<void>;
  /** Waits until everything is written, removes what the site no longer has, and says what changed. */
  finish(): Promise<WriterReport>;
}

/** Files handed to the file system at once: enough to keep its threads busy, few enough to hold. */
const WRITES_IN_FLIGHT = 64;

export function writerInto({ folder, published, holds, linkFrom, trustKeys = true }: WriterOptions): Writer {
  /** What the folder holds, as files are cleared from it. */
  const held = new Map(holds ?? []);
  const made = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const manifest = new Map<string, OutputRecord>();
  const groups = new Map<string, GroupRecord>();
  const recordedFiles = new Map<string, string[]>();
  const written: string[] = [];
  let unchanged = 0;
  let failure: unknown;
  let checked = false;

  const target = (root: string, file: string) => {
    const full = path.join(root, file);
    // Paths come from src/domain/urls.ts; one that leaves the folder is a bug, not content.
    if (!full.startsWith(`${root}${path.sep}`))
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

  /** Counts the file against the published site and notes it in the new manifest. */
  const note = (file: string, record: OutputRecord) => {
    manifest.set(file, record);
    if (published?.manifest.get(file)?.hash === record.hash) unchanged++;
    else written.push(file);
  };
  /**
   * Makes the folder hold `record` at `file`: nothing when it does, else the bytes given, or
   * a link to the published file. What was there goes first, so a file shared with the
   * published site through a hard link is never written into.
   */
  const place = (file: string, record: OutputRecord, bytes?: Uint8Array, source?: string) => {
    const there = held.get(file);
    if (there?.hash === record.hash) return Promise.resolve();
    const full = target(folder, file);
    const from = bytes ? undefined : (source ?? (linkFrom && target(linkFrom, file)));
    if (!bytes && !from) throw new Error(`the writer has neither the bytes nor a copy of ${file}`);
    return queue(async () => {
      await folderFor(full);
      if (there) await rm(full, { force: true });
      if (bytes) await writeFile(full, bytes);
      else if (source) await copyFile(source, full);
      else await link(from as string, full);
    });
  };

  const writer: Writer = {
    folder,
    async put(file, key, make) {
      const before = published?.manifest.get(file);
      if (trustKeys && before?.key === key) {
        note(file, before);
        return place(file, before);
      }
      const made = make();
      // Encoded once, for the fingerprint and the file alike.
      const bytes = typeof made === "string" ? Buffer.from(made) : made;
      const record = { key, hash: fingerprint(bytes), size: bytes.byteLength };
      note(file, record);
      return place(file, record, bytes);
    },
    async putGroup(group, toFile) {
      const before = published?.groups.get(group.name);
      if (
        trustKeys &&
        before?.key === group.key &&
        before.files.every((file) => published?.manifest.has(file))
      ) {
        // Awaited: finish() must see every kept file, or it would take them for gone.
        return writer.keepGroup(group.name);
      }
      const files = await group.make();
      for (const file of files) await writer.put(toFile(file.url), group.key, () => file.content);
      groups.set(group.name, { key: group.key, files: files.map((file) => toFile(file.url)) });
    },
    async copyNamed(file, source) {
      const before = published?.manifest.get(file);
      const record =
        before?.key === file ? before : { key: file, hash: file, size: (await stat(source)).size };
      note(file, record);
      // Linked from the published site when it has the file, else copied from the picture cache.
      return place(file, record, undefined, before && linkFrom ? undefined : source);
    },
    record(file, hash, size, group) {
      note(file, { key: hash, hash, size });
      if (group) {
        // Added to in place (a search part records a thousand files and more, one by one),
        // in a list of this writer's own, never one of the published site's.
        let files = recordedFiles.get(group.name);
        if (!files) {
          files = [];
          recordedFiles.set(group.name, files);
        }
        files.push(file);
        groups.set(group.name, { key: group.key, files });
      }
    },
    async keepGroup(name) {
      const before = published?.groups.get(name);
      if (!before) throw new Error(`no published group ${name} to keep`);
      for (const file of before.files) {
        const record = published?.manifest.get(file);
        if (!record) continue;
        note(file, record);
        await place(file, record);
      }
      groups.set(name, before);
    },
    async keep(which) {
      for (const [file, record] of published?.manifest ?? []) {
        if (!which(file)) continue;
        note(file, record);
        await place(file, record);
      }
    },
    async clear(which) {
      const cleared: string[] = [];
      for (const file of holds?.keys() ?? []) {
        if (!which(file)) continue;
        const full = target(folder, file);
        await queue(() => rm(full, { force: true }));
        cleared.push(file);
      }
      await Promise.all(inFlight);
      for (const file of cleared) held.delete(file);
    },
    async finish() {
      await Promise.all(inFlight);
      if (failure) throw failure;
      const gone = [...held.keys()].filter((file) => !manifest.has(file));
      for (const file of gone) {
        const full = target(folder, file);
        await queue(() => rm(full, { force: true }));
      }
      await Promise.all(inFlight);
      if (failure) throw failure;
      await removeEmptiedFolders(folder, gone);
      const removed = [...(published?.manifest.keys() ?? [])].filter((file) => !manifest.has(file));
      return { manifest, groups, written, removed, unchanged };
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
