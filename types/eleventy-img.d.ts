// @11ty/eleventy-img ships no types: the part newsdesk uses.
declare module "@11ty/eleventy-img" {
  export interface ImageFormatEntry {
    readonly format: string;
    readonly width: number;
    readonly height: number;
    readonly url: string;
    readonly sourceType: string;
    readonly srcset: string;
    readonly filename: string;
    readonly outputPath: string;
  }
  export type ImageMetadata = Record<string, ImageFormatEntry[]>;
  export interface ImageOptions {
    widths?: (number | "auto")[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
  }
  export default function Image(src: string, options?: ImageOptions): Promise<ImageMetadata>;
}
