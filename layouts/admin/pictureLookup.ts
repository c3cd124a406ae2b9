import type { ImageLookup, ProcessedImage } from "../../src/domain/picture.ts";
import { type PictureBucket, pictureBucketOf } from "./pictureBuckets.ts";

/**
 * The processed pictures the preview pane has fetched (pictureBuckets.ts): a picture's
 * bucket is fetched the first time a preview shows it, once, and whoever asked is told when
 * it has come, to draw the preview again. A bucket that is not there (no processed picture
 * falls in it yet) is an empty one: those pictures show from the editor's media.
 */
export interface PictureLookup {
  /** The processed pictures fetched so far, by source path (`images/2026/x.jpg`). */
  readonly images: ImageLookup;
  /** Fetches the bucket of this picture unless it was asked for before; `arrived` runs once it is in `images`. */
  want(source: string, arrived: () => void): void;
}

export function pictureLookup(bucketUrl: (bucket: string) => string): PictureLookup {
  const images = new Map<string, ProcessedImage>();
  const asked = new Set<string>();
  return {
    images,
    want(source, arrived) {
      const bucket = pictureBucketOf(source);
      if (asked.has(bucket)) return;
      asked.add(bucket);
      void fetch(bucketUrl(bucket))
        .then((response) => (response.ok ? (response.json() as Promise<PictureBucket>) : []))
        .catch((): PictureBucket => [])
        .then((entries) => {
          for (const [path, image] of entries) images.set(path, image);
          if (entries.length > 0) arrived();
        });
    },
  };
}
