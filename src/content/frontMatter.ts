import { closest } from "fastest-levenshtein";
import { z } from "zod";
import { DATE_EXAMPLE } from "../domain/dates.ts";
import { plainText } from "../domain/plainText.ts";

/**
 * The article contract: every front-matter field, its type and an example an editor can
 * copy. One schema (zod) turns `unknown` into `ArticleFrontMatter` or a list of problems.
 */
const text = plainText.trim().min(1);
const imageSchema = z.strictObject({
  src: text,
  alt: text,
  caption: text.optional(),
  credit: text.optional(),
});

export const articleFrontMatterSchema = z.strictObject({
  headline: text,
  date: text,
  section: text,
  source: text,
  editor: text,
  tags: z.array(text).optional(),
  summary: text.optional(),
  image: imageSchema.optional(),
  top: z.boolean().optional(),
  slug: text.optional(),
  author: text.optional(),
  draft: z.boolean().optional(),
  updated: text.optional(),
  /** Articles to list first under Related news, by path relative to `content/articles`. */
  related: z.array(text).optional(),
  /** After this date the article leaves listings, feeds and search; its page stays. */
  expires: text.optional(),
  correction: z.union([text, z.array(z.strictObject({ date: text, text }))]).optional(),
  /** Old URL paths of this article (after a change of section, date or slug); each redirects here. */
  aliases: z.array(text).optional(),
  /** A photo story's pictures, shown in order. */
  gallery: z.array(imageSchema).optional(),
});

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;
export type ArticleImage = z.infer<typeof imageSchema>;

export const pageFrontMatterSchema = z.strictObject({
  title: text,
  description: text.optional(),
});

export type PageFrontMatter = z.infer<typeof pageFrontMatterSchema>;

/** What an editor should write, field by field: the fix printed with each problem. */
export const FIELD_EXAMPLES: Readonly<Record<string, string>> = {
  headline: "headline: Baotou upgrades rare earths tech",
  date: `date: ${DATE_EXAMPLE}`,
  section: "section: economy",
  source: "source: China Daily",
  editor: "editor: Mo Hong'e",
  tags: "tags: [rare earths, Baotou]",
  summary: "summary: One or two sentences.",
  image: "image: { src: images/baotou.jpg, alt: What the picture shows }",
  "image.src": "src: images/baotou.jpg",
  "image.alt": "alt: What the picture shows",
  "image.caption": "caption: A sentence under the picture",
  "image.credit": "credit: Photographer / Agency",
  top: "top: true",
  slug: "slug: baotou-rare-earths",
  author: "author: Zhang Yi",
  draft: "draft: true",
  updated: `updated: ${DATE_EXAMPLE}`,
  related: "related: [2016/11/baotou-rare-earths.md]",
  expires: `expires: ${DATE_EXAMPLE}`,
  correction: "correction: An earlier version gave the wrong year.",
  "correction.date": `date: ${DATE_EXAMPLE}`,
  "correction.text": "text: An earlier version gave the wrong year.",
  aliases: "aliases: [/economy/2016-11-04/old-slug/]",
  gallery: "gallery: [{ src: images/a.jpg, alt: What the picture shows }]",
  "gallery.src": "src: images/a.jpg",
  "gallery.alt": "alt: What the picture shows",
  title: "title: About Us",
  description: "description: One sentence about this page.",
};

/**
 * What each field is, in a sentence an editor reads beside it: the web editor shows it under
 * the field (src/output/admin/decapConfig.ts). Every field of the article contract has one.
 */
