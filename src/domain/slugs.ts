import { slugify } from "transliteration";

/**
 * URL slugs are lower-case ASCII: runs of anything else become one hyphen. Text without
 * Latin letters (Chinese, Cyrillic, ...) is transliterated first, so a slug is never empty
 * for a real headline, file name or tag.
 */
export function toSlug(text: string): string {
  let slug = recent.get(text);
  if (slug === undefined) {
    // Plain ASCII needs no transliteration, and most headlines, file names and tags are.
    const ascii = /^[\x20-\x7e]*$/.test(text)
      ? text.toLowerCase()
      : slugify(text, { lowercase: true, separator: "-", trim: true });
    slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    // Tags repeat across thousands of articles: remember recent answers, within bounds.
    if (recent.size >= 50_000) recent.clear();
    recent.set(text, slug);
  }
  return slug;
}

const recent = new Map<string, string>();

/**
 * A slug is a folder of the built site: file systems take at most 255 bytes a name, and an
 * address longer than this is no use to a reader either.
 */
export const MAX_SLUG_LENGTH = 150;

/** What is wrong with the length of a slug, or undefined when it fits. */
export function slugLengthProblem(slug: string): string | undefined {
  return slug.length > MAX_SLUG_LENGTH
    ? `gives an address of ${slug.length} characters; keep it to ${MAX_SLUG_LENGTH} or fewer`
    : undefined;
}

/** A slug: lower-case ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** What a slug must be, as every message about one says it. */
export const SLUG_RULE = "must be lower-case letters, digits and hyphens";

export function isSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}

/** Long headlines make long file names: a new article's is cut at a word, well under any file system's limit. */
const MAX_FILE_SLUG_LENGTH = 100;

/**
 * The slug a new article's file takes from its headline (`npm run new`, the web editor):
 * the slug rule, cut at a word to MAX_FILE_SLUG_LENGTH characters.
 */
export function headlineSlug(headline: string): string {
  const slug = toSlug(headline);
  if (slug.length <= MAX_FILE_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_FILE_SLUG_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_FILE_SLUG_LENGTH);
}
