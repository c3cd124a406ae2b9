import { fingerprint } from "../domain/fingerprint.ts";
import type { ImageLookup } from "../domain/picture.ts";
import { normaliseSrc } from "../domain/urls.ts";
import type { Site } from "../model/site.ts";

/** The four blocks in the order the sidebar draws them. */
function blocksOf(site: Site) {
  const { photo, popular, topNews, video } = site.sidebar;
  return [photo, popular, topNews, video];
}

/**
 * A fingerprint of what the sidebar blocks show beyond the site's settings: each block's
 * page, size and articles (address, headline, thumbnail), and whether the most-read list
 * fell back to the latest articles. Part of the key of each page that shows them inline,
 * and of the shared file's.
 */
export function sidebarBlocksKey(site: Site, images: ImageLookup): string {
  const pictureOf = (src: string | undefined) => (src ? images.get(normaliseSrc(src)) : undefined);
  return fingerprint(
    JSON.stringify([
      site.sidebar.popular.isLatest,
      blocksOf(site).map((block) => [
        block.url,
        block.slots,
        block.articles.map((article) => [article.url, article.headline, pictureOf(article.image?.src)]),
      ]),
    ]),
  );
}

/**
 * What a page that loads the blocks from the shared file shows of them: which blocks have
 * articles (an empty one is left out), their pages and sizes. It changes only when a
 * block empties or fills, never with an export or a new story.
 */
export function sidebarBlocksShown(site: Site): string {
  return JSON.stringify(blocksOf(site).map((block) => [block.articles.length > 0, block.url, block.slots]));
}
