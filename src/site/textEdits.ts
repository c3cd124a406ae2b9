import path from "node:path";
import { DateTime } from "luxon";
import type { Article } from "../article/article.ts";
import type { ContentFolder } from "../content/contentFolder.ts";
import { editorialProblems } from "../content/editorialChecks.ts";
import { pictureCheck } from "../content/pictureFiles.ts";
import type { Problem } from "../content/problems.ts";
import { imageSources } from "../render/images.ts";
import { articleContext, readArticleFile, type Site } from "./model.ts";

/** Edited articles: each article of the last build, with the article its file holds now. */
export type TextEdits = ReadonlyMap<Article, Article>;

export type TextEditResult =
  | { readonly ok: true; readonly edits: TextEdits; readonly bodyWarnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** What may differ between two versions of an article whose front matter is unchanged. */
const TEXT_FIELDS: ReadonlySet<string> = new Set(["body", "bodyLine", "summary"]);

/**
 * Whether the files changed since `site` was built are only edits to the text of its
 * articles: every file one of its articles, front matter and pictures as they were. Then
 * every list, page and address the model computed still holds, but for those articles'
 * text, and the preview can update just the pages that show it. Undefined for any other
 * change (a new, removed or renamed file, front matter, data, pages, layouts): rebuild all.
 * The text is checked as a full build checks it; its problems are the result's.
 */
export function readTextEdits(
  site: Site,
  content: ContentFolder,
  changedFiles: ReadonlySet<string>,
): TextEditResult | undefined {
  const articlesFolder = content.resolve("articles") + path.sep;
  const ids: string[] = [];
  for (const changed of changedFiles) {
    const file = path.resolve(changed);
    if (!file.startsWith(articlesFolder) || !file.endsWith(".md")) return undefined;
    ids.push(file.slice(articlesFolder.length).split(path.sep).join("/"));
  }
  if (ids.length === 0) return undefined;
  const byId = new Map<string, Article>();
  for (const route of site.routes) if (route.kind === "article") byId.set(route.article.id, route.article);
  const edited: Article[] = [];
  for (const id of ids) {
    const article = byId.get(id);
    if (!article) return undefined;
    edited.push(article);
  }

  const checkPicture = pictureCheck(content);
  const context = articleContext(site.tree, site.config, site.clock, checkPicture, new Set(byId.keys()));
  const edits = new Map<Article, Article>();
  const problems: Problem[] = [];
  for (const before of edited) {
    let result: ReturnType<typeof readArticleFile>;
    try {
      result = readArticleFile(content, before.id, context);
    } catch {
      // Gone between the save and now (an editor's tool that replaces files): not a text edit.
      return undefined;
    }
    problems.push(...result.problems);
    const after = result.value;
    // Unreadable: its problems, all of them errors, are reported below.
    if (!after) continue;
    if (!sameExceptText(before, after) || !samePictures(before, after)) return undefined;
    edits.set(before, after);
  }
  const knownUrls = new Set(
    site.routes.flatMap((route) =>
      route.kind === "article" || route.kind === "redirect" ? [route.url] : [],
    ),
  );
  // Only the checks of one article's text: the checks across articles read front matter, which is unchanged.
  problems.push(...editorialProblems([...edits.values()], knownUrls, { ...site.config, checkPicture }));
  if (problems.some((problem) => problem.severity === "error")) return { ok: false, problems };
  // Warnings on other fields were the same before the edit, and the site has them already.
  return { ok: true, edits, bodyWarnings: problems.filter((problem) => problem.field === "body") };
}

function sameExceptText(before: Article, after: Article): boolean {
  const fields = Object.keys(after) as (keyof Article)[];
  return fields.every((field) => TEXT_FIELDS.has(field) || sameValue(before[field], after[field]));
}

/** A new picture in the text has to be processed first: that takes a full build. */
function samePictures(before: Article, after: Article): boolean {
  return imageSources([before]).join("\n") === imageSources([after]).join("\n");
}

/**
 * Equal as the model reads them: dates by instant and zone, sections by identity (both
 * versions are read against the same section tree), arrays and plain objects by content.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (DateTime.isDateTime(a) || DateTime.isDateTime(b)) {
    return DateTime.isDateTime(a) && DateTime.isDateTime(b) && a.equals(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((value, index) => sameValue(value, b[index]))
    );
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
