import type { Article } from "../domain/article.ts";
import type { Section } from "../domain/section.ts";
import { MOST_POPULAR_URL, sectionUrl } from "../domain/urls.ts";
import { POPULAR_BLOCK_SIZE, type PopularBlock } from "./popular.ts";
import type { Route } from "./routes.ts";

/** The blocks beside every article and on the home page, computed once per build. */
export interface Sidebar {
  readonly photo: SidebarList;
  readonly popular: SidebarList & Pick<PopularBlock, "isLatest">;
  readonly topNews: SidebarList;
  readonly video: SidebarList;
}

export interface SidebarList {
  readonly articles: readonly Article[];
  /** The page that lists what the block shows: its heading links there, and its More link. */
  readonly url: string;
  /** How many articles the block holds at most: the space a page keeps for it. */
  readonly slots: number;
}

const BLOCK_SIZE = 5;

export function buildSidebar(
  sectionLists: ReadonlyMap<Section, readonly Article[]>,
  photoSection: Section,
  videoSection: Section,
  topNews: readonly Article[],
  topNewsUrl: string,
  popular: PopularBlock,
): Sidebar {
  const newest = (section: Section): SidebarList => ({
    articles: (sectionLists.get(section) ?? []).slice(0, BLOCK_SIZE),
    url: sectionUrl(section.slug),
    slots: BLOCK_SIZE,
  });
  return {
    photo: newest(photoSection),
    popular: { ...popular, url: MOST_POPULAR_URL, slots: POPULAR_BLOCK_SIZE },
    topNews: { articles: topNews.slice(0, BLOCK_SIZE), url: topNewsUrl, slots: BLOCK_SIZE },
    video: newest(videoSection),
  };
}

/**
 * How a page shows the sidebar blocks: in its own HTML ("inline"), or as their headings over
 * kept space that site.js fills from the one shared file (SHARED_BLOCKS_URL), or not at all.
 * The blocks change with every analytics export and every new top, photo or video story;
 * a page that shows them inline is written again each time. So only the pages that change
 * with the news anyway show them inline; the rest (every article) stay as they are.
 */
export type SidebarPlacement = "inline" | "shared file" | "none";

export function sidebarPlacement(route: Route): SidebarPlacement {
  switch (route.kind) {
    // The fronts: the home page and each section's first page change with every new article.
    case "home":
      return "inline";
    case "listing": {
      const { listing, pageNumber } = route.page;
      // Each section's first page is a front. The others (later pages, topics: thousands on a
      // large site) must not all be written again for an export or a top story; the Top news
      // page changes only when an editor marks a top story, and its list is the block's own.
      return listing.kind === "section" && pageNumber === 1 ? "inline" : "shared file";
    }
    // It lists the Most popular block, so every export writes it again anyway.
    case "popular":
      return "inline";
    case "article":
      return "shared file";
    case "redirect":
    case "page":
    case "topics":
    case "search":
    case "notFound":
      return "none";
  }
}
