import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Our CSS and JS, named by their content's hash so hosts can cache them forever and a
 * changed file is never served stale.
 */
export interface AssetUrls {
  readonly css: string;
  readonly printCss: string;
  readonly js: string;
  readonly icon: string;
  readonly searchJs: string;
}

/** The folder of the site that holds our CSS, JS and icons (and the sharing picture and logo). */
export const ASSET_FOLDER = "assets/";

export const ASSET_SOURCES = {
  css: "layouts/assets/site.css",
  printCss: "layouts/assets/print.css",
  js: "layouts/assets/site.js",
  icon: "layouts/assets/favicon.svg",
  searchJs: "layouts/assets/search.js",
} as const satisfies Record<keyof AssetUrls, string>;

/** Maps each source to its hashed output path (relative to the output folder). */
export function hashedAssets(root: string): { urls: AssetUrls; copies: Record<string, string> } {
  const copies: Record<string, string> = {};
  const entries = Object.entries(ASSET_SOURCES).map(([key, source]) => {
    const hash = createHash("sha256")
      .update(readFileSync(path.join(root, source)))
      .digest("hex")
      .slice(0, 10);
    const parsed = path.posix.parse(source);
    const output = `${ASSET_FOLDER}${parsed.name}.${hash}${parsed.ext}`;
    copies[source] = output;
    return [key, `/${output}`];
  });
  return { urls: Object.fromEntries(entries) as unknown as AssetUrls, copies };
}
