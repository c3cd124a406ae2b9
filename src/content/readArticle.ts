import { closest } from "fastest-levenshtein";
import type { DateTime } from "luxon";
import type { Alias, Article, Correction, PublishState, Tag } from "../domain/article.ts";
import { parseEditorDate } from "../domain/dates.ts";
import type { Problem } from "../domain/problem.ts";
import { isTopSection, type Section, type SectionTree } from "../domain/section.ts";
import { isSlug, MAX_SLUG_LENGTH, SLUG_RULE, slugLengthProblem, toSlug } from "../domain/slugs.ts";
import { ALIAS_PATTERN, ALIAS_RULE, articleUrl, normaliseUrlPath } from "../domain/urls.ts";
import { bodyFacts } from "../markdown/bodyFacts.ts";
import { checkFrontMatter, type ReportError, wellFormedField } from "./checkFrontMatter.ts";
import { type ArticleFrontMatter, articleFrontMatterSchema } from "./frontMatter.ts";
import type { FrontMatterBlock } from "./frontMatterBlock.ts";
import type { PictureCheck } from "./pictureFiles.ts";
import { PLACEHOLDER_BODY } from "./placeholder.ts";

/**
 * What checking an article needs besides its own text: nothing about other articles, so a
 * file's result can be kept until it, the site's settings or its pictures change.
 */
export interface ArticleContext {
  readonly tree: SectionTree;
  readonly zone: string;
  /** The build's clock: an article dated after it is scheduled, not published. */
  readonly clock: DateTime;
  /** What is wrong with a picture at a path relative to `content/`, if anything. */
  readonly checkPicture: PictureCheck;
}

export interface ReadResult<T> {
  readonly value: T | undefined;
  readonly problems: readonly Problem[];
}

/**
 * Checks one article file against the contract and builds its model, or says what is wrong.
 * `version` stands for what the article shows (the build's fingerprint of its file; the web
 * editor, which compares no versions, passes the text itself: articleCheck.ts). Nothing
 * here reads files or needs Node's modules: the web editor runs it in the browser before
 * saving (layouts/admin/).
 */
export function readArticle(
  file: string,
  id: string,
  text: string,
  context: ArticleContext,
  version: string,
): ReadResult<Article> {
  const { block, fields: fm, problems, error } = checkFrontMatter(file, text, articleFrontMatterSchema);
  if (!block?.data) return { value: undefined, problems };
  const data = block.data;
  // The checks below run on every well-formed field, so one run reports every problem.
  const field = <K extends keyof ArticleFrontMatter & string>(name: K) =>
    fm ? fm[name] : wellFormedField(articleFrontMatterSchema, data, name);

  const date = checkDate(block, ["date"], field("date"), context.zone, error);
  const updated = checkDate(block, ["updated"], field("updated"), context.zone, error);
  const expires = checkDate(block, ["expires"], field("expires"), context.zone, error);
  const corrections = checkCorrections(block, field("correction"), context.zone, error);
  const aliases = checkAliases(block, field("aliases"), error);
  const section = checkSection(block, field("section"), context.tree, error);
  const slug = checkSlug(block, field("slug"), id, field("headline"), error);
  const tags = checkTags(block, field("tags"), error);
  const relatedPins = checkPins(block, field("related"), id, error);
  const image = field("image");
  if (image) checkImageSource(block, ["image", "src"], image.src, context, error);
  const gallery = field("gallery") ?? [];
  gallery.forEach((picture, index) => {
    checkImageSource(block, ["gallery", index, "src"], picture.src, context, error);
  });

  if (!block.body.trim()) error(block.bodyLine, "body", "the article has no text below the front matter");

  if (!fm || problems.length > 0 || !date || !section || !slug) return { value: undefined, problems };
  const facts = bodyFacts(block.body);
  return {
    value: {
      file,
      id,
      version,
      headline: fm.headline,
      date,
      updated,
      section,
      source: fm.source,
      editor: fm.editor,
      author: fm.author,
      tags,
      summary: fm.summary ?? facts.firstParagraph,
      image: fm.image,
      gallery,
      expires,
      corrections,
      aliases,
      top: fm.top ?? false,
      draft: fm.draft ?? false,
      state: publishState(fm.draft ?? false, date, expires, context.clock),
      slug,
      url: articleUrl(section.slug, date, slug),
      body: block.body,
      placeholder: block.body.includes(PLACEHOLDER_BODY),
      bodyLine: block.bodyLine,
      facts,
      relatedPins,
    },
    problems,
  };
}

/** Where an article stands at the build's clock. */
export function publishState(
  draft: boolean,
  date: DateTime,
  expires: DateTime | undefined,
  clock: DateTime,
): PublishState {
  if (draft) return "draft";
  if (date > clock) return "scheduled";
  return expires && expires <= clock ? "expired" : "published";
}

function checkDate(
  block: FrontMatterBlock,
  path: readonly (string | number)[],
  value: string | undefined,
  zone: string,
  error: ReportError,
): DateTime | undefined {
  if (value === undefined) return undefined;
  const parsed = parseEditorDate(value, zone);
  if (parsed.ok) return parsed.date;
  error(block.lineOf(path), path.filter((p) => typeof p === "string").join("."), parsed.message);
  return undefined;
}

