import type { DateTime } from "luxon";
import { newArticleId } from "../../src/content/articleFile.ts";

/**
 * Where the web editor puts a new article: where `npm run new` does (newArticleId:
 * `articles/<yyyy>/<MM>/<slug>.md` from the article's own date in the site's zone, the slug
 * by the project's rule, transliterated, so a headline in Chinese gives Latin letters).
 *
 * Decap makes a new file's path from its collection's `path` template, filled from the
 * entry's data; its own slug rule and its date placeholders (`{{year}}`, read in the
 * browser's zone, then taken in UTC) would give other names. So just before saving, the web
 * editor puts the three parts into the entry's data under these keys, the collection's
 * template names them (its `path`, or for a large archive its `slug`), and the file format
 * never writes them (articleFormat.ts).
 */
const NEW_FILE_KEYS = ["__newsdesk_year", "__newsdesk_month", "__newsdesk_slug"] as const;

/** What every key the web editor adds to an entry, and never writes, starts with. */
export const EDITOR_ONLY_PREFIX = "__newsdesk_";

/** The new file's template under articles/ (Decap lower-cases a `path` and turns dots into hyphens: the keys have neither). */
export const NEW_FILE_PATH = NEW_FILE_KEYS.map((key) => `{{${key}}}`).join("/");

/** The entry data a new article's path is made from. */
export function newFileData(
  date: DateTime,
  slug: string | undefined,
  headline: string,
): Record<string, string> {
  const parts = newArticleId(date, slug, headline).replace(/\.md$/, "").split("/");
  return Object.fromEntries(NEW_FILE_KEYS.map((key, n) => [key, parts[n] ?? ""]));
}
