import { minify } from "html-minifier-terser";
import type { ImageLookup } from "../domain/picture.ts";
import { MINIFY_OPTIONS } from "./minifyOptions.ts";
import { renderArticleBody } from "./render.ts";

/** Anything with a Markdown body that becomes a page: an article or a plain page. */
export interface Written {
  /** Project-relative source path: the key of its body in a BodyLookup. */
  readonly file: string;
  readonly body: string;
}

/** The finished HTML of each body, by source file. */
export type BodyLookup = ReadonlyMap<string, string>;

/** The finished body of one page: every body is rendered before any page or search document. */
export function bodyOf(bodies: BodyLookup, item: Written): string {
  const html = bodies.get(item.file);
  if (html === undefined) throw new Error(`no body was rendered for ${item.file}`);
  return html;
}

/**
 * A body as it goes into its page: Markdown rendered and sanitised, then minified. The
 * body is the one part of a page that is not already minimal (preact writes the rest
 * without whitespace or comments), so minifying it once here, in parallel (see
 * bodyPool.ts), replaces minifying every whole page after the build.
 */
export async function articleBodyHtml(
  item: Written,
  images: ImageLookup,
  tableLabel: string,
): Promise<string> {
  try {
    return await minify(renderArticleBody(item.body, images, tableLabel), MINIFY_OPTIONS);
  } catch (error) {
    // Sanitised HTML should always minify; if it does not, say whose body it was.
    throw new Error(`${item.file}: the text could not be turned into HTML (${String(error)})`);
  }
}
