/**
 * A picture as the build processed it (eleventy-img, in src/output/images.ts): the files of
 * each format and width, and their sizes. Pages, bodies and metadata read it by the
 * picture's path in the content folder.
 */
export interface ProcessedImage {
  /** `<source>` entries, best format first. */
  readonly sources: readonly { readonly type: string; readonly srcset: string }[];
  /** The `<img>` fallback: its URL, srcset and intrinsic size (of the largest width). */
  readonly fallback: {
    readonly src: string;
    readonly srcset: string;
    readonly width: number;
    readonly height: number;
  };
  /** The smallest width of each format, for thumbnails in lists. */
  readonly thumbnail: {
    readonly sources: readonly { readonly type: string; readonly src: string }[];
    readonly src: string;
    readonly width: number;
    readonly height: number;
  };
  /** Cache files this picture uses, relative to the cache folder. */
  readonly files: readonly string[];
}

export type ImageLookup = ReadonlyMap<string, ProcessedImage>;
