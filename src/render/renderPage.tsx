import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { Page, type PageInputs } from "../../layouts/components/context.ts";
import { ArticlePage } from "../../layouts/pages/ArticlePage.tsx";
import { HomePage } from "../../layouts/pages/HomePage.tsx";
import { ListingPage } from "../../layouts/pages/ListingPage.tsx";
import { NotFoundPage } from "../../layouts/pages/NotFoundPage.tsx";
import { PlainPage } from "../../layouts/pages/PlainPage.tsx";
import { PopularPage } from "../../layouts/pages/PopularPage.tsx";
import { RedirectPage } from "../../layouts/pages/RedirectPage.tsx";
import { SearchPage } from "../../layouts/pages/SearchPage.tsx";
import { TopicsPage } from "../../layouts/pages/TopicsPage.tsx";
import type { Route } from "../model/routes.ts";

/** The one place that picks a layout: each route kind has its page in layouts/pages/. */
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
    case "popular":
      return <PopularPage />;
    case "topics":
      return <TopicsPage />;
    case "search":
      return <SearchPage />;
    case "notFound":
      return <NotFoundPage />;
  }
}

/**
 * One build's page renderer: (route) → HTML, through layouts/. What many pages share
 * (masthead, menu, site map, sidebar, footer) is rendered once per renderer and reused: the
 * renderer holds those parts, and the layouts ask for them by name (useSamePerBuild).
 */
export function pageRenderer(inputs: PageInputs): (route: Route) => string {
  const parts = new Map<string, string>();
  return (route) =>
    `<!doctype html>${renderToString(
      <Page.Provider value={{ ...inputs, route, parts }}>
        <Layout route={route} />
      </Page.Provider>,
    )}`;
}
