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
    if (value === undefined) return [{ path, field, message: `is required but missing${fix}` }];
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
