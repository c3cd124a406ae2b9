import type { DateTime } from "luxon";
import { type Article, newestFirst } from "../article/article.ts";
import { type ContentFolder, readContentText } from "../content/contentFolder.ts";
import { bodyProblems, editorialProblems } from "../content/editorialChecks.ts";
import { type PictureCheck, pictureCheck } from "../content/pictureFiles.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { type ArticleContext, type ReadResult, readArticle } from "../content/readArticle.ts";
import { readDataFile } from "../content/readDataFile.ts";
import { type PlainPage, readPage } from "../content/readPage.ts";
import { listMarkdownFiles } from "../content/sourceFiles.ts";
import { articlesBySection, articlesByTopic, type Listing, paginate, type Topic } from "./listings.ts";
import { mostPopular, POPULAR_FILE, popularExportSchema } from "./popular.ts";
import { buildRelatedEngine } from "./related.ts";
import { withPins } from "./relatedPins.ts";
import type { Route } from "./routes.ts";
import {
  buildSectionTree,
  type Section,
  type SectionTree,
  sectionTreeSchema,
  type TopSection,
} from "./sections.ts";
import { buildSidebar, type Sidebar } from "./sidebar.ts";
import { resolveSiteConfig, type SiteConfig, siteConfigSchema } from "./siteConfig.ts";
import {
  HOME_URL,
  NOT_FOUND_URL,
  SEARCH_URL,
  sectionUrl,
  TOP_NEWS_URL,
  TOPICS_URL,
  topicUrl,
} from "./urls.ts";

/** `production` publishes what is due; `preview` (npm start) also shows drafts and scheduled articles. */
export type BuildMode = "production" | "preview";

export interface LoadOptions {
  /** The editors' folder: `_data/`, `articles/`, `pages/`, `images/`. */
  readonly content: ContentFolder;
  readonly mode: BuildMode;
  readonly clock: DateTime;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Checks of the finished model that belong to a layer above it (whether every output has a
   * place of its own): their problems are reported with everything else found in this pass.
   */
  readonly checkModel?: (site: Site) => readonly Problem[];
  /** Told how long each phase took, in milliseconds (for the build's report and the bench). */
  readonly onPhase?: (phase: "read and check" | "model and related", milliseconds: number) => void;
}

export interface HomeBlock {
  readonly top: TopSection;
  readonly articles: readonly Article[];
}

/** The whole site, built once per build; layouts only look things up in it. */
export interface Site {
  readonly config: SiteConfig;
  readonly tree: SectionTree;
  /** Where the section tree comes from (`content/_data/sections.json`), for problems with a section's pages. */
  readonly sectionsFile: string;
  readonly clock: DateTime;
  readonly mode: BuildMode;
  /** Articles listed on the site, newest first (in production: published ones, not expired). */
  readonly articles: readonly Article[];
  readonly routes: readonly Route[];
  readonly sidebar: Sidebar;
  readonly topStories: readonly Article[];
  readonly homeBlocks: readonly HomeBlock[];
  readonly footerPages: readonly PlainPage[];
  /** Every tag's topic, by name. */
  readonly topics: readonly Topic[];
  readonly related: (article: Article) => readonly Article[];
  readonly warnings: readonly Problem[];
}

const SITE_FILE = "_data/site.json";
const SECTIONS_FILE = "_data/sections.json";
const HOME_TOP_STORIES = 5;
const HOME_BLOCK_SIZE = 4;

