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

export function isSlug(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text);
}
