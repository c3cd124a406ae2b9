import path from "node:path";
import { CACHE_CONTROLS, cacheControlOf as siteCacheControlOf } from "./cacheControl.ts";

/**
 * The headers each file of the site is stored with in a bucket (`npm run upload:s3`), where
 * no host sets them: how long browsers and the CDN may keep it, and what it is. Hosts like
 * GitHub Pages choose these themselves; a bucket serves exactly what it was given.
 */
export interface UploadHeaders {
  readonly cacheControl: string;
  readonly contentType: string;
}

/** The rule for a file of the site folder (`assets/site.2f1fb20681.css`). */
export function cacheControlOf(file: string): string {
  return siteCacheControlOf(`/${file}`);
}

/**
 * By extension, as the common static hosts serve them (feeds and sitemaps as application/xml,
 * which browsers show). Set here rather than guessed by the uploader, whose guess depends on the
 * machine's /etc/mime.types.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
  ".mp4": "video/mp4",
};

/** Anything else, such as the search index's parts (`.pf_fragment`), which its script unpacks itself. */
const BINARY = "application/octet-stream";

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.posix.extname(file).toLowerCase()] ?? BINARY;
}

/** Files that are stored with the same headers, so one upload command sends them all. */
export interface UploadGroup {
  readonly headers: UploadHeaders;
  readonly files: readonly string[];
}

/** The files grouped by their headers, in the order they should reach the bucket. */
export function uploadGroups(files: readonly string[]): UploadGroup[] {
  const groups = new Map<string, { headers: UploadHeaders; files: string[] }>();
  for (const file of files) {
    const headers = { cacheControl: cacheControlOf(file), contentType: contentTypeOf(file) };
    const id = `${headers.cacheControl}\n${headers.contentType}`;
    const group = groups.get(id) ?? { headers, files: [] };
    group.files.push(file);
    groups.set(id, group);
  }
  const order: readonly string[] = Object.values(CACHE_CONTROLS);
  return [...groups.values()].sort(
    (a, b) =>
      order.indexOf(a.headers.cacheControl) - order.indexOf(b.headers.cacheControl) ||
      a.headers.contentType.localeCompare(b.headers.contentType),
  );
}
