/**
 * A file the build adds to the site besides pages: a feed, a sitemap, robots.txt. `url` is
 * the root-relative URL without the path prefix (`/feeds/economy/rss.xml`), like a route's.
 */
export interface OutputFile {
  readonly url: string;
  readonly content: string;
}

/** A file of bytes made with others (the web editor's WebAssembly). */
export interface BinaryOutputFile {
  readonly url: string;
  readonly content: Uint8Array;
}

/**
 * Files made together (a feed's Atom and RSS, the sitemap and its parts), with a key: a
 * fingerprint of everything they show. Files whose key is the one they had last time are
 * the same files, and are not made again.
 */
export interface OutputGroup<File extends OutputFile | BinaryOutputFile = OutputFile> {
  /** Names the group from build to build: `feed economy`, `sitemap`. */
  readonly name: string;
  readonly key: string;
  readonly make: () => readonly File[] | Promise<readonly File[]>;
}
