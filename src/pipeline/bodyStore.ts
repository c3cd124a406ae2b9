import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";

/**
 * Each body's finished HTML (rendered, sanitised, minified: the costliest work of a build),
 * kept with the key of what it was made from, so that a later build renders only bodies
 * whose text or pictures changed. The preview keeps them in memory; `npm run build` keeps
 * them on disk in packs, one per month of publication (plain pages in one of their own), so
 * that a build reads only the packs of the pages it renders and of the search parts it
 * indexes again, never all of them.
 */
export interface BodyStore {
  /** The kept HTML of `file`'s body, if it was made from `key`. */
  html(file: string, key: string): string | undefined;
  /** The store after a build: every body the site has (its key and pack, by file), and those made now. */
  next(bodies: ReadonlyMap<string, BodyEntry>, made: ReadonlyMap<string, string>): BodyStore;
  /** Writes what changed to disk (a store in memory has nothing to write). */
  save(): void;
  /** Which bodies a store on disk holds, for the build state; undefined for one in memory. */
  readonly index: BodyIndex | undefined;
}

export interface BodyEntry {
  readonly key: string;
  /** Which pack holds it on disk: the month of an article (`2026-11`), or `pages`. */
  readonly pack: string;
}

/** The preview's store: every body in memory. */
export function memoryBodies(kept: ReadonlyMap<string, KeptBody> = new Map()): BodyStore {
  return {
    html: (file, key) => {
      const body = kept.get(file);
      return body?.key === key ? body.html : undefined;
    },
    next(bodies, made) {
      const next = new Map<string, KeptBody>();
      for (const [file, { key }] of bodies) {
        const html = made.get(file) ?? this.html(file, key);
        if (html !== undefined) next.set(file, { key, html });
      }
      return memoryBodies(next);
    },
    save: () => {},
    index: undefined,
  };
}

/** Where each body is kept: by file, its key and pack. */
export type BodyIndex = ReadonlyMap<string, BodyEntry>;

/** A kept body: what it was made from, and its HTML. */
interface KeptBody {
  readonly key: string;
  readonly html: string;
}

/**
 * The persistent store in `folder`: `index` says which bodies it has (from the build state);
 * a pack is read when first asked for. `pending` are bodies not yet written to their packs
 * (after a build, until `save`).
 */
export function packedBodies(
  folder: string,
  index: BodyIndex,
  pending: ReadonlyMap<string, KeptBody> = new Map(),
  previousIndex: BodyIndex = index,
): BodyStore {
  const loaded = new Map<string, ReadonlyMap<string, KeptBody>>();
  const packOf = (name: string): ReadonlyMap<string, KeptBody> => {
    let pack = loaded.get(name);
    if (!pack) {
      pack = readPack(folder, name);
      loaded.set(name, pack);
    }
    return pack;
  };
  const kept = (file: string): KeptBody | undefined => {
    const entry = index.get(file);
    return entry && (pending.get(file) ?? packOf(entry.pack).get(file));
  };
  return {
    index,
    html(file, key) {
      const body = kept(file);
      return body?.key === key ? body.html : undefined;
    },
    next(bodies, made) {
      // What the next store has: the bodies made now, and the kept ones still current.
      const nextIndex = new Map<string, BodyEntry>();
      const nextPending = new Map<string, KeptBody>();
      for (const [file, entry] of bodies) {
        const html = made.get(file);
        if (html !== undefined) {
          nextIndex.set(file, entry);
          nextPending.set(file, { key: entry.key, html });
          continue;
        }
        // Still current by the index alone: a pack is read only for a body that must be written
        // again (it moved to another pack, its article's date changed; or is not written yet).
        const before = index.get(file);
        if (!before || before.key !== entry.key) continue;
        nextIndex.set(file, entry);
        if (before.pack !== entry.pack || pending.has(file)) {
          const body = kept(file);
          if (body?.key === entry.key) nextPending.set(file, body);
          else nextIndex.delete(file);
        }
      }
      return packedBodies(folder, nextIndex, nextPending, index);
    },
    save: () => savePacks(folder, previousIndex, index, pending, packOf),
  };
}

function packFile(folder: string, name: string): string {
  return path.join(folder, `${name}.v8`);
}

function readPack(folder: string, name: string): ReadonlyMap<string, KeptBody> {
  try {
    return deserialize(readFileSync(packFile(folder, name))) as ReadonlyMap<string, KeptBody>;
  } catch {
    // A pack that is missing or unreadable keeps nothing: its bodies are rendered again.
    return new Map();
  }
}

/**
 * Writes every pack whose bodies changed since `before` (the index the packs on disk
 * match): one that gains a body made now, or loses one (a deleted or moved article). Each
 * pack is written whole, beside, then renamed into place.
 */
function savePacks(
  folder: string,
  before: BodyIndex,
  after: BodyIndex,
  pending: ReadonlyMap<string, KeptBody>,
  packOf: (name: string) => ReadonlyMap<string, KeptBody>,
): void {
  const touched = new Set<string>();
  for (const file of pending.keys()) {
    const pack = after.get(file)?.pack;
    if (pack) touched.add(pack);
  }
  for (const [file, entry] of before) if (after.get(file)?.pack !== entry.pack) touched.add(entry.pack);
  if (touched.size === 0) return;
  const members = new Map<string, string[]>();
  for (const [file, entry] of after) {
    if (!touched.has(entry.pack)) continue;
    const list = members.get(entry.pack);
    if (list) list.push(file);
    else members.set(entry.pack, [file]);
  }
  mkdirSync(folder, { recursive: true });
  for (const pack of touched) {
    const files = members.get(pack) ?? [];
    const target = packFile(folder, pack);
    if (files.length === 0) {
      rmSync(target, { force: true });
      continue;
    }
    const old = packOf(pack);
    const bodies = new Map<string, KeptBody>();
    for (const file of files) {
      const body = pending.get(file) ?? old.get(file);
      if (body) bodies.set(file, body);
    }
    writeFileSync(`${target}.tmp`, serialize(bodies));
    renameSync(`${target}.tmp`, target);
  }
}
