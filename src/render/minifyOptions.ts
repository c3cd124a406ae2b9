import type { Options } from "html-minifier-terser";

/**
 * What pays on our pages: whitespace and comments. CSS and JS are already small files of
 * our own, so re-minifying inline code would cost time for a few bytes.
 */
export const MINIFY_OPTIONS: Options = {
  collapseWhitespace: true,
  conservativeCollapse: true,
  removeComments: true,
  removeRedundantAttributes: true,
  removeScriptTypeAttributes: true,
  useShortDoctype: true,
  collapseBooleanAttributes: true,
};
