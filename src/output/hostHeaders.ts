import { fingerprint } from "../domain/fingerprint.ts";
import {
  type AssetUrls,
  HOST_HEADERS_URL,
  isHashedAssetUrl,
  PICTURES_FOLDER,
  SHARED_BLOCKS_URL,
  withPrefix,
} from "../domain/urls.ts";
import type { Site } from "../model/site.ts";
import { CACHE_CONTROLS } from "./cacheControl.ts";
import type { OutputGroup } from "./outputFile.ts";

/**
 * `_headers`, the cache rules Netlify and Cloudflare Pages read from the site's root (one
 * format for both; other hosts serve it as a file nobody links), from the policy every host
 * shares (cacheControl.ts). A rule names each hashed asset rather than `/assets/*`, which
 * also holds the logo and the sharing picture under fixed names; both hosts merge the rules
 * that match a path, so a narrower rule could not undo a wide one. Paths carry the path
 * prefix, as the site's links do. docs/publishing.md explains the rules and the other hosts'.
 */
export function hostHeaders(site: Site, assets: AssetUrls): string {
  const at = (url: string) => withPrefix(site.config.pathPrefix, url);
  const immutable = (url: string) => [url, `  Cache-Control: ${CACHE_CONTROLS.immutable}`];
  const hashed = [...new Set(Object.values(assets))].filter(isHashedAssetUrl).sort();
  return [
    "# Cache rules for Netlify and Cloudflare Pages, written by newsdesk's build.",
    "# The sidebar blocks change with every export and top story: kept a minute, then asked for again.",
    at(SHARED_BLOCKS_URL),
    `  Cache-Control: ${CACHE_CONTROLS.sharedBlocks}`,
    "  X-Robots-Tag: noindex",
    "# Style sheets, scripts, icons and pictures named by their content: a new version has a new name.",
    ...hashed.flatMap((url) => immutable(at(url))),
    ...immutable(`${at(PICTURES_FOLDER)}*`),
    "",
  ].join("\n");
}

export function hostHeadersGroup(site: Site, assets: AssetUrls): OutputGroup {
  const content = hostHeaders(site, assets);
  return {
    name: "host headers",
    key: fingerprint(content),
    make: () => [{ url: HOST_HEADERS_URL, content }],
  };
}
