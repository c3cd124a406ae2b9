import type { Host } from "../domain/hosts.ts";
import type { OutputRecord } from "./writer.ts";

/**
 * What each static host takes, as its own documentation states it (read in November 2026),
 * checked against the built site. A host refuses a site past these limits, so the build
 * warns as soon as the site passes one, long before a deploy fails.
 *
 * - GitHub Pages: "Published GitHub Pages sites may be no larger than 1 GB"
 *   (https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits).
 *   actions/deploy-pages warns above 1,073,741,824 bytes (its ONE_GIGABYTE), the number used here.
 * - Cloudflare Pages: "Cloudflare Pages sites can contain up to 20,000 files on the Free plan.
 *   Workers Paid plans can have up to 100,000 files per site" (with PAGES_WRANGLER_MAJOR_VERSION=4
 *   set in the project), and "The maximum file size for a single Cloudflare Pages site asset is
 *   25 MiB" (https://developers.cloudflare.com/pages/platform/limits/).
 * - Netlify: no limit on the files of a deploy, but "a limit of 54,000 files per directory. If
 *   any directory within your publish directory has more than 54,000 files, your deploys will
 *   fail" (https://docs.netlify.com/site-deploys/overview/#files-per-directory-limit). Entries
 *   are counted, files and folders, the stricter reading.
 * - S3 and S3-compatible buckets: no limit on the number of objects, and objects far larger than
 *   any page (S3 5 GB in one upload, R2 5 GiB; the uploader goes multipart long before); an
 *   object key is at most 1,024 bytes of UTF-8, on both
 *   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html,
 *   https://developers.cloudflare.com/r2/platform/limits/).
 */

/** The site as hosts count it: files, bytes and the extremes that single limits bite on. */
export interface SiteTotals {
  readonly files: number;
  readonly bytes: number;
  readonly largestFile: { readonly path: string; readonly bytes: number } | undefined;
  /** The folder with the most entries (files and folders) directly in it; `""` is the site's top. */
  readonly fullestFolder: { readonly path: string; readonly entries: number } | undefined;
  readonly longestPath: { readonly path: string; readonly bytes: number } | undefined;
}

/** The totals of a build's output manifest (paths relative to the site folder, with `/`). */
export function siteTotals(files: ReadonlyMap<string, Pick<OutputRecord, "size">>): SiteTotals {
  let bytes = 0;
  let largestFile: SiteTotals["largestFile"];
  let longestPath: SiteTotals["longestPath"];
  const entries = new Map<string, Set<string>>();
  for (const [file, { size }] of files) {
    bytes += size;
    if (!largestFile || size > largestFile.bytes) largestFile = { path: file, bytes: size };
    const keyBytes = Buffer.byteLength(file);
    if (!longestPath || keyBytes > longestPath.bytes) longestPath = { path: file, bytes: keyBytes };
    // Each part of the path is an entry of the folder above it.
    const parts = file.split("/");
    for (let depth = 1; depth <= parts.length; depth++) {
      const folder = parts.slice(0, depth - 1).join("/");
      const entry = parts.slice(0, depth).join("/");
      const inFolder = entries.get(folder) ?? new Set<string>();
      inFolder.add(entry);
      entries.set(folder, inFolder);
    }
  }
  let fullestFolder: SiteTotals["fullestFolder"];
  for (const [folder, names] of entries) {
    if (!fullestFolder || names.size > fullestFolder.entries)
      fullestFolder = { path: folder, entries: names.size };
  }
  return { files: files.size, bytes, largestFile, fullestFolder, longestPath };
}

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;
const RECIPE = "docs/publishing.md has the hosts' limits and the S3 recipe for large archives";

const count = (n: number) => n.toLocaleString("en");
function size(bytes: number): string {
  return bytes >= GIB ? `${(bytes / GIB).toFixed(2)} GiB` : `${(bytes / MIB).toFixed(1)} MiB`;
}

/** Each host's checks: a warning for every limit the site passes. */
const CHECKS: Readonly<Record<Host, (totals: SiteTotals) => string[]>> = {
  "github-pages": ({ bytes }) =>
    bytes > GIB
      ? [
          `the site is ${size(bytes)}, and GitHub Pages publishes sites of at most 1 GB (1 GiB, as its deploy action counts): the deploy may fail; move to a host without that limit (${RECIPE})`,
        ]
      : [],
  "cloudflare-pages": ({ files, largestFile }) => [
    ...(files > 100_000
      ? [
          `the site has ${count(files)} files, and Cloudflare Pages takes at most 100,000 on any plan: the deploy will fail; move to a host without that limit (${RECIPE})`,
        ]
      : files > 20_000
        ? [
            `the site has ${count(files)} files, and Cloudflare Pages takes at most 20,000 on its Free plan (100,000 on Workers Paid plans, with PAGES_WRANGLER_MAJOR_VERSION=4 set in the project): on the Free plan the deploy will fail (${RECIPE})`,
          ]
        : []),
    ...(largestFile && largestFile.bytes > 25 * MIB
      ? [
          `${largestFile.path} is ${size(largestFile.bytes)}, and Cloudflare Pages takes files of at most 25 MiB: the deploy will fail; make the file smaller or serve it from elsewhere`,
        ]
      : []),
  ],
  netlify: ({ fullestFolder }) =>
    fullestFolder && fullestFolder.entries > 54_000
      ? [
          `the folder /${fullestFolder.path ? `${fullestFolder.path}/` : ""} holds ${count(fullestFolder.entries)} files and folders, and Netlify takes at most 54,000 files in one folder: the deploy will fail (${RECIPE})`,
        ]
      : [],
  s3: ({ longestPath }) =>
    longestPath && longestPath.bytes > 1024
      ? [
          `the path ${longestPath.path} is ${count(longestPath.bytes)} bytes long, and a bucket's keys are at most 1,024 bytes, with the --prefix of npm run upload:s3: its upload will fail; shorten the path`,
        ]
      : [],
};

/** Why the site may not fit its host, one sentence a limit; none when it fits, or no host is named. */
export function hostLimitWarnings(host: Host | undefined, totals: SiteTotals): string[] {
  return host ? CHECKS[host](totals) : [];
}