/** Reads and checks all content, then computes every list the pages need. Throws ContentError. */
export function loadSite(options: LoadOptions): Site {
  const started = performance.now();
  const { content, mode, clock } = options;
  const siteData = readDataFile(content, SITE_FILE, siteConfigSchema);
  const sections = readDataFile(content, SECTIONS_FILE, sectionTreeSchema);
  if (!siteData.value || !sections.value)
    throw new ContentError([...siteData.problems, ...sections.problems]);
  const config = resolveSiteConfig(siteData.value, options.env);
  const { tree, errors: treeErrors } = buildSectionTree(sections.value);
  const problems: Problem[] = treeErrors.map((message) => ({
    severity: "error",
    file: content.label(SECTIONS_FILE),
    line: 1,
    field: "sections",
    message,
  }));

  const checkPicture = pictureCheck(content);
  const all = readArticles(content, tree, config, clock, checkPicture, problems);
  const pages = readPages(content, problems);
  const siteFile = { label: content.label(SITE_FILE), lineOf: siteData.lineOf };
  const photoSection = namedSection(tree, config.photoSection, "photoSection", siteFile, problems);
  const videoSection = namedSection(tree, config.videoSection, "videoSection", siteFile, problems);
  const pageBySlug = new Map(pages.map((page) => [page.slug, page]));
  const footerPages = config.footerPages.flatMap((slug, index) => {
    const page = pageBySlug.get(slug);
    if (!page) {
      problems.push({
        severity: "error",
        file: siteFile.label,
        line: siteData.lineOf(["footerPages", index]),
        field: "footerPages",
        message: `no page ${content.label(`pages/${slug}.md`)}`,
      });
    }
    return page ? [page] : [];
  });
  const popularData = readPopularExport(content, problems);
  // Editorial checks: links, alt text, headlines and tags across articles (links to aliases are fine).
  const knownUrls = new Set(all.flatMap((a) => [a.url, ...a.aliases.map((alias) => alias.url)]));
  const editorial = { ...config, checkPicture };
  for (const p of editorialProblems(all, knownUrls, editorial)) problems.push(p);
  for (const p of bodyProblems(pages, knownUrls, editorial)) problems.push(p);
  // Without the Photo and Video sections there is no sidebar; anything else wrong still lets
  // the model be built from the articles that are right, so its checks run in this pass too.
  if (!photoSection || !videoSection) throw new ContentError(problems);

  // Pages exist for published and expired articles; only published ones are listed anywhere.
  // The preview renders and lists everything, marked.
  const modelStarted = performance.now();
  options.onPhase?.("read and check", modelStarted - started);
  const withPages = all.filter((a) => mode === "preview" || a.state === "published" || a.state === "expired");
  withPages.sort(newestFirst);
  const articles = withPages.filter((a) => mode === "preview" || a.state === "published");
  const byUrl = new Map(articles.map((a) => [a.url, a]));
  const sectionLists = articlesBySection(articles, tree);
  const topStories = articles.filter((a) => a.top);
  const popular = mostPopular(
    popularData?.value,
    content.label(POPULAR_FILE),
    popularData?.lineOf ?? (() => 1),
    byUrl,
    articles,
    clock,
    config.pathPrefix,
  );
  problems.push(...popular.warnings);

  const related = withPins(
    all,
    new Set(articles),
    buildRelatedEngine(articles, config.relatedCount, withPages),
    config.relatedCount,
    problems,
  );

  const topics = articlesByTopic(articles);
  const listings: Listing[] = [
    ...[...tree.bySlug.values()].map((section) => ({
      kind: "section" as const,
      title: section.title,
      url: sectionUrl(section.slug),
      section,
      articles: sectionLists.get(section) ?? [],
    })),
    ...topics.map((topic) => ({
      kind: "topic" as const,
      title: topic.name,
      url: topicUrl(topic.slug),
      section: undefined,
      articles: topic.articles,
    })),
    {
      kind: "topNews",
      title: config.words.topNews,
      url: TOP_NEWS_URL,
      section: undefined,
      articles: topStories,
    },
  ];
  const routes: Route[] = [
    { kind: "home", url: HOME_URL },
    ...withPages.map((article) => ({ kind: "article" as const, url: article.url, article })),
    ...withPages.flatMap((article) =>
      article.aliases.map((alias) => ({ kind: "redirect" as const, url: alias.url, target: article })),
    ),
    ...listings.flatMap((listing) =>
      paginate(listing, config.perPage).map((page) => ({ kind: "listing" as const, url: page.url, page })),
    ),
    { kind: "topics", url: TOPICS_URL },
    { kind: "search", url: SEARCH_URL },
    ...pages.map((page) => ({ kind: "page" as const, url: page.url, page })),
    { kind: "notFound", url: NOT_FOUND_URL },
  ];

  const site: Site = {
    config,
    tree,
    sectionsFile: content.label(SECTIONS_FILE),
    clock,
    mode,
    articles,
    routes,
    sidebar: buildSidebar(sectionLists, photoSection, videoSection, topStories, TOP_NEWS_URL, popular.block),
    topStories: topStories.slice(0, HOME_TOP_STORIES),
    homeBlocks: tree.tops.map((top) => ({
      top,
      articles: (sectionLists.get(top) ?? []).slice(0, HOME_BLOCK_SIZE),
    })),
    footerPages,
    topics,
    related,
    warnings: problems,
  };
  problems.push(...(options.checkModel?.(site) ?? []));
  if (problems.some((p) => p.severity === "error")) throw new ContentError(problems);
  options.onPhase?.("model and related", performance.now() - modelStarted);
  return site;
}

function readArticles(
  content: ContentFolder,
  tree: SectionTree,
  config: SiteConfig,
  clock: DateTime,
  checkPicture: PictureCheck,
  problems: Problem[],
): Article[] {
  const ids = listMarkdownFiles(content, "articles", problems);
  const context = articleContext(tree, config, clock, checkPicture, new Set(ids));
  return ids.flatMap((id) => {
    const result = readArticleFile(content, id, context);
    problems.push(...result.problems);
    return result.value ? [result.value] : [];
  });
}

/** What checking an article needs to know of the rest of the site. */
export function articleContext(
  tree: SectionTree,
  config: SiteConfig,
  clock: DateTime,
  checkPicture: PictureCheck,
  articleIds: ReadonlySet<string>,
): ArticleContext {
  return { tree, zone: config.timeZone, clock, checkPicture, articleIds };
}

/** Reads and checks one article, named by its id (its path under `articles/`). */
export function readArticleFile(
  content: ContentFolder,
  id: string,
  context: ArticleContext,
): ReadResult<Article> {
  const relative = `articles/${id}`;
  const read = readContentText(content, relative);
  if ("problem" in read) return { value: undefined, problems: [read.problem] };
  return readArticle(content.label(relative), id, read.text, context);
}

function readPages(content: ContentFolder, problems: Problem[]): PlainPage[] {
  return listMarkdownFiles(content, "pages", problems).flatMap((name) => {
    const relative = `pages/${name}`;
    const read = readContentText(content, relative);
    if ("problem" in read) {
      problems.push(read.problem);
      return [];
    }
    const result = readPage(content.label(relative), name, read.text);
    problems.push(...result.problems);
    return result.value ? [result.value] : [];
  });
}

/**
 * The analytics export, when there is one. It is written by a machine, not an editor, and
 * breaking news must not wait for it: when it cannot be read, its problems are warnings and
 * the block shows the latest articles, as for a stale export.
 */
function readPopularExport(content: ContentFolder, problems: Problem[]) {
  if (content.locate(POPULAR_FILE).kind === "missing") return undefined;
  const data = readDataFile(content, POPULAR_FILE, popularExportSchema);
  for (const problem of data.problems) {
    problems.push({
      ...problem,
      severity: "warning",
      message: `${problem.message}; the block shows the latest articles until the export is fixed`,
    });
  }
  return data;
}

function namedSection(
  tree: SectionTree,
  slug: string,
  field: string,
  siteFile: { label: string; lineOf: (path: readonly (string | number)[]) => number },
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
