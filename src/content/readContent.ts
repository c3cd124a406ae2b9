import type { DateTime } from "luxon";
import type { Article } from "../domain/article.ts";
import { fingerprint } from "../domain/fingerprint.ts";
import type { PlainPage } from "../domain/page.ts";
import { ContentError, type Problem } from "../domain/problem.ts";
import { buildSectionTree, type Section, type SectionTree, sectionTreeSchema } from "../domain/section.ts";
import {
  resolveSiteConfig,
  SITE_VARIABLES,
  type SiteConfig,
  siteConfigSchema,
} from "../domain/siteConfig.ts";
import { isSitePath, normaliseSrc } from "../domain/urls.ts";
import { type ContentFolder, readContentText } from "./contentFolder.ts";
import { bodyProblems, editorialProblems, pinProblems } from "./editorialChecks.ts";
import { type PictureCheck, pictureCheck } from "./pictureFiles.ts";
import { POPULAR_FILE, type PopularExport, popularExportSchema } from "./popularExport.ts";
import { type ArticleContext, publishState, type ReadResult, readArticle } from "./readArticle.ts";
import { type DataFile, readDataFile } from "./readDataFile.ts";
import { readPage } from "./readPage.ts";
import { listMarkdownFiles } from "./sourceFiles.ts";
import { type ReviveContext, revivedReading, type StoredReading, storedReading } from "./storedRecords.ts";

/**
 * Files → Content: every file of the content folder read and checked against the contract,
 * then the checks across files (links, pins, headlines, tags), with every problem found.
 * What a file's reading depends on is its own text, the settings and the pictures it names,
 * so a reading is kept (ContentRecords) and used again while those are the same.
 */
export interface Content {
  readonly config: SiteConfig;
  readonly tree: SectionTree;
  /** How problems name `site.json` and `sections.json`, and where their fields stand. */
  readonly siteFile: DataFile<unknown>;
  readonly sectionsFile: string;
  /** Every article whose own checks passed, in any publish state, by file. */
  readonly articles: readonly Article[];
  readonly pages: readonly PlainPage[];
  readonly footerPages: readonly PlainPage[];
  readonly photoSection: Section;
  readonly videoSection: Section;
  /** The analytics export when it can be used; its problems are warnings (see readPopularExport). */
  readonly popular: DataFile<PopularExport> | undefined;
  readonly problems: readonly Problem[];
}

