import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closest } from "fastest-levenshtein";
import { DateTime } from "luxon";
import { articleFileText, newArticleId } from "../content/articleFile.ts";
import { type ContentFolder, contentFolder } from "../content/contentFolder.ts";
import { editorialProblems } from "../content/editorialChecks.ts";
import { pictureCheck } from "../content/pictureFiles.ts";
import { PLACEHOLDER_BODY } from "../content/placeholder.ts";
import { readArticle } from "../content/readArticle.ts";
import { readDataFile } from "../content/readDataFile.ts";
import { buildClock } from "../domain/buildClock.ts";
import { parseEditorDate } from "../domain/dates.ts";
import { fingerprint } from "../domain/fingerprint.ts";
import { ContentError, formatProblem } from "../domain/problem.ts";
import { buildSectionTree, isTopSection, type SectionTree, sectionTreeSchema } from "../domain/section.ts";
import { resolveSiteConfig, type SiteConfig, siteConfigSchema } from "../domain/siteConfig.ts";
import { toSlug } from "../domain/slugs.ts";
import { contentDirFromEnv } from "../eleventy/plugin.ts";

/**
 * `npm run new`: starts an article with every required field filled, at
 * `content/articles/<yyyy>/<MM>/<slug>.md`, dated now in the site's zone.
 *
 *   npm run new -- --section economy "Baotou upgrades rare earths tech"
 *   npm run new                      (asks for each field)
 *
 * It never overwrites a file, and the file it writes always passes the checks.
 */
const USAGE = `usage: npm run new -- --section SECTION [--source SOURCE] [--editor NAME] [--tags "a, b"]
                       [--date "yyyy-MM-dd HH:mm"] [--content DIR] "Headline of the story"
       npm run new      (with no arguments, it asks for each field)`;

const PREVIEW_ORIGIN = "http://localhost:8080";

/** A mistake in what was asked for: printed as it is, exit 1, no stack trace. */
class UsageError extends Error {}

