import { closest } from "fastest-levenshtein";
import type { Article } from "../domain/article.ts";
import type { BodyFacts } from "../domain/bodyFacts.ts";
import { formatUrlDate } from "../domain/dates.ts";
import type { Problem } from "../domain/problem.ts";
import { articleSlugOf, isSitePath, normaliseUrlPath } from "../domain/urls.ts";
import { MAX_NESTING } from "../markdown/parser.ts";
import type { PictureCheck } from "./pictureFiles.ts";

/**
 * Editorial checks beyond the contract: things a careful sub-editor would catch. One pass
 * over every article (maps keyed by day and headline, by tag), so the cost grows with the
 * size of the content, never with the number of pairs of articles.
 *
 * - an image in the body without alt text is an error (readers who cannot see it get nothing), and
 *   so is a picture of the site that is missing, not a picture or outside the content folder;
 * - warnings: an over-long headline, a link to an article address that does not exist, two
 *   articles with the same headline on the same day, tags spelt differently in case or spacing.
 *
 * Articles carry no line for their front-matter fields, so headline and tag warnings point
 * at line 1 of the file; body problems point at their own line.
 */
export interface EditorialConfig {
  /** Origin and path of the site's root, without a trailing slash: `https://example.org/newsroom`. */
  readonly baseUrl: string;
  /** `/` or `/newsroom/`. */
  readonly pathPrefix: string;
  /** What is wrong with a picture the body shows from the content folder, if anything. */
  readonly checkPicture: PictureCheck;
}

export const MAX_HEADLINE_LENGTH = 110;
/** How many files a tag warning names per spelling before it says "and N more". */
const FILES_NAMED = 3;

export function editorialProblems(
  articles: readonly Article[],
  /** Every address the site has; undefined where the other articles are not known (the web editor), so links to them are not checked. */
  knownUrls: ReadonlySet<string> | undefined,
  config: EditorialConfig,
): Problem[] {
  const problems: Problem[] = [];
  const links = linkResolver(knownUrls, config);
  for (const article of articles) {
    if (article.placeholder) {
      problems.push({
        severity: "error",
        file: article.file,
        line: article.bodyLine,
        field: "body",
        message:
          "still holds the placeholder text from `npm run new`; write the article (or add `draft: true`)",
      });
    }
    checkHeadlineLength(article, problems);
    checkBody(article, links, config.checkPicture, problems);
  }
  checkSameHeadlineSameDay(articles, problems);
  checkTagSpellings(articles, problems);
  return problems;
}

/** The checks of a body alone, for the plain pages (About Us, ...): the same as an article's body gets. */
export function bodyProblems(
  items: readonly WithBody[],
  knownUrls: ReadonlySet<string>,
  config: EditorialConfig,
): Problem[] {
  const problems: Problem[] = [];
  const links = linkResolver(knownUrls, config);
  for (const item of items) checkBody(item, links, config.checkPicture, problems);
  return problems;
}

/** Case and spacing do not count: "Rare Earths" and "rare  earths" are one spelling. */
export function looseKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, "");
}

function checkHeadlineLength(article: Article, problems: Problem[]): void {
  const length = [...article.headline].length;
  if (length <= MAX_HEADLINE_LENGTH) return;
  problems.push({
    severity: "warning",
    file: article.file,
    line: 1,
    field: "headline",
    message: `is ${length} characters long; keep it to ${MAX_HEADLINE_LENGTH} or fewer so it fits in lists and search results`,
  });
}

function checkSameHeadlineSameDay(articles: readonly Article[], problems: Problem[]): void {
  const first = new Map<string, Article>();
  for (const article of articles) {
    const day = formatUrlDate(article.date);
    const key = `${day}\u0000${looseKey(article.headline)}`;
    const other = first.get(key);
    if (!other) {
      first.set(key, article);
      continue;
    }
    problems.push({
      severity: "warning",
      file: article.file,
      line: 1,
      field: "headline",
      message: `"${article.headline}" is also the headline of ${other.file} on ${day}; readers cannot tell them apart, so change one of them`,
    });
  }
}

