import { type PictureBucket, pictureBucketOf } from "../../../layouts/admin/pictureBuckets.ts";
import { fingerprint } from "../../domain/fingerprint.ts";
import type { ImageLookup, ProcessedImage } from "../../domain/picture.ts";
import { adminPictureBucketUrl } from "../../domain/urls.ts";
import type { OutputGroup } from "../outputFile.ts";

/** The groups' names in the build's state start with this. */
const PICTURE_BUCKETS_GROUP = "web editor pictures";

/**
 * The preview pane's lookup of processed pictures (layouts/admin/pictureBuckets.ts), a group
 * per bucket keyed by what it holds: a new picture writes its bucket again, no other file.
 */
export function pictureBucketGroups(images: ImageLookup): OutputGroup[] {
  const buckets = new Map<string, [string, ProcessedImage][]>();
  // In source order, so a bucket's file does not depend on the order pictures were processed in.
  for (const [source, image] of [...images].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const bucket = pictureBucketOf(source);
    const entries = buckets.get(bucket) ?? [];
    entries.push([source, image]);
    buckets.set(bucket, entries);
  }
  return [...buckets].map(([bucket, entries]) => ({
    name: `${PICTURE_BUCKETS_GROUP} ${bucket}`,
    // Keyed by each picture's processed names, which its content and the settings decide
    // (the build runs on every save: the JSON is made only for a bucket that changed).
    key: fingerprint(
      entries
        .map(([source, image]) => `${source} ${image.fallback.srcset} ${image.thumbnail.src}`)
        .join("\n"),
    ),
    make: () => [
      { url: adminPictureBucketUrl(bucket), content: JSON.stringify(entries satisfies PictureBucket) },
    ],
  }));
}
