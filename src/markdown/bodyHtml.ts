import { minify } from "html-minifier-terser";
import type { ImageLookup } from "../domain/picture.ts";
import type { Written } from "./bodyLookup.ts";
import { MINIFY_OPTIONS } from "./minifyOptions.ts";
import { renderArticleBody } from "./render.ts";

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