export interface ContentOptions {
  readonly folder: ContentFolder;
  readonly clock: DateTime;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * What one reading keeps for the next: the settings and each Markdown file's result. In the
 * preview it passes from build to build in memory; `npm run build` keeps it on disk
 * (src/pipeline/persistentState.ts), as `StoredRecords`, without the settings (read again each
 * time) and with each reading as plain data.
 */
export interface ContentRecords {
  /** The texts of site.json and sections.json with the environment: any change reads every file. */
  readonly settingsKey: string;
  readonly settings: Settings | undefined;
  readonly files: ReadonlyMap<string, FileRecord>;
}

interface FileRecord {
  readonly hash: string;
  /** The reading; undefined for one from disk not yet revived (see `stored`). */
  readonly result: ReadResult<Article | PlainPage> | undefined;
  /** The reading as plain data, once made (it came from disk, or the state was saved). */
  readonly stored: StoredReading | undefined;
  /** What the pictures it names were found to be, by path: a change reads the file again. */
  readonly pictures: ReadonlyMap<string, string | undefined>;
}

/** ContentRecords as plain data, for the build state on disk. */
export interface StoredRecords {
  readonly settingsKey: string;
  readonly files: ReadonlyMap<string, StoredFileRecord>;
}

/** A file's record as plain data: its hash, its reading, and the pictures it was checked against. */
interface StoredFileRecord {
  readonly hash: string;
  readonly reading: StoredReading;
  readonly pictures: ReadonlyMap<string, string | undefined>;
}

export function storedRecords(records: ContentRecords): StoredRecords {
  const files = new Map<string, StoredFileRecord>();
  for (const [relative, record] of records.files) {
    const reading = record.stored ?? (record.result && storedReading(record.result));
    if (reading) files.set(relative, { hash: record.hash, reading, pictures: record.pictures });
  }
  return { settingsKey: records.settingsKey, files };
}

export function recordsFromStore(stored: StoredRecords): ContentRecords {
  const files = new Map<string, FileRecord>();
  for (const [relative, { hash, reading, pictures }] of stored.files)
    files.set(relative, { hash, result: undefined, stored: reading, pictures });
  return { settingsKey: stored.settingsKey, settings: undefined, files };
}

interface Settings {
  readonly config: SiteConfig;
  readonly tree: SectionTree;
  readonly siteFile: DataFile<unknown>;
  readonly problems: readonly Problem[];
}

const SITE_FILE = "_data/site.json";
const SECTIONS_FILE = "_data/sections.json";

/**
 * Reads and checks the content. `previous` is the last reading; `changed`, when known (the
 * preview's watcher), names the files that may differ from it (paths in the content
 * folder), and no other file is read. Throws ContentError when the settings themselves
 * cannot be used.
 */
export function readContent(
  options: ContentOptions,
  previous?: ContentRecords,
  changed?: ReadonlySet<string>,
): { readonly content: Content; readonly records: ContentRecords } {
  const { folder, clock } = options;
  const { settingsKey, settings } = readSettings(folder, options.env, previous);
  const { config, tree, siteFile } = settings;
  const problems: Problem[] = [...settings.problems];
  const kept = previous?.settingsKey === settingsKey ? previous.files : undefined;
  const checkPicture = pictureCheck(folder);
  const context: ArticleContext = { tree, zone: config.timeZone, clock, checkPicture };
  const revive: ReviveContext = { tree, zone: config.timeZone, clock, folder };

  const files = new Map<string, FileRecord>();
  const articles: Article[] = [];
  const pages: PlainPage[] = [];
  const read = (
    relative: string,
    parse: (label: string, text: string, version: string) => ReadResult<Article | PlainPage>,
  ) => {
    const record = readFile(folder, relative, parse, checkPicture, revive, kept?.get(relative), changed);
    files.set(relative, record);
    problems.push(...(record.result?.problems ?? []));
    return record.result?.value;
  };
  const articleIds = listMarkdownFiles(folder, "articles", problems);
  for (const id of articleIds) {
    const article = read(`articles/${id}`, (label, text, version) =>
      readArticle(label, id, text, context, version),
    );
    if (article) articles.push(article as Article);
  }
  for (const name of listMarkdownFiles(folder, "pages", problems)) {
    const page = read(`pages/${name}`, (label, text, version) => readPage(label, name, text, version));
    if (page) pages.push(page as PlainPage);
  }

  const photoSection = namedSection(tree, config.photoSection, "photoSection", siteFile, problems);
  const videoSection = namedSection(tree, config.videoSection, "videoSection", siteFile, problems);
  const footerPages = namedPages(config, pages, siteFile, folder, problems);
  const popular = readPopularExport(folder, problems);
  // Across files: pins, links (links to aliases are fine), headlines, tags, the pages' bodies.
  problems.push(...pinProblems(articles, new Set(articleIds)));
  const knownUrls = new Set(articles.flatMap((a) => [a.url, ...a.aliases.map((alias) => alias.url)]));
  const editorial = { ...config, checkPicture };
  problems.push(...editorialProblems(articles, knownUrls, editorial));
  problems.push(...bodyProblems(pages, knownUrls, editorial));
  // Without the Photo and Video sections there is no sidebar, so no site; anything else
  // wrong still lets the model be built from what is right, so its checks run in this pass.
  if (!photoSection || !videoSection) throw new ContentError(problems);

  const content: Content = {
    config,
    tree,
    siteFile,
    sectionsFile: folder.label(SECTIONS_FILE),
    articles,
    pages,
    footerPages,
    photoSection,
    videoSection,
    popular,
    problems,
  };
  return { content, records: { settingsKey, settings, files } };
}

/** site.json and sections.json: the same object as last time when their texts (and the environment) are. */
function readSettings(
  folder: ContentFolder,
  env: NodeJS.ProcessEnv | undefined,
  previous: ContentRecords | undefined,
): { settingsKey: string; settings: Settings } {
  const siteFile = readDataFile(folder, SITE_FILE, siteConfigSchema);
  const sectionsFile = readDataFile(folder, SECTIONS_FILE, sectionTreeSchema);
  const variables = SITE_VARIABLES.map((name) => `${name}=${(env ?? process.env)[name] ?? ""}`);
  const settingsKey = fingerprint([siteFile.text, sectionsFile.text, ...variables].join("\0"));
  if (previous?.settingsKey === settingsKey && previous.settings)
    return { settingsKey, settings: previous.settings };
  if (!siteFile.value || !sectionsFile.value)
    throw new ContentError([...siteFile.problems, ...sectionsFile.problems]);
  const config = resolveSiteConfig(siteFile.value, env);
  const { tree, errors } = buildSectionTree(sectionsFile.value);
  const problems: Problem[] = errors.map((message) => ({
    severity: "error",
    file: folder.label(SECTIONS_FILE),
    line: 1,
    field: "sections",
    message,
  }));
  return { settingsKey, settings: { config, tree, siteFile, problems } };
}

/**
 * One Markdown file's reading: the last one again when the file is unchanged (by its hash,
 * or not in `changed` when that is known) and its pictures are as they were; a reading
 * whose publish state the clock has moved is brought up to date, and one from disk revived.
 */
function readFile(
  folder: ContentFolder,
  relative: string,
  parse: (label: string, text: string, version: string) => ReadResult<Article | PlainPage>,
  checkPicture: PictureCheck,
  revive: ReviveContext,
  previous: FileRecord | undefined,
  changed: ReadonlySet<string> | undefined,
): FileRecord {
  const unreadable = (hash: string, problem: Problem): FileRecord => ({
    hash,
    result: { value: undefined, problems: [problem] },
    stored: undefined,
    pictures: new Map(),
  });
  let text: string | undefined;
  let hash: string;
  if (previous && changed && !changed.has(relative)) {
    hash = previous.hash;
  } else {
    const read = readContentText(folder, relative);
    if ("problem" in read) return unreadable("", read.problem);
    text = read.text;
    hash = fingerprint(text);
  }
  if (previous && previous.hash === hash && samePictures(previous.pictures, checkPicture)) {
    const result = previous.result
      ? atClock(previous.result, revive.clock)
      : previous.stored && revivedReading(previous.stored, { relative, hash: previous.hash }, revive);
    if (result) return { ...previous, result };
  }
  if (text === undefined) {
    const read = readContentText(folder, relative);
    if ("problem" in read) return unreadable(hash, read.problem);
    text = read.text;
  }
  // The version stands for everything the item shows: its text, and its file's name (a slug, a URL).
  const result = parse(folder.label(relative), text, fingerprint(`${relative}\n${hash}`));
  const pictures = new Map(picturesOf(result.value).map((src) => [src, checkPicture(src)]));
  return { hash, result, stored: undefined, pictures };
}

/** The pictures a reading's result names: lead, gallery and body, as paths in the content folder. */
function picturesOf(item: Article | PlainPage | undefined): string[] {
  if (!item) return [];
  const named = "image" in item ? [...(item.image ? [item.image] : []), ...item.gallery] : [];
  return [
    ...named.map((picture) => picture.src),
    ...item.facts.pictures.map((picture) => picture.src).filter(isSitePath),
  ].map(normaliseSrc);
}

function samePictures(before: ReadonlyMap<string, string | undefined>, checkPicture: PictureCheck): boolean {
  for (const [src, found] of before) if (checkPicture(src) !== found) return false;
  return true;
}

/** An article read at an earlier clock, in the state it has at this one. */
function atClock(result: ReadResult<Article | PlainPage>, clock: DateTime): ReadResult<Article | PlainPage> {
  const item = result.value;
  if (!item || !("state" in item)) return result;
  const state = publishState(item.draft, item.date, item.expires, clock);
  if (state === item.state) return result;
  // A copy by descriptors, so that a body still to be read from its file stays so.
  const moved = Object.defineProperties(
    {},
    {
      ...Object.getOwnPropertyDescriptors(item),
      state: { value: state, enumerable: true },
    },
  ) as Article;
  return { ...result, value: moved };
}

function namedSection(
  tree: SectionTree,
  slug: string,
  field: string,
  siteFile: DataFile<unknown>,
  problems: Problem[],
): Section | undefined {
  const section = tree.bySlug.get(slug);
  if (!section) {
    problems.push({
      severity: "error",
      file: siteFile.label,
      line: siteFile.lineOf([field]),
      field,
      message: `no section "${slug}" in sections.json`,
    });
  }
  return section;
}

/** The plain pages `site.json`'s footer names, in its order. */
function namedPages(
  config: SiteConfig,
  pages: readonly PlainPage[],
  siteFile: DataFile<unknown>,
  folder: ContentFolder,
  problems: Problem[],
): PlainPage[] {
  const bySlug = new Map(pages.map((page) => [page.slug, page]));
  return config.footerPages.flatMap((slug, index) => {
    const page = bySlug.get(slug);
    if (!page) {
      problems.push({
        severity: "error",
        file: siteFile.label,
        line: siteFile.lineOf(["footerPages", index]),
        field: "footerPages",
        message: `no page ${folder.label(`pages/${slug}.md`)}`,
      });
    }
    return page ? [page] : [];
  });
}

/**
 * The analytics export, when there is one. It is written by a machine, not an editor, and
 * breaking news must not wait for it: when it cannot be read, its problems are warnings and
 * the block shows the latest articles, as for a stale export.
 */
function readPopularExport(folder: ContentFolder, problems: Problem[]): DataFile<PopularExport> | undefined {
  if (folder.locate(POPULAR_FILE).kind === "missing") return undefined;
  const data = readDataFile(folder, POPULAR_FILE, popularExportSchema);
  for (const problem of data.problems) {
    problems.push({
      ...problem,
      severity: "warning",
      message: `${problem.message}; the block shows the latest articles until the export is fixed`,
    });
  }
  return data;
}
