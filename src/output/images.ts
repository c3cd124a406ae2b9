import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import Image, { type ImageFormatEntry } from "@11ty/eleventy-img";
import type { ContentFolder } from "../content/contentFolder.ts";
import type { Article } from "../domain/article.ts";
import type { BodyFacts } from "../domain/bodyFacts.ts";
import type { ImageLookup, ProcessedImage } from "../domain/picture.ts";
import { ContentError } from "../domain/problem.ts";
import { isSitePath, normaliseSrc, PICTURES_FOLDER } from "../domain/urls.ts";
import { failingWrite } from "./failpoint.ts";
import { findSystemError } from "./systemError.ts";

/**
 * Pictures are processed once, at build time, with eleventy-img: AVIF and WebP with a
 * fallback in the original format, several widths, and their sizes for `width`/`height`.
 * The processed files live in a cache folder kept between builds (and in CI), so an
 * unchanged picture is never processed again; a build copies only the files its pages use.
 */

export interface ImageRun {
  readonly images: ImageLookup;
  /** How many files this run encoded, and how many it found already in the cache. */
  readonly processed: number;
  readonly reused: number;
}

export const IMAGE_WIDTHS = [480, 800, 1200];
/** Where processed pictures are kept between builds (CI caches `.cache`); tests use their own. */
export function imageCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.NEWSDESK_IMAGE_CACHE?.trim() || ".cache/images";
}

/** Anything with a body and perhaps pictures of its own: articles, plain pages. */
export type Illustrated = { readonly facts: BodyFacts } & Partial<Pick<Article, "image" | "gallery">>;

/** The files of `items` that show the picture `src` (a lead picture, in a gallery or in the text). */
export function usersOf(items: readonly (Illustrated & { readonly file: string })[], src: string): string[] {
  return items.filter((item) => imageSources([item]).includes(src)).map((item) => item.file);
}

/** Every local picture the pages use: lead images, galleries and pictures in the body. */
export function imageSources(items: readonly Illustrated[]): string[] {
  const sources = new Set<string>();
  for (const article of items) {
    if (article.image) sources.add(normaliseSrc(article.image.src));
    for (const picture of article.gallery ?? []) sources.add(normaliseSrc(picture.src));
    for (const picture of article.facts.pictures) {
      if (isSitePath(picture.src)) sources.add(normaliseSrc(picture.src));
    }
  }
  return [...sources].sort();
}

/**
 * Processes each picture (relative to the content folder), which the checks have found to
 * be a picture inside it; URLs carry the path prefix.
 */
export async function processImages(
  sources: readonly string[],
  content: ContentFolder,
  cacheDir: string,
  pathPrefix: string,
  /** The files that show a picture, for the message when it turns out to be broken. */
  usedBy: (src: string) => readonly string[] = () => [],
): Promise<ImageRun> {
  failingWrite("cache", cacheDir);
  mkdirSync(cacheDir, { recursive: true });
  const before = new Set(readdirSync(cacheDir));
  const images = new Map<string, ProcessedImage>();
  for (const src of sources) {
    const located = content.locate(src);
    // Never reached after the checks; a picture from outside the content folder is never published.
    if (located.kind !== "file") throw new Error(`the picture ${src} is not a file in the content folder`);
    let metadata: Awaited<ReturnType<typeof Image>>;
    try {
      metadata = await Image(located.absolute, {
        widths: IMAGE_WIDTHS,
        formats: ["avif", "webp", "auto"],
        // AVIF at sharp's default effort takes ~10 s a picture on two cores; effort 2 takes
        // under 1 s for files a fifth larger, which is what pays for a newsroom's hourly builds.
        sharpAvifOptions: { effort: 2, quality: 55 },
        outputDir: cacheDir,
        urlPath: `${pathPrefix}${PICTURES_FOLDER.slice(1)}`,
      });
    } catch (error) {
      if (findSystemError(error)) throw error;
      // The checks read only the first bytes: a picture broken further on is found here.
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      const users = usedBy(src);
      throw new ContentError([
        {
          severity: "error",
          file: content.label(src),
          line: 1,
          field: "file",
          message: `could not be read as a picture (${reason}); save it again as JPEG or PNG${users.length > 0 ? ` (used by ${users.join(", ")})` : ""}`,
        },
      ]);
    }
    images.set(src, toProcessedImage(Object.values(metadata)));
  }
  const after = readdirSync(cacheDir);
  const used = new Set([...images.values()].flatMap((image) => image.files));
  const processed = after.filter((name) => !before.has(name) && used.has(name)).length;
  return { images, processed, reused: used.size - processed };
}

function toProcessedImage(formats: ImageFormatEntry[][]): ProcessedImage {
  const fallbackSet = formats.at(-1) ?? [];
  const largest = fallbackSet.at(-1);
  const smallest = fallbackSet[0];
  if (!largest || !smallest) throw new Error("eleventy-img returned no image");
  return {
    sources: formats.slice(0, -1).map((entries) => ({
      type: entries[0]?.sourceType ?? "",
      srcset: entries.map((entry) => entry.srcset).join(", "),
    })),
    fallback: {
      src: largest.url,
      srcset: fallbackSet.map((entry) => entry.srcset).join(", "),
      width: largest.width,
      height: largest.height,
    },
    thumbnail: {
      sources: formats
        .slice(0, -1)
        .flatMap((entries) => (entries[0] ? [{ type: entries[0].sourceType, src: entries[0].url }] : [])),
      src: smallest.url,
      width: smallest.width,
      height: smallest.height,
    },
    files: formats.flat().map((entry) => entry.filename),
  };
}

/** The processed files the site uses, each with its URL in the site and its file in the cache. */
export function pictureFiles(images: ImageLookup, cacheDir: string): { url: string; source: string }[] {
  return [...new Set([...images.values()].flatMap((image) => image.files))]
    .sort()
    .map((file) => ({ url: `${PICTURES_FOLDER}${file}`, source: path.join(cacheDir, file) }));
}
