import type { ImageLookup, ProcessedImage } from "../../src/domain/picture.ts";
import { type PictureBucket, pictureBucketOf } from "./pictureBuckets.ts";

/**
 * The processed pictures the preview pane has fetched (pictureBuckets.ts): a picture's
 * bucket is fetched the first time a preview shows it, and every preview that asked is
 * told when it has come, to draw itself again. A bucket that is not there (no processed
 * picture falls in it) is an empty one: those pictures show from the editor's media. A
 * bucket that could not be fetched (the network, the server) is asked for again next time.
 */
export interface PictureLookup {
  /** The processed pictures fetched so far, by source path (`images/2026/x.jpg`). */
  readonly images: ImageLookup;
  /**
   * For a picture not in `images`: fetches its bucket unless it is fetched or on its way, and
   * runs `arrived` if the picture is in it (a preview draws itself again, and asks no more).
   */
  want(source: string, arrived: () => void): void;
}

/** What the lookup fetches with: the browser's `fetch`, or a stand-in in tests. */
export type Fetch = (
  url: string,
) => Promise<{ readonly ok: boolean; readonly status: number; json(): Promise<unknown> }>;

export function pictureLookup(bucketUrl: (bucket: string) => string, fetchBucket: Fetch): PictureLookup {
  const images = new Map<string, ProcessedImage>();
  /** Each bucket fetched or on its way. */
  const buckets = new Map<string, Promise<void>>();
  const fetched = async (bucket: string): Promise<void> => {
    const response = await fetchBucket(bucketUrl(bucket));
    if (response.status === 404) return;
    if (!response.ok) throw new Error(`${bucketUrl(bucket)}: ${response.status}`);
    const entries = (await response.json()) as PictureBucket;
    if (!Array.isArray(entries)) throw new Error(`${bucketUrl(bucket)} is not a list of pictures`);
    for (const [path, image] of entries) images.set(path, image);
  };
  return {
    images,
    want(source, arrived) {
      const bucket = pictureBucketOf(source);
      let coming = buckets.get(bucket);
      if (coming === undefined) {
        coming = fetched(bucket).catch(() => {
          buckets.delete(bucket);
        });
        buckets.set(bucket, coming);
      }
      void coming.then(() => {
        if (images.has(source)) arrived();
      });
    },
  };
}
