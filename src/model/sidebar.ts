import type { Article } from "../domain/article.ts";
import type { Section } from "../domain/section.ts";
import { sectionUrl } from "../domain/urls.ts";
import type { PopularBlock } from "./popular.ts";

/** The blocks beside every article and on the home page, computed once per build. */
export interface Sidebar {
  readonly photo: SidebarList;
  readonly popular: PopularBlock;
  readonly topNews: SidebarList;
  readonly video: SidebarList;
}

export interface SidebarList {
  readonly articles: readonly Article[];
  /** Where the block's More link leads. */
  readonly moreUrl: string;
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
    moreUrl: sectionUrl(section.slug),
  });
  return {
    photo: newest(photoSection),
    popular,
    topNews: { articles: topNews.slice(0, BLOCK_SIZE), moreUrl: topNewsUrl },
    video: newest(videoSection),
  };
}
