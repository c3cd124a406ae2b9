import { fingerprint } from "../domain/fingerprint.ts";
import { ASSETS_FOLDER, HOST_HEADERS_URL, SHARED_BLOCKS_URL, withPrefix } from "../domain/urls.ts";
import type { Site } from "../model/site.ts";
import type { OutputGroup } from "./outputFile.ts";

/** How long a browser uses the shared blocks file before it asks again: a new most-read list shows within a minute. */
const SHARED_BLOCKS_MAX_AGE = 60;

/**
 * `_headers`, the cache rules Netlify and Cloudflare Pages read from the site's root (one
 * format for both; other hosts serve it as a file nobody links). Paths carry the path prefix,
 * as the site's links do. docs/publishing.md explains the rules and the other hosts'.
 */
export function hostHeaders(site: Site): string {
  const at = (url: string) => withPrefix(site.config.pathPrefix, url);
  return [
    "# Cache rules for Netlify and Cloudflare Pages, written by newsdesk's build.",
    "# The sidebar blocks change with every export and top story: kept briefly, then asked for again.",
    at(SHARED_BLOCKS_URL),
    `  Cache-Control: public, max-age=${SHARED_BLOCKS_MAX_AGE}, must-revalidate`,
    "  X-Robots-Tag: noindex",
    "# Style sheets, scripts and icons are named by their content: a new version has a new name.",
    `${at(ASSETS_FOLDER)}*`,
    "  Cache-Control: public, max-age=31536000, immutable",
    "",
  ].join("\n");
}

export function hostHeadersGroup(site: Site): OutputGroup {
  const content = hostHeaders(site);
  return {
    name: "host headers",
    key: fingerprint(content),
    make: () => [{ url: HOST_HEADERS_URL, content }],
  };
}
