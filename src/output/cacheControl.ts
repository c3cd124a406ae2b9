import { isHashedAssetUrl, PICTURES_FOLDER, SHARED_BLOCKS_URL } from "../domain/urls.ts";

/**
 * How long browsers and CDNs may keep each kind of file, longest first (which is also the
 * order of an upload: whatever a file links to is in place before the file that links to it).
 * One policy for every host whose cache rules we write: `_headers` for Netlify and
 * Cloudflare Pages (hostHeaders.ts) and the bucket's metadata (uploadHeaders.ts).
 */
export const CACHE_CONTROLS = {
  /** Named by their content (hashed assets, processed pictures): a change is a new name. */
  immutable: "public, max-age=31536000, immutable",
  /** Pages, feeds, sitemaps, the search index, and assets with fixed names (logo, sharing picture). */
  page: "public, max-age=300",
  /**
   * The shared sidebar blocks, which every page fetches: breaking news reaches them within a
   * minute, and a copy older than that is never served without asking again.
   */
  sharedBlocks: "public, max-age=60, must-revalidate",
} as const;

/** The rule for a site path (`/assets/site.2f1fb20681.css`, `/shared/blocks.html`), without the path prefix. */
export function cacheControlOf(url: string): string {
  if (isHashedAssetUrl(url) || url.startsWith(PICTURES_FOLDER)) return CACHE_CONTROLS.immutable;
  return url === SHARED_BLOCKS_URL ? CACHE_CONTROLS.sharedBlocks : CACHE_CONTROLS.page;
}
