import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** What the built search index holds of one page (Pagefind's fragment: gzip, a signature, JSON). */
export interface IndexedPage {
  readonly url: string;
  readonly content: string;
  readonly meta: Record<string, string>;
  readonly filters: Record<string, string[]>;
}

const SIGNATURE = "pagefind_dcd";

/** Every page in every part of a built site's search index. */
export function indexedPages(site: string): IndexedPage[] {
  const root = path.join(site, "pagefind");
  return readdirSync(root).flatMap((part) => {
    const fragments = path.join(root, part, "fragment");
    return readdirSync(fragments).map((file) => {
      const text = gunzipSync(readFileSync(path.join(fragments, file))).toString("utf8");
      if (!text.startsWith(SIGNATURE)) throw new Error(`${file} is not a Pagefind fragment`);
      return JSON.parse(text.slice(SIGNATURE.length)) as IndexedPage;
    });
  });
}