interface Fields {
  headline: string;
  section: string;
  source: string;
  editor: string;
  tags: string[];
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        section: { type: "string" },
        source: { type: "string" },
        editor: { type: "string" },
        tags: { type: "string" },
        date: { type: "string" },
        content: { type: "string", default: contentDirFromEnv() },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

function readSite(content: ContentFolder): { config: SiteConfig; tree: SectionTree } {
  const site = readDataFile(content, "_data/site.json", siteConfigSchema);
  const sections = readDataFile(content, "_data/sections.json", sectionTreeSchema);
  const problems = [...site.problems, ...sections.problems];
  if (!site.value || !sections.value) throw new ContentError(problems);
  const { tree, errors } = buildSectionTree(sections.value);
  if (errors.length > 0) {
    const file = content.label("_data/sections.json");
    throw new ContentError(
      errors.map((message) => ({ severity: "error", file, line: 1, field: "sections", message })),
    );
  }
  return { config: resolveSiteConfig(site.value), tree };
}

/** The same words as the checker's, so an editor sees one message for one mistake. */
function checkSectionSlug(value: string, tree: SectionTree): string {
  const slug = value.trim().toLowerCase();
  const section = tree.bySlug.get(slug);
  if (!section) {
    const suggestion = closest(slug, [...tree.articleSlugs]);
    throw new UsageError(`section: unknown section "${value}" (did you mean "${suggestion}"?)`);
  }
  if (isTopSection(section) && !tree.articleSlugs.includes(section.slug)) {
    const choices = section.sections.map((s) => s.slug).join(", ");
    throw new UsageError(`section: "${value}" is a top section; name one of its sections: ${choices}`);
  }
  return slug;
}

function splitTags(text: string | undefined): string[] {
  const tags = (text ?? "")
    .split(",")
    .map((tag) => tag.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const bad = tags.find((tag) => !toSlug(tag));
  if (bad !== undefined)
    throw new UsageError(`tags: "${bad}" gives no URL; write the tag with letters or digits`);
  return tags;
}

/** The whole file, in the house style (src/content/articleFile.ts). */
function articleFile(fields: Fields & { date: string }): string {
  const { headline, date, section, source, editor, tags } = fields;
  const data = { headline, date, section, source, editor, ...(tags.length > 0 ? { tags } : {}) };
  return articleFileText(data, `${PLACEHOLDER_BODY}\n`);
}

function interactive(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

async function prompts() {
  return import("@inquirer/prompts");
}

async function askHeadline(): Promise<string> {
  const { input } = await prompts();
  const answer = await input({
    message: "Headline:",
    validate: (value) => (value.trim() && toSlug(value) ? true : "Write the headline (letters or digits)"),
  });
  return answer.trim();
}

async function askSection(tree: SectionTree): Promise<string> {
  const { select, Separator } = await prompts();
  const choices = tree.tops.flatMap((top) => {
    const sections = top.sections.length > 0 ? top.sections : [top];
    return [
      new Separator(`── ${top.title} ──`),
      ...sections.map((section) => ({
        name: section === top ? top.title : `${top.title} › ${section.title}`,
        value: section.slug,
      })),
    ];
  });
  return select({ message: "Section:", choices, pageSize: 15, loop: false });
}

async function askText(
  message: string,
  defaultValue: string | undefined,
  required: boolean,
): Promise<string> {
  const { input } = await prompts();
  const answer = await input({
    message,
    ...(defaultValue ? { default: defaultValue } : {}),
    validate: (value) => (!required || value.trim() ? true : "This field is required"),
  });
  return answer.trim();
}

async function askTags(): Promise<string[]> {
  const { input } = await prompts();
  const answer = await input({
    message: "Tags (comma-separated, optional):",
    validate: (value) => {
      try {
        splitTags(value);
        return true;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
  return splitTags(answer);
}

async function gatherFields(
  values: ReturnType<typeof parse>["values"],
  positionals: readonly string[],
  config: SiteConfig,
  tree: SectionTree,
): Promise<Fields> {
  const tty = interactive();
  const fromArgs = positionals.join(" ").replace(/\s+/g, " ").trim();
  // With no headline on the command line, a terminal gets every question; otherwise only
  // what is missing and has no default is asked.
  const askAll = !fromArgs && tty;
  if (!fromArgs && !tty) {
    throw new UsageError(
      `no headline: write it after the command, like\n  npm run new -- --section economy "Baotou upgrades rare earths tech"\n${USAGE}`,
    );
  }
  const headline = fromArgs || (await askHeadline());
  if (!toSlug(headline)) {
    throw new UsageError(`headline: "${headline}" gives no file name; write it with letters or digits`);
  }

  let section: string;
  if (values.section !== undefined) section = checkSectionSlug(values.section, tree);
  else if (tty) section = await askSection(tree);
  else throw new UsageError(`no section: add --section, like --section economy\n${USAGE}`);

  const source =
    values.source?.trim() || (askAll ? await askText("Source:", config.name, true) : config.name);

  const envEditor = process.env.NEWSDESK_EDITOR?.trim();
  let editor = values.editor?.trim() || (askAll ? "" : envEditor);
  if (!editor) {
    if (!tty) {
      throw new UsageError(
        'no editor: add --editor "Your Name", or set NEWSDESK_EDITOR (for example in your shell profile: export NEWSDESK_EDITOR="Your Name")',
      );
    }
    editor = await askText("Editor:", envEditor, true);
  }

  const tags = values.tags !== undefined ? splitTags(values.tags) : askAll ? await askTags() : [];
  return { headline, section, source, editor, tags };
}

function articleDate(value: string | undefined, zone: string): DateTime {
  if (value === undefined) return DateTime.now().setZone(zone);
  const parsed = parseEditorDate(value, zone);
  if (!parsed.ok) throw new UsageError(`date: ${parsed.message}`);
  return parsed.date;
}

async function main(): Promise<number> {
  const { values, positionals } = parse();
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const content = contentFolder(values.content);
  const { config, tree } = readSite(content);
  const date = articleDate(values.date, config.timeZone);
  const fields = await gatherFields(values, positionals, config, tree);

  const id = newArticleId(date, undefined, fields.headline);
  const relative = `articles/${id}`;
  const file = content.resolve(relative);
  const label = content.label(relative);
  const text = articleFile({ ...fields, date: date.toFormat("yyyy-MM-dd HH:mm") });

  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: fails if the file exists, even if it appeared a moment ago.
    writeFileSync(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new UsageError(
        `${label} already exists; nothing was written. Edit that file, or give the new story a different headline.`,
      );
    }
    throw error;
  }

  // What was written must pass the same checks as the build; if not, take it back.
  const checkPicture = pictureCheck(content);
  const context = { tree, zone: config.timeZone, clock: buildClock(), checkPicture };
  const written = readFileSync(file, "utf8");
  const { value: article, problems } = readArticle(label, id, written, context, fingerprint(written));
  if (!article || problems.length > 0) {
    unlinkSync(file);
    throw new ContentError(problems);
  }

  console.log(`Wrote ${label}`);
  console.log(`Preview: ${PREVIEW_ORIGIN}${article.url} (with npm start running)`);
  for (const warning of editorialProblems([article], new Set([article.url]), { ...config, checkPicture })) {
    console.log(formatProblem(warning));
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exitCode = 1;
  } else if (error instanceof ContentError) {
    for (const problem of error.problems) console.error(formatProblem(problem));
    console.error("Nothing was written.");
    process.exitCode = 1;
  } else if (error instanceof Error && error.name === "ExitPromptError") {
    console.error("Cancelled; nothing was written.");
    process.exitCode = 130;
  } else {
    console.error("npm run new failed; nothing was written.");
    console.error(error);
    process.exitCode = 1;
  }
}
