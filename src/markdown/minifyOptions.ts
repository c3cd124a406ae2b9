import type { Options } from "html-minifier-terser";

/**
 * What pays: whitespace and comments in the HTML that editors' Markdown becomes. The rest
 * of every page comes out of preact already without them, and our CSS and JS are small
 * files of our own, so re-minifying inline code would cost time for a few bytes.
 */
export const MINIFY_OPTIONS: Options = {
  collapseWhitespace: true,
  removeComments: true,
  removeRedundantAttributes: true,
  collapseBooleanAttributes: true,
  // No `<% %>` or `<? ?>` fragments can reach here: skip the scan for them.
  ignoreCustomFragments: [],
};
