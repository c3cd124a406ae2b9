import type { Section } from "../../domain/section.ts";
import { type FeedFormat, feedUrl } from "../../domain/urls.ts";
import type { Site } from "../../model/site.ts";

const FEED_TYPES = { atom: "application/atom+xml", rss: "application/rss+xml" } as const;
/** How each format is named to readers. */
export const FEED_FORMAT_NAMES = { atom: "Atom", rss: "RSS" } as const;

export interface FeedLink {
  readonly title: string;
  /** Root-relative, without the path prefix: pass it through `useHref` like any internal link. */
  readonly url: string;
  readonly type: (typeof FEED_TYPES)[FeedFormat];
}

/** "Eastbridge News", or "Economy - Eastbridge News" for a section's feed. */
export function feedTitle(site: Site, section: Section | undefined): string {
  return section ? `${section.title} - ${site.config.name}` : site.config.name;
}

/**
 * The feeds a page links from `<head>` (`<link rel="alternate">`): the section's own feeds
 * first when the page has a section (readers that pick the first link then subscribe to what
 * the page shows), then the site-wide feeds. Atom before RSS in each pair.
 */
export function feedLinksFor(site: Site, section: Section | undefined): FeedLink[] {
  const owners = section ? [section, undefined] : [undefined];
  return owners.flatMap((owner) =>
    (["atom", "rss"] as const).map((format) => ({
      title: `${feedTitle(site, owner)} (${FEED_FORMAT_NAMES[format]})`,
      url: feedUrl(owner?.slug, format),
      type: FEED_TYPES[format],
    })),
  );
}
