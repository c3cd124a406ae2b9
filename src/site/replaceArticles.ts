import type { Article } from "../article/article.ts";
import type { Problem } from "../content/problems.ts";
import type { Listing } from "./listings.ts";
import type { Site } from "./model.ts";
import type { Route } from "./routes.ts";
import type { SidebarList } from "./sidebar.ts";
import type { TextEdits } from "./textEdits.ts";

/**
 * What a site changed by text edits keeps of its last full build: the related lookup,
 * and the version each edited article had there and has now. Each edit extends these
 * instead of wrapping the lookup before it, so a preview edited all day holds one version
 * of each edited article, however many edits it saw.
 */
interface RelatedSinceBuild {
  readonly built: Site["related"];
  /** An edited article's current version → its version in the full build. */
  readonly builtVersion: ReadonlyMap<Article, Article>;
  /** The full build's version of an edited article → its current version. */
  readonly currentVersion: ReadonlyMap<Article, Article>;
}

/** The sites made by withArticlesReplaced, each with its full build's related lookup. */
const relatedSinceBuild = new WeakMap<Site, RelatedSinceBuild>();

/** `since` with `edits` applied on top: the same full build's lookup, the latest versions. */
function withEdits(since: RelatedSinceBuild, edits: TextEdits): RelatedSinceBuild {
  const builtVersion = new Map(since.builtVersion);
  const currentVersion = new Map(since.currentVersion);
  for (const [before, after] of edits) {
    const built = builtVersion.get(before) ?? before;
    builtVersion.delete(before);
    builtVersion.set(after, built);
    currentVersion.set(built, after);
  }
  return { built: since.built, builtVersion, currentVersion };
}

/** Related lists as the full build chose them, with each edited article's current version. */
function relatedLookup({ built, builtVersion, currentVersion }: RelatedSinceBuild): Site["related"] {
  return (article) => {
    const related = built(builtVersion.get(article) ?? article);
    return related.some((other) => currentVersion.has(other))
      ? related.map((other) => currentVersion.get(other) ?? other)
      : related;
  };
}

/**
 * The site with edited articles in place of their last versions, everywhere they are
 * listed; everything else is shared with `site`. Only for edits that leave every list
 * as it was (see textEdits.ts). Related lists stay as the last full build chose them:
 * the engine weighs the text of every article at once.
 */
export function withArticlesReplaced(site: Site, edits: TextEdits, bodyWarnings: readonly Problem[]): Site {
  const current = (article: Article): Article => edits.get(article) ?? article;
  const list = (articles: readonly Article[]): readonly Article[] =>
    articles.some((article) => edits.has(article)) ? articles.map(current) : articles;
  const listings = new Map<Listing, Listing>();
  const listing = (before: Listing): Listing => {
    let after = listings.get(before);
    if (!after) {
      const articles = list(before.articles);
      after = articles === before.articles ? before : { ...before, articles };
      listings.set(before, after);
    }
    return after;
  };
  const sidebarList = (block: SidebarList): SidebarList => ({ ...block, articles: list(block.articles) });
  const editedFiles = new Set([...edits.keys()].map((article) => article.file));
  const related = withEdits(
    relatedSinceBuild.get(site) ?? {
      built: site.related,
      builtVersion: new Map(),
      currentVersion: new Map(),
    },
    edits,
  );

  const updated: Site = {
    ...site,
    articles: list(site.articles),
    routes: site.routes.map((route): Route => {
      switch (route.kind) {
        case "article":
          return edits.has(route.article) ? { ...route, article: current(route.article) } : route;
        case "redirect":
          return edits.has(route.target) ? { ...route, target: current(route.target) } : route;
        case "listing": {
          const { page } = route;
          const articles = list(page.articles);
          const whole = listing(page.listing);
          // Most listing pages show none of the edited articles: those stay as they were.
          return articles === page.articles && whole === page.listing
            ? route
            : { ...route, page: { ...page, listing: whole, articles } };
        }
        default:
          return route;
      }
    }),
    sidebar: {
      photo: sidebarList(site.sidebar.photo),
      popular: { ...site.sidebar.popular, articles: list(site.sidebar.popular.articles) },
      topNews: sidebarList(site.sidebar.topNews),
      video: sidebarList(site.sidebar.video),
    },
    topStories: list(site.topStories),
    homeBlocks: site.homeBlocks.map((block) => ({ ...block, articles: list(block.articles) })),
    topics: site.topics.map((topic) => ({ ...topic, articles: list(topic.articles) })),
    related: relatedLookup(related),
    warnings: [
      ...site.warnings.filter((problem) => !(editedFiles.has(problem.file) && problem.field === "body")),
      ...bodyWarnings,
    ],
  };
  relatedSinceBuild.set(updated, related);
  return updated;
}

/** The archive pages that show any of `articles`: their own, and the listing pages they are on. */
export function archivePagesShowing(site: Site, articles: ReadonlySet<Article>): Route[] {
  return site.routes.filter(
    (route) =>
      (route.kind === "article" && articles.has(route.article)) ||
      (route.kind === "listing" && route.page.articles.some((article) => articles.has(article))),
  );
}
