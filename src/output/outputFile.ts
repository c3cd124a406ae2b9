import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
/**
 * A file the publish step adds to the site: feeds, sitemaps, robots.txt. `url` is the
 * root-relative URL path without the path prefix (`/feeds/economy/rss.xml`), like a
 * route's URL, so the build writes it where it writes every other route.
 */
export interface OutputFile {
  readonly url: string;
  readonly content: string;
}

/** Writes files of the site (feeds, sitemaps) into the output folder at their URLs. */
export function writeOutputFiles(outputDir: string, files: readonly OutputFile[]): void {
  for (const file of files) {
    const target = path.join(outputDir, file.url);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}
