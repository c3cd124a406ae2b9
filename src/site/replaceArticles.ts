import type { Article } from "../article/article.ts";
import type { Problem } from "../content/problems.ts";
import type { Listing } from "./listings.ts";
import type { Site } from "./model.ts";
import type { Route } from "./routes.ts";
import type { SidebarList } from "./sidebar.ts";
import type { TextEdits } from "./textEdits.ts";

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
  const original = new Map([...edits].map(([before, after]) => [after, before]));
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
  // Only the function is kept, not the site before: a preview edited all day holds one site.
  const relatedBefore = site.related;

  return {
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
    related: (article) => list(relatedBefore(original.get(article) ?? article)),
    warnings: [
      ...site.warnings.filter((problem) => !(editedFiles.has(problem.file) && problem.field === "body")),
      ...bodyWarnings,
    ],
  };
}

/** The archive pages that show any of `articles`: their own, and the listing pages they are on. */
export function archivePagesShowing(site: Site, articles: ReadonlySet<Article>): Route[] {
  return site.routes.filter(
    (route) =>
      (route.kind === "article" && articles.has(route.article)) ||
      (route.kind === "listing" && route.page.articles.some((article) => articles.has(article))),
  );
}
