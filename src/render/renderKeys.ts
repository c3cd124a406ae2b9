import type { Article } from "../domain/article.ts";
import { fingerprint } from "../domain/fingerprint.ts";
import type { ImageLookup } from "../domain/picture.ts";
import type { AssetUrls } from "../domain/urls.ts";
import { normaliseSrc } from "../domain/urls.ts";
import type { Route } from "../model/routes.ts";
import { sidebarPlacement } from "../model/sidebar.ts";
import type { Site } from "../model/site.ts";
import { sidebarBlocksKey, sidebarBlocksShown } from "./sidebarKeys.ts";

/**
 * A fingerprint of everything a page shows, for each route: a page whose key is the same
 * as in the last build is the same page, and is neither rendered nor written again. Each
 * kind lists what its layout in layouts/pages/ reads (and the parts every page shares, the
 * sidebar blocks as the page shows them: in full, pending or not at all);
 * a layout that comes to read more must add it here, and the equivalence tests (an
 * updated build against a cold one, byte for byte) fail until it does.
 */
export interface KeyInputs {
  readonly site: Site;
  readonly images: ImageLookup;
  readonly assets: AssetUrls;
  /** What each body was made from (its file's version, the pictures it shows), by source file. */
  readonly bodyKeys: ReadonlyMap<string, string>;
}

export function renderKeys({ site, images, assets, bodyKeys }: KeyInputs): (route: Route) => string {
  const { config, tree } = site;
  const pictureOf = (src: string | undefined) => (src ? images.get(normaliseSrc(src)) : undefined);
  /** What nearly every page shows: settings, menus, site map, footer, assets, the year. */
  const shared = fingerprint(
    JSON.stringify([
      config,
      tree.tops.map((top) => [top.slug, top.title, top.sections.map((s) => [s.slug, s.title])]),
      site.footerPages.map((page) => [page.url, page.title]),
      assets,
      site.clock.setZone(config.timeZone).year,
      site.mode,
    ]),
  );
  const sidebar = {
    inline: sidebarBlocksKey(site, images),
    // Their headings only (the words are the settings'), and which blocks there are.
    "shared file": sidebarBlocksShown(site),
    none: null,
  };
  /** An article in a list: its version stands for its headline, date and summary (all from its file). */
  const listed = (article: Article) => `${article.version}${article.state}`;
  const keyOf = (route: Route, ...parts: unknown[]) =>
    fingerprint(JSON.stringify([shared, sidebar[sidebarPlacement(route)], ...parts]));
  return (route) => {
    const key = (...parts: unknown[]) => keyOf(route, ...parts);
    switch (route.kind) {
      case "article": {
        const { article } = route;
        return key(
          "article",
          article.version,
          article.state,
          bodyKeys.get(article.file),
          [article.image, ...article.gallery].map((picture) => pictureOf(picture?.src)),
          site.related(article).map((other) => other.version),
        );
      }
      case "redirect":
        return key("redirect", route.url, route.target.url, route.target.headline);
      case "listing": {
        const { page } = route;
        return key(
          "listing",
          route.url,
          page.listing.kind,
          page.listing.title,
          page.pageNumber,
          page.pageCount,
          page.articles.map(listed),
        );
      }
      case "home":
        return key(
          "home",
          site.topStories.map(listed),
          site.homeBlocks.map((block) => [block.top.slug, block.articles.map(listed)]),
        );
      case "popular":
        return key("popular", site.sidebar.popular.articles.map(listed));
      case "topics":
        return key(
          "topics",
          site.topics.map((topic) => [topic.slug, topic.name, topic.articles.length]),
        );
      case "search":
        return key(
          "search",
          site.searchParts.map((part) => part.folder),
        );
      case "page":
        return key("page", route.page.version, bodyKeys.get(route.page.file));
      case "notFound":
        return key("notFound", site.topStories.map(listed));
    }
  };
}
