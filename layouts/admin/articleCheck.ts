import type { DateTime } from "luxon";
import { newArticleId } from "../../src/content/articleFile.ts";
import { editorialProblems } from "../../src/content/editorialChecks.ts";
import { readFrontMatterBlock } from "../../src/content/frontMatterBlock.ts";
import { picturePathProblem } from "../../src/content/picturePaths.ts";
import { readArticle } from "../../src/content/readArticle.ts";
import type { Article } from "../../src/domain/article.ts";
import { parseEditorDate } from "../../src/domain/dates.ts";
import type { Problem } from "../../src/domain/problem.ts";
import type { SectionTree } from "../../src/domain/section.ts";
import { articleFormat } from "./articleFormat.ts";
import type { Entry, EntryData } from "./decap.ts";
import type { EditorSettings } from "./editorSettings.ts";

/**
 * An entry of the editor checked as `npm run check` checks its file: the file the editor
 * would write, read by the contract's own reader (src/content/readArticle.ts) and the
 * editorial checks of one article. What needs the whole site (duplicate addresses, pins,
 * aliases, links to other articles) and what needs the files (a picture's bytes) is for
 * the pull-request check; what is left runs here, in the browser, as the editor types and
 * before each save.
 */
export interface EntryCheck {
  /** Where the file is, or will be, inside `articles/` (`2026/11/harbour.md`). */
  readonly id: string;
  readonly text: string | undefined;
  /** The article as the build would make it, when the file passes. */
  readonly article: Article | undefined;
  /** Its problems, errors first; body problems with the line in the text (not the file). */
  readonly problems: readonly ShownProblem[];
}

export interface ShownProblem extends Problem {
  /** For a problem in the body: its line in the text box, counted from 1. */
  readonly textLine?: number;
}

export function checkEntry(
  entry: Entry,
  settings: EditorSettings,
  tree: SectionTree,
  clock: DateTime,
): EntryCheck {
  const data = entry.get("data").toJS() as EntryData;
  const id = entryId(entry, data, settings);
  const file = `${settings.articlesLabel}${id}`;
  let text: string;
  try {
    text = articleFormat.toFile(data);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [field, ...rest] = message.split(": ");
    return {
      id,
      text: undefined,
      article: undefined,
      problems: [{ severity: "error", file, line: 1, field: field ?? "file", message: rest.join(": ") }],
    };
  }
  const { config } = settings;
  const context = { tree, zone: config.timeZone, clock, checkPicture: picturePathProblem };
  // The version is what one build compares with the last to know an article unchanged (its
  // page, its related news); the editor keeps nothing from one check to the next, so nothing
  // compares it here. The text itself stands for it: it changes whenever the file does, as
  // the build's fingerprint does, without hashing in the browser (node:crypto is not there,
  // and SubtleCrypto's digest is asynchronous, while Decap draws the preview synchronously).
  const read = readArticle(file, id, text, context, text);
  // Links to other articles are checked where the other articles are: the pull-request check.
  const editorial = read.value
    ? editorialProblems([read.value], undefined, { ...config, checkPicture: picturePathProblem })
    : [];
  const bodyLine = readFrontMatterBlock(text)?.bodyLine ?? 1;
  const problems = [...read.problems, ...editorial]
    .map((problem) =>
      problem.field === "body" ? { ...problem, textLine: problem.line - bodyLine + 1 } : problem,
    )
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return {
    id,
    text,
    article: problems.some((p) => p.severity === "error") ? undefined : read.value,
    problems,
  };
}

/**
 * Where the entry's file is inside `articles/`: its own path when it exists, else where a new
 * one will go (from its date and slug or headline, as it is saved: newFilePath.ts).
 */
function entryId(entry: Entry, data: EntryData, settings: EditorSettings): string {
  const path = entry.get("path");
  if (!entry.get("newRecord") && path?.startsWith(settings.articlesFolder))
    return path.slice(settings.articlesFolder.length);
  const date =
    typeof data.date === "string" ? parseEditorDate(data.date, settings.config.timeZone) : undefined;
  const headline = typeof data.headline === "string" ? data.headline : "";
  const slug = typeof data.slug === "string" && data.slug ? data.slug : undefined;
  return date?.ok && (slug || headline) ? newArticleId(date.date, slug, headline) : "new-article.md";
}

/** A problem as the editor reads it, one line: `image.alt: is required but missing; ...`, with the text's line for the body. */
export function describeProblem(problem: ShownProblem): string {
  const where = problem.textLine ? ` (line ${problem.textLine} of the text)` : "";
  const warning = problem.severity === "warning" ? "warning: " : "";
  return `${warning}${problem.field}${where}: ${problem.message}`;
}