function checkCorrections(
  block: FrontMatterBlock,
  value: ArticleFrontMatter["correction"],
  zone: string,
  error: ReportError,
): Correction[] {
  if (value === undefined) return [];
  if (typeof value === "string") return [{ date: undefined, text: value }];
  return value.map((entry, index) => ({
    date: checkDate(block, ["correction", index, "date"], entry.date, zone, error),
    text: entry.text,
  }));
}

function checkAliases(block: FrontMatterBlock, value: string[] | undefined, error: ReportError): Alias[] {
  return (value ?? []).flatMap((alias, index) => {
    const line = block.lineOf(["aliases", index]);
    if (!ALIAS_PATTERN.test(alias)) {
      error(line, "aliases", `${JSON.stringify(alias)} ${ALIAS_RULE}`);
      return [];
    }
    const segments = alias.split("/").slice(1, alias.endsWith("/") ? -1 : undefined);
    const tooLong = segments.find((segment) => slugLengthProblem(segment));
    if (tooLong !== undefined) {
      error(line, "aliases", `"${alias}" has a part that ${slugLengthProblem(tooLong)}`);
      return [];
    }
    return [{ url: normaliseUrlPath(alias, "/"), line }];
  });
}

function checkSection(
  block: FrontMatterBlock,
  value: string | undefined,
  tree: SectionTree,
  error: ReportError,
): Section | undefined {
  if (value === undefined) return undefined;
  const slug = value.trim().toLowerCase();
  const section = tree.bySlug.get(slug);
  const line = () => block.lineOf(["section"]);
  if (!section) {
    const suggestion = closest(slug, [...tree.articleSlugs]);
    error(line(), "section", `unknown section "${value}" (did you mean "${suggestion}"?)`);
    return undefined;
  }
  if (isTopSection(section) && !tree.articleSlugs.includes(section.slug)) {
    const choices = section.sections.map((s) => s.slug).join(", ");
    error(line(), "section", `"${value}" is a top section; name one of its sections: ${choices}`);
    return undefined;
  }
  return section;
}

function checkSlug(
  block: FrontMatterBlock,
  value: string | undefined,
  id: string,
  headline: string | undefined,
  error: ReportError,
): string | undefined {
  if (value !== undefined) {
    const line = block.lineOf(["slug"]);
    if (!isSlug(value)) {
      const suggestion = toSlug(value).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, "");
      error(line, "slug", `"${value}" ${SLUG_RULE}${suggestion ? ` (for example "${suggestion}")` : ""}`);
      return undefined;
    }
    const tooLong = slugLengthProblem(value);
    if (tooLong) error(line, "slug", `${tooLong}; write a shorter one`);
    return tooLong ? undefined : value;
  }
  // A file name without letters or digits (say "—.md") falls back to the headline.
  const fromName = toSlug(id.slice(id.lastIndexOf("/") + 1).replace(/\.md$/, "")) || toSlug(headline ?? "");
  if (!fromName) {
    error(
      1,
      "slug",
      "neither the file name nor the headline gives a URL; add `slug: words-in-latin-letters`",
    );
    return undefined;
  }
  const tooLong = slugLengthProblem(fromName);
  if (tooLong) {
    error(1, "slug", `the file name ${tooLong}; add \`slug: a-shorter-address\` or rename the file`);
    return undefined;
  }
  return fromName;
}

function checkTags(block: FrontMatterBlock, value: string[] | undefined, error: ReportError): Tag[] {
  const tags = new Map<string, Tag>();
  (value ?? []).forEach((name, index) => {
    const slug = toSlug(name);
    const tooLong = slugLengthProblem(slug);
    if (!slug)
      error(
        block.lineOf(["tags", index]),
        "tags",
        `"${name}" gives no URL; write the tag with letters or digits`,
      );
    else if (tooLong) error(block.lineOf(["tags", index]), "tags", `"${name.slice(0, 40)}…" ${tooLong}`);
    else if (!tags.has(slug)) tags.set(slug, { name: name.replace(/\s+/g, " ").trim(), slug });
  });
  return [...tags.values()];
}

function checkImageSource(
  block: FrontMatterBlock,
  path: readonly (string | number)[],
  src: string,
  context: ArticleContext,
  error: ReportError,
): void {
  const problem = context.checkPicture(src);
  if (problem) error(block.lineOf(path), path.filter((p) => typeof p === "string").join("."), problem);
}

function checkPins(
  block: FrontMatterBlock,
  value: string[] | undefined,
  ownId: string,
  error: ReportError,
): { id: string; line: number }[] {
  // Whether each pin names an article is a question about the other files: contentChecks.ts.
  return (value ?? []).flatMap((pin, index) => {
    const id = pin.replace(/^\/+/, "").replace(/^content\/articles\//, "");
    const line = block.lineOf(["related", index]);
    if (id === ownId) {
      error(line, "related", `"${pin}" is this article itself`);
      return [];
    }
    return [{ id, line }];
  });
}
