import { escapeHtml } from "../domain/escapeHtml.ts";
import type { ProcessedImage } from "../domain/picture.ts";

/** The article column's width, for `sizes`: the browser picks the smallest file that fills it. */
const ARTICLE_IMAGE_SIZES = "(min-width: 1100px) 720px, (min-width: 700px) 90vw, 100vw";

/**
 * The `<picture>` for a processed image: AVIF and WebP sources, the original format as
 * fallback, `width`/`height` so nothing shifts while it loads, and lazy loading unless it
 * is the first thing a reader sees. `altHtml` is already escaped; every other value is
 * escaped here (picture URLs carry the site's path prefix, a setting).
 */
export function pictureHtml(image: ProcessedImage, altHtml: string, loading: "eager" | "lazy"): string {
  const sizes = escapeHtml(ARTICLE_IMAGE_SIZES);
  const sources = image.sources
    .map(
      (source) =>
        `<source type="${escapeHtml(source.type)}" srcset="${escapeHtml(source.srcset)}" sizes="${sizes}">`,
    )
    .join("");
  const priority = loading === "eager" ? ' fetchpriority="high"' : ' loading="lazy"';
  const { fallback } = image;
  return (
    `<picture>${sources}<img src="${escapeHtml(fallback.src)}" srcset="${escapeHtml(fallback.srcset)}" sizes="${sizes}"` +
    ` width="${fallback.width}" height="${fallback.height}" alt="${altHtml}" decoding="async"${priority}></picture>`
  );
}
