import type { ProcessedImage } from "../../src/domain/picture.ts";

/**
 * The site's processed pictures, for the preview pane, in small files the editor fetches
 * when a preview shows one (adminPictureBucketUrl: `/admin/pictures/<bucket>.json`), each an array of
 * `[source path, processed picture]`. Put in the editor's page they would make it grow with
 * the archive (tens of megabytes at 100,000 pictures) and change with every new picture;
 * in buckets, a build writes again only the buckets whose pictures changed, and a preview
 * fetches a few kilobytes. The bucket is a hash of the source path that the build
 * (src/output/admin/pictureBucketGroups.ts) and the browser compute alike.
 */

/** What a bucket file holds. */
export type PictureBucket = readonly (readonly [string, ProcessedImage])[];

/** How many buckets there are at most: 256, so a site's file count stays bounded. */
const BUCKET_BITS = 0xff;

/** A picture's bucket (`3f`), from its source path (`images/2026/x.jpg`): FNV-1a, as it needs no crypto. */
export function pictureBucketOf(source: string): string {
  let hash = 0x811c9dc5;
  for (let n = 0; n < source.length; n++) {
    hash ^= source.charCodeAt(n);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash & BUCKET_BITS).toString(16).padStart(2, "0");
}