export const FIELD_HINTS: Readonly<Record<string, string>> = {
  headline: "The article's title, in plain text; up to 110 characters fit in lists and search results.",
  date: "When the article appears, as its dateline shows it. A time still to come schedules it.",
  section: "Where the article is listed: one of the site's sections.",
  source: "Who supplied the story (China Daily, Xinhua, our own staff), shown in the dateline.",
  editor: "The editor who handled the story, shown in the dateline.",
  tags: "Topics, separated by commas; each becomes a topic page.",
  summary: "One or two sentences for lists and search results; without it, the first paragraph.",
  image: "The lead picture, shown under the dateline.",
  "image.src": "The picture file, kept in content/images/: JPEG, PNG, WebP, AVIF or GIF.",
  "image.alt": "What the picture shows, for readers who cannot see it.",
  "image.caption": "A sentence shown under the picture.",
  "image.credit": "Who made the picture.",
  top: "An editors' top story: on the home page and in the Top news block.",
  slug: "The end of the article's address: lower-case letters, digits and hyphens. Without it, the file name.",
  author: "A byline, shown before the source.",
  draft: "Keeps the article off the published site; the preview still shows it.",
  updated: 'A later time the article was changed: the dateline adds "Updated:".',
  related:
    "Articles to list first under Related news, by their path inside content/articles/ (2016/11/baotou-fund.md).",
  expires:
    "After this time the article leaves section pages, feeds, related lists and search; its page stays.",
  correction: "A correction note, shown at the end of the article.",
  "correction.date": "When the correction was made.",
  "correction.text": "What was wrong, and what is right.",
  aliases:
    "Old addresses of this article, after its section, date or slug changed; each leads to the new one.",
  gallery: "A photo story's pictures, shown in order after the text.",
  "gallery.src": "The picture file, kept in content/images/: JPEG, PNG, WebP, AVIF or GIF.",
  "gallery.alt": "What the picture shows, for readers who cannot see it.",
  "gallery.caption": "A sentence shown under the picture.",
  "gallery.credit": "Who made the picture.",
};

/**
 * What a text field holds, where its type (text) does not say: a date in the site's zone
 * (checked by parseEditorDate), a section's slug, a picture file, a paragraph, a pin to
 * another article's file, an old address, a slug. The web editor picks each field's widget
 * by it; the checks in readArticle treat these fields so (tests/unit/decapConfig.test.ts
 * holds the two together).
 */
export type TextKind = "date" | "section" | "picture" | "paragraph" | "article file" | "address" | "slug";

export const TEXT_KINDS: Readonly<Record<string, TextKind>> = {
  date: "date",
  updated: "date",
  expires: "date",
  "correction.date": "date",
  section: "section",
  "image.src": "picture",
  "gallery.src": "picture",
  summary: "paragraph",
  "correction.text": "paragraph",
  related: "article file",
  aliases: "address",
  slug: "slug",
};

/** The message for a required field that is not there, before its fix. */
export const MISSING = "is required but missing";

export interface FieldIssue {
  readonly path: readonly (string | number)[];
  readonly field: string;
  readonly message: string;
}

/** Turns zod's issues into sentences an editor can act on. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  knownFields: readonly string[],
): FieldIssue[] {
  return issues.flatMap((issue): FieldIssue[] => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const known = path.length === 0 ? knownFields : Object.keys(imageSchema.shape);
        const suggestion = closest(key, [...known]);
        return {
          path: [...path, key],
          field: fieldName([...path, key]),
          message: `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ""}; the fields are listed in docs/editing.md`,
        };
      });
    }
    const field = fieldName(path);
    const example = FIELD_EXAMPLES[field.replace(/\.\d+/g, "")];
    const fix = example ? `; write it like \`${example}\`` : "";
    const value = valueAt(input, path);
    if (value === undefined) return [{ path, field, message: `${MISSING}${fix}` }];
    if (issue.code === "invalid_type") {
      return [
        {
          path,
          field,
          message: `must be ${describeExpected(issue.expected)}, not ${describeValue(value)}${fix}`,
        },
      ];
    }
    if (issue.code === "invalid_union") {
      return [{ path, field, message: `is not in a form this field takes${fix}` }];
    }
    if (issue.code === "too_small" && typeof value === "string") {
      return [{ path, field, message: `is empty${fix}` }];
    }
    return [{ path, field, message: `${issue.message}${fix}` }];
  });
}

function fieldName(path: readonly (string | number)[]): string {
  return path.map(String).join(".") || "front matter";
}

function describeExpected(expected: string): string {
  switch (expected) {
    case "string":
      return "text";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
      return "a group of fields";
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "string") return `text "${value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
