import { MISSING } from "../../src/content/frontMatter.ts";

/**
 * The names the web editor's configuration (src/output/admin/decapConfig.ts) and its
 * browser code (editor.ts) share.
 */

/** The format of an article file in the editor: the file as newsdesk reads and writes it (articleFormat.ts). */
export const ARTICLE_FORMAT = "newsdesk-article";
/** The date widget that keeps the site's zone whatever the browser's (siteDateWidget.ts). */
export const DATE_WIDGET = "newsdesk-date";
/** The collection of articles, by name (its entries' addresses in the editor: `#/collections/articles/...`). */
export const ARTICLES_COLLECTION = "articles";

/** The messages Decap shows for a required field and a field's rule, in the check's words (the field's label first). */
export const EDITOR_MESSAGES = {
  required: `%{fieldLabel}: ${MISSING}`,
  regexPattern: "%{fieldLabel}: %{pattern}",
} as const;