/** One warning per variant spelling, at the first file using it, naming the files of both spellings. */
function checkTagSpellings(articles: readonly Article[], problems: Problem[]): void {
  const byKey = new Map<string, Map<string, string[]>>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const key = looseKey(tag.name);
      let spellings = byKey.get(key);
      if (!spellings) {
        spellings = new Map();
        byKey.set(key, spellings);
      }
      const files = spellings.get(tag.name);
      if (files) files.push(article.file);
      else spellings.set(tag.name, [article.file]);
    }
  }
  for (const spellings of byKey.values()) {
    if (spellings.size < 2) continue;
    // The spelling most articles use (ties: alphabetical), as the topic page chooses its name.
    const ranked = [...spellings].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const [preferred, preferredFiles] = ranked[0] ?? ["", []];
    for (const [spelling, files] of ranked.slice(1)) {
      const others = files.length > 1 ? ` (also in ${nameFiles(files.slice(1))})` : "";
      problems.push({
        severity: "warning",
        file: files[0] ?? "",
        line: 1,
        field: "tags",
        message:
          `"${spelling}"${others} and "${preferred}" (in ${nameFiles(preferredFiles)}) differ only in case ` +
          `or spacing; write "${preferred}" everywhere`,
      });
    }
  }
}

function nameFiles(files: readonly string[]): string {
  const named = files.slice(0, FILES_NAMED).join(", ");
  const more = files.length - FILES_NAMED;
  return more > 0 ? `${named} and ${more} more` : named;
}

// ---------------------------------------------------------------- the body

type LinkResolver = (link: string) => { path: string; suggestion: string | undefined } | undefined;

/** Says whether a link is to an article address that no article has, and suggests one with the same slug. */
function linkResolver(knownUrls: ReadonlySet<string> | undefined, config: EditorialConfig): LinkResolver {
  if (knownUrls === undefined) return () => undefined;
  const bySlug = new Map<string, string>();
  for (const url of knownUrls) {
    const slug = articleSlugOf(url);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, url);
  }
  const base = parseUrl(`${config.baseUrl}/`);
  return (link) => {
    let path: string;
    if (link.startsWith("/") && !link.startsWith("//")) {
      path = normaliseUrlPath(link, config.pathPrefix);
    } else {
      const url = parseUrl(link);
      if (!url || !base || url.host !== base.host || !url.pathname.startsWith(base.pathname))
        return undefined;
      path = normaliseUrlPath(url.pathname, base.pathname);
    }
    const slug = articleSlugOf(path);
    if (!slug || knownUrls.has(path)) return undefined;
    return { path, suggestion: bySlug.get(slug) };
  };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Anything with a Markdown body that becomes a page: an article or a plain page. */
interface WithBody {
  readonly file: string;
  readonly bodyLine: number;
  readonly facts: BodyFacts;
}

/** The body's problems, in the order they stand in the file: nesting, pictures, links. */
function checkBody(
  item: WithBody,
  links: LinkResolver,
  checkPicture: PictureCheck,
  problems: Problem[],
): void {
  const found: Problem[] = [];
  const report = (severity: Problem["severity"], line: number, message: string) =>
    found.push({ severity, file: item.file, line: item.bodyLine + line, field: "body", message });
  const { facts } = item;
  if (facts.tooDeepAt !== undefined) {
    report(
      "error",
      facts.tooDeepAt,
      `quotes or lists are nested more than ${MAX_NESTING} levels deep here; flatten them (no reader can follow them, and text nested deeper still would be lost)`,
    );
  }
  for (const picture of facts.pictures) {
    if (!picture.alt?.trim()) {
      report(
        "error",
        picture.line,
        picture.isTag
          ? `<img> "${picture.src}" has no alt text; describe it for readers who cannot see it: alt="What the picture shows"`
          : `image "${picture.src || "the picture"}" has no alt text; describe it for readers who cannot see it: ![What the picture shows](${picture.src || "..."})`,
      );
    }
    // Pictures on other hosts become links when rendered; the site's own must be there to publish.
    const problem = isSitePath(picture.src) ? checkPicture(picture.src) : undefined;
    if (problem) {
      report(
        "error",
        picture.line,
        problem.startsWith(`"${picture.src}"`)
          ? `picture ${problem}`
          : `picture "${picture.src}": ${problem}`,
      );
    }
  }
  for (const link of facts.links) {
    const broken = links(link.href);
    if (!broken) continue;
    const hint = broken.suggestion ? ` (did you mean ${broken.suggestion}?)` : "";
    report("warning", link.line, `link to ${broken.path}, which is not an article on this site${hint}`);
  }
  // In the order they stand in the file (a stable sort keeps a line's problems in order).
  found.sort((a, b) => a.line - b.line);
  problems.push(...found);
}

/** Pins (`related:`) that name no article file; a file is named by its path under `articles/`. */
export function pinProblems(articles: readonly Article[], articleIds: ReadonlySet<string>): Problem[] {
  return articles.flatMap((article) =>
    article.relatedPins.flatMap(({ id, line }): Problem[] => {
      if (articleIds.has(id)) return [];
      const suggestion = closest(id, [...articleIds]);
      return [
        {
          severity: "error",
          file: article.file,
          line,
          field: "related",
          message: `no article "${id}" in content/articles${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
        },
      ];
    }),
  );
}
