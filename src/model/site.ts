import type { DateTime } from "luxon";
import type { Content } from "../content/readContent.ts";
import { type Article, newestFirst } from "../domain/article.ts";
import type { PlainPage } from "../domain/page.ts";
import type { Problem } from "../domain/problem.ts";
import type { SectionTree, TopSection } from "../domain/section.ts";
import type { SiteConfig } from "../domain/siteConfig.ts";
import {
  HOME_URL,
  MOST_POPULAR_URL,
  NOT_FOUND_URL,
  SEARCH_URL,
  sectionUrl,
  TOP_NEWS_URL,
  TOPICS_URL,
  topicUrl,
} from "../domain/urls.ts";
import { articlesBySection, articlesByTopic, type Listing, paginate, type Topic } from "./listings.ts";
import { mostPopular } from "./popular.ts";
import { type RelatedMemory, type RelatedNews, relatedNews } from "./related/related.ts";
import { withPins } from "./related/relatedPins.ts";
import type { Route } from "./routes.ts";
import { type SearchPart, searchParts } from "./searchParts.ts";
import { buildSidebar, type Sidebar } from "./sidebar.ts";

/** `production` publishes what is due; `preview` (npm start) also shows drafts and scheduled articles. */
export type BuildMode = "production" | "preview";

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
  /** The search index's parts, newest first (the search page loads the first and merges the rest). */
  readonly searchParts: readonly SearchPart[];
  readonly sidebar: Sidebar;
  readonly topStories: readonly Article[];
  readonly homeBlocks: readonly HomeBlock[];
  readonly footerPages: readonly PlainPage[];
  /** Every tag's topic, by name. */
  readonly topics: readonly Topic[];
  readonly related: (article: Article) => readonly Article[];
  /** What related news keeps for the next build (every list is computed by then, if no page asked for one). */
  readonly relatedMemory: () => RelatedMemory;
  /** Every warning of the content and the model (the build fails on errors before a Site exists). */
  readonly warnings: readonly Problem[];
}

export interface ModelOptions {
  readonly mode: BuildMode;
  readonly clock: DateTime;
  /** Related news of the last build: only what the changes since reach is computed again. */
  readonly related?: RelatedMemory;
}

const HOME_TOP_STORIES = 5;
const HOME_BLOCK_SIZE = 4;

/**
 * Content → Site: every list the pages need, computed once, from the articles that passed
 * their checks. Pure: the same content, mode and clock give the same site. Problems the
 * model finds (an export naming an article that is not there, a pin to a draft) are
 * warnings, returned with the content's own.
 */
export function buildSite(content: Content, options: ModelOptions): Site {
  const { config, tree } = content;
  const { mode, clock } = options;
  const problems: Problem[] = [...content.problems];
  // Pages exist for published and expired articles; only published ones are listed anywhere.
  // The preview renders and lists everything, marked.
  const withPages = content.articles.filter(
    (a) => mode === "preview" || a.state === "published" || a.state === "expired",
  );
  withPages.sort(newestFirst);
  const articles = withPages.filter((a) => mode === "preview" || a.state === "published");
  const byUrl = new Map(articles.map((a) => [a.url, a]));
  const sectionLists = articlesBySection(articles, tree);
  const topStories = articles.filter((a) => a.top);
  const popular = mostPopular(
    content.popular?.value,
    content.popular?.label ?? "",
    content.popular?.lineOf ?? (() => 1),
    byUrl,
    articles,
    clock,
    config.pathPrefix,
  );
  problems.push(...popular.warnings);

  // Computed on the first lookup: `npm run check` needs no related news.
  let news: RelatedNews | undefined;
  const relatedNow = () => {
    news ??= relatedNews({ listed: articles, pages: withPages, count: config.relatedCount }, options.related);
    return news;
  };
  const related = withPins(
    content.articles,
    new Set(articles),
    (article) => relatedNow().related(article),
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
    { kind: "popular", url: MOST_POPULAR_URL },
    { kind: "topics", url: TOPICS_URL },
    { kind: "search", url: SEARCH_URL },
    ...content.pages.map((page) => ({ kind: "page" as const, url: page.url, page })),
    { kind: "notFound", url: NOT_FOUND_URL },
  ];

  return {
    config,
    tree,
    sectionsFile: content.sectionsFile,
    clock,
    mode,
    articles,
    routes,
    searchParts: searchParts(
      articles.filter((article) => article.state === "published"),
      content.pages,
      config.searchPartSize,
    ),
    sidebar: buildSidebar(
      sectionLists,
      content.photoSection,
      content.videoSection,
      topStories,
      TOP_NEWS_URL,
      popular.block,
    ),
    topStories: topStories.slice(0, HOME_TOP_STORIES),
    homeBlocks: tree.tops.map((top) => ({
      top,
      articles: (sectionLists.get(top) ?? []).slice(0, HOME_BLOCK_SIZE),
    })),
    footerPages: content.footerPages,
    topics,
    related,
    relatedMemory: () => relatedNow().memory,
    warnings: problems,
  };
}
