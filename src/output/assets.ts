import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  ASSET_HASH_DIGITS,
  type AssetUrls,
  DEFAULT_IMAGE_URL,
  hashedAssetUrl,
  LOGO_URL,
} from "../domain/urls.ts";

/**
 * Our CSS, JS and icon, named by their content's hash so hosts can cache them forever and a
 * changed file is never served stale; and the sharing picture and the publisher's logo,
 * which keep fixed names because crawlers cache them by URL.
 */
const HASHED_SOURCES = {
  css: "layouts/assets/site.css",
  printCss: "layouts/assets/print.css",
  js: "layouts/assets/site.js",
  icon: "layouts/assets/favicon.svg",
  searchJs: "layouts/assets/search.js",
} as const satisfies Record<keyof AssetUrls, string>;

/** The sources of the files with fixed names. */
const FIXED_SOURCES: Readonly<Record<string, string>> = {
  [DEFAULT_IMAGE_URL]: "layouts/assets/og-default.png",
  [LOGO_URL]: "layouts/assets/logo.png",
};

export interface SiteAssets {
  readonly urls: AssetUrls;
  /** Every asset file of the site: its URL and its source in the project. */
  readonly files: readonly { readonly url: string; readonly source: string }[];
}

/** The site's assets, from the project at `root`: each hashed name made from the file's bytes. */
export function siteAssets(root: string): SiteAssets {
  const hashed = Object.entries(HASHED_SOURCES).map(([key, source]) => {
    const hash = createHash("sha256")
      .update(readFileSync(path.join(root, source)))
      .digest("hex")
      .slice(0, ASSET_HASH_DIGITS);
    const parsed = path.posix.parse(source);
    return { key, url: hashedAssetUrl(parsed.name, hash, parsed.ext), source };
  });
  return {
    urls: Object.fromEntries(hashed.map(({ key, url }) => [key, url])) as unknown as AssetUrls,
    files: [
      ...hashed.map(({ url, source }) => ({ url, source: path.join(root, source) })),
      ...Object.entries(FIXED_SOURCES).map(([url, source]) => ({ url, source: path.join(root, source) })),
    ],
  };
}
