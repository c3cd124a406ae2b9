import { normaliseSrc } from "../content/pictureFiles.ts";
import { escapeHtml } from "./escapeHtml.ts";
import { ARTICLE_IMAGE_SIZES, type ImageLookup, type ProcessedImage } from "./images.ts";

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

/** An `<img>` as the sanitiser writes it: every attribute `name="value"`, in the editor's order. */
const SANITISED_IMG = /<img((?: [a-z-]+="[^"]*")*) ?\/?>/g;
const SANITISED_ATTRIBUTE = / ([a-z-]+)="([^"]*)"/g;

/** Swaps each sanitised body `<img>` of a processed local picture for its `<picture>`. */
export function withPictures(html: string, images: ImageLookup): string {
  return html.replace(SANITISED_IMG, (tag, attributeText: string) => {
    const attributes = new Map(
      [...attributeText.matchAll(SANITISED_ATTRIBUTE)].map((m) => [m[1], m[2] ?? ""]),
    );
    const src = decodeAttribute(attributes.get("src") ?? "");
    const image = images.get(normaliseSrc(src));
    return image ? pictureHtml(image, attributes.get("alt") ?? "", "lazy") : tag;
  });
}

/** The value the sanitiser escaped (`&amp;`, `&quot;`), as the editor wrote it. */
function decodeAttribute(value: string): string {
  return value
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
