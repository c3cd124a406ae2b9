import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { isEleventyRoute, setArchiveRenderer } from "../src/eleventy/archivePages.ts";
import { buildReport } from "../src/eleventy/buildReport.ts";
import type { BuiltSite } from "../src/eleventy/plugin.ts";
import type { AssetUrls } from "../src/render/assets.ts";
import { outputPathOf, type Route } from "../src/site/routes.ts";
import { Page } from "./components/context.ts";
import { ArticlePage } from "./pages/ArticlePage.tsx";
import { HomePage } from "./pages/HomePage.tsx";
import { ListingPage } from "./pages/ListingPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PlainPage } from "./pages/PlainPage.tsx";
import { RedirectPage } from "./pages/RedirectPage.tsx";
import { SearchPage } from "./pages/SearchPage.tsx";
import { TopicsPage } from "./pages/TopicsPage.tsx";

/** What Eleventy hands this template for each page. */
export interface PageData {
  readonly newsdesk: BuiltSite;
  readonly assets: AssetUrls;
  readonly route: Route;
}

/**
 * The one template: it pages over the routes the site model computed once, and picks each
 * route's layout. No Eleventy collections, so nothing is re-sorted or re-filtered per page.
 * Archive pages (articles, listings, redirects) are rendered by this same template but
 * written by src/eleventy/archivePages.ts.
 */
export const data = {
  pagination: {
    data: "newsdesk.site.routes",
    size: 1,
    alias: "route",
    before: (routes: readonly Route[]) => routes.filter(isEleventyRoute),
  },
  permalink: (page: PageData) => outputPathOf(page.route),
  eleventyExcludeFromCollections: true,
};

function Layout({ route }: { readonly route: Route }): VNode {
  switch (route.kind) {
    case "home":
      return <HomePage />;
    case "article":
      return <ArticlePage article={route.article} />;
    case "redirect":
      return <RedirectPage target={route.target} />;
    case "listing":
      return <ListingPage page={route.page} />;
    case "page":
      return <PlainPage page={route.page} />;
    case "topics":
      return <TopicsPage />;
    case "search":
      return <SearchPage />;
    case "notFound":
      return <NotFoundPage />;
  }
}

/** One page's HTML: Eleventy calls it for its routes, the archive writer for the rest. */
function renderPage(page: PageData): string {
  buildReport.pagesRendered++;
  const context = { ...page.newsdesk, route: page.route, assets: page.assets };
  return `<!doctype html>${renderToString(
    <Page.Provider value={context}>
      <Layout route={page.route} />
    </Page.Provider>,
  )}`;
}

export const render = renderPage;
setArchiveRenderer(renderPage);
