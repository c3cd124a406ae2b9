import type { DateTime } from "luxon";
import { formatUrlDate } from "./dates.ts";

/**
 * Every path of the built site, in one place: pages, feeds, sitemaps, assets, processed
 * pictures, the search index, redirects. URLs are root-relative and without the site's
 * path prefix (`/economy/`); `withPrefix` adds it for links and `absoluteUrl` makes the
 * absolute form for metadata; `outputPathOf` gives the file a URL is written to. Links and
 * output files never disagree, and the names no section or page may take follow from here.
 */

export const HOME_URL = "/";
export const TOPICS_URL = "/topics/";
export const SEARCH_URL = "/search/";
export const TOP_NEWS_URL = "/top-news/";
/** The most-read articles, as the sidebar's block ranks them: where the block's heading leads. */
export const MOST_POPULAR_URL = "/most-popular/";
export const NOT_FOUND_URL = "/404.html";

export function articleUrl(sectionSlug: string, date: DateTime, slug: string): string {
  return `/${sectionSlug}/${formatUrlDate(date)}/${slug}/`;
}

const ARTICLE_URL = /^\/[a-z0-9]+(?:-[a-z0-9]+)*\/\d{4}-\d{2}-\d{2}\/([^/]+)\/$/;

/** The slug of an article's URL (`/economy/2016-11-05/baotou/` → `baotou`), or undefined for any other path. */
export function articleSlugOf(url: string): string | undefined {
  return ARTICLE_URL.exec(url)?.[1];
}

export function sectionUrl(slug: string): string {
  return `/${slug}/`;
}

export function plainPageUrl(slug: string): string {
  return `/${slug}/`;
}

export function topicUrl(slug: string): string {
  return `${TOPICS_URL}${slug}/`;
}

/** A listing's page: page 1 is the listing itself, later pages `/<slug>/page/<n>/`. */
export function listingPageUrl(base: string, pageNumber: number): string {
  return pageNumber <= 1 ? base : `${base}${LISTING_PAGES}${pageNumber}/`;
}

const LISTING_PAGES = "page/";

// ---------------------------------------------------------------- feeds and sitemaps

export type FeedFormat = "atom" | "rss";

const FEEDS_FOLDER = "/feeds/";

/** `/feeds/atom.xml` for the whole site, `/feeds/<slug>/rss.xml` for a section or top section. */
export function feedUrl(sectionSlug: string | undefined, format: FeedFormat): string {
  return sectionSlug ? `${FEEDS_FOLDER}${sectionSlug}/${format}.xml` : `${FEEDS_FOLDER}${format}.xml`;
}

export const SITEMAP_URL = "/sitemap.xml";
export const NEWS_SITEMAP_URL = "/news-sitemap.xml";
export const ROBOTS_URL = "/robots.txt";

/** Part `n` (from 1) of a sitemap split into an index and parts: `/sitemap-2.xml`. */
export function sitemapPartUrl(sitemap: string, n: number): string {
  return sitemap.replace(/\.xml$/, `-${n}.xml`);
}

// ---------------------------------------------------------------- files the build adds

/** Our CSS, JS and icons, named by their content's hash, and the sharing picture and logo. */
export const ASSETS_FOLDER = "/assets/";

/** The hashed URLs of our CSS, JS and icon, as pages link them (src/output/assets.ts makes them). */
export interface AssetUrls {
  readonly css: string;
  readonly printCss: string;
  readonly js: string;
  readonly icon: string;
  readonly searchJs: string;
}

/** How many hex digits of its content's hash a hashed asset's name carries. */
export const ASSET_HASH_DIGITS = 10;

/** `/assets/site.2f1fb20681.css`. */
export function hashedAssetUrl(name: string, hash: string, extension: string): string {
  return `${ASSETS_FOLDER}${name}.${hash}${extension}`;
}

const HASHED_ASSET = new RegExp(`^${ASSETS_FOLDER}[^/]+\\.[0-9a-f]{${ASSET_HASH_DIGITS}}\\.[a-z0-9]+$`);

/** Whether a URL is a hashed asset's: a changed file gets a new name, so what is there never changes. */
export function isHashedAssetUrl(url: string): boolean {
  return HASHED_ASSET.test(url);
}

/** The picture used when a page has none of its own (og:image, NewsArticle image): 1200x630. */
export const DEFAULT_IMAGE_URL = `${ASSETS_FOLDER}og-default.png`;
/** The publisher logo (Google's 600x60 guidance). */
export const LOGO_URL = `${ASSETS_FOLDER}logo.png`;

/**
 * Files many pages load and that change with the news (not named by their content, so
 * never cached as immutable as the assets are).
 */
const SHARED_FOLDER = "/shared/";

/** The sidebar blocks, one small file that the pages which do not show them inline load (site.js). */
export const SHARED_BLOCKS_URL = `${SHARED_FOLDER}blocks.html`;

/** Cache rules for hosts that read them from the site (Netlify, Cloudflare Pages). */
export const HOST_HEADERS_URL = "/_headers";

/** The processed pictures (eleventy-img's files). */
export const PICTURES_FOLDER = "/img/";

/** The search index, written in parts (src/model/searchParts.ts). */
export const SEARCH_FOLDER = "/pagefind/";

/** A part of the search index, by the span it holds (`2026-11`) or `pages`. */
export function searchPartFolder(name: string): string {
  return `${SEARCH_FOLDER}${name}/`;
}

/**
 * The web editor (Decap CMS, src/output/admin/): its page, its configuration, Decap's files
 * and the preview pane's script. No page of the site, and no alias, may stand in it.
 */
export const ADMIN_FOLDER = "/admin/";

/** One bucket of the preview pane's processed pictures (layouts/admin/pictureBuckets.ts): `/admin/pictures/3f.json`. */
export function adminPictureBucketUrl(bucket: string): string {
  return `${ADMIN_FOLDER}pictures/${bucket}.json`;
}

/** Where an editor's picture would be if it were published as it is (only unprocessed ones are). */
const CONTENT_PICTURES_FOLDER = "/images/";

/**
 * The first parts of the site's own paths: no section or plain page may take one as its
 * slug, or its pages would stand in the site's own folders.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(
  [
    TOPICS_URL,
    SEARCH_URL,
    TOP_NEWS_URL,
    MOST_POPULAR_URL,
    NOT_FOUND_URL.replace(/\.html$/, ""),
    `/${LISTING_PAGES}`,
    FEEDS_FOLDER,
    ASSETS_FOLDER,
    SHARED_FOLDER,
    PICTURES_FOLDER,
    SEARCH_FOLDER,
    ADMIN_FOLDER,
    CONTENT_PICTURES_FOLDER,
  ].map((url) => url.split("/")[1] ?? ""),
);

// ---------------------------------------------------------------- forms of a URL

/** The file a URL is written to, relative to the site folder: `/a/b/` is `a/b/index.html`. */
export function outputPathOf(url: string): string {
  const path = url.replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** A root-relative URL with the site's path prefix (`/` or `/newsroom/`): every internal link. */
export function withPrefix(pathPrefix: string, url: string): string {
  return url.startsWith("/") ? `${pathPrefix}${url.slice(1)}` : url;
}

/** The absolute URL of a root-relative path: `https://host/prefix` + `/economy/`. */
export function absoluteUrl(baseUrl: string, url: string): string {
  return `${baseUrl}${url}`;
}

/**
 * An old address an article keeps (`aliases:`) becomes a folder of the built site: a path
 * from `/` of plain parts, without `.` or `..` (which would leave the site), empty parts,
 * spaces, `?`, `#`, backslashes or control characters. One regular expression without
 * flags, so the web editor's field rule is this one.
 */
const ALIAS_PART = "[^\\s\\\\?#/\\x00-\\x1f\\x7f-\\x9f]+";
export const ALIAS_PATTERN = new RegExp(`^/(?:(?!\\.\\.?/)${ALIAS_PART}/)*(?:(?!\\.\\.?$)${ALIAS_PART})?$`);
/** What an alias must be, as every message about one says it. */
export const ALIAS_RULE =
  "is not an address on this site; write the old path, like /economy/2016-11-04/old-slug/";

/** Paths as analytics tools report them match with or without the trailing slash. */
export function normaliseUrlPath(path: string, pathPrefix: string): string {
  let result = path.trim().split(/[?#]/)[0] ?? "";
  if (pathPrefix !== "/" && result.startsWith(pathPrefix)) result = `/${result.slice(pathPrefix.length)}`;
  if (!result.startsWith("/")) result = `/${result}`;
  if (!result.endsWith("/") && !/\.[a-z0-9]+$/i.test(result)) result = `${result}/`;
  return result;
}

/**
 * Whether a picture's path names a file of the site: no scheme (`https:`, `data:`), nothing
 * a browser reads as another host (`//cdn/x`, `/\cdn/x`), no backslash. Browsers read
 * `https:\\cdn/x` and, on an http page, `https:cdn/x` as other hosts, so anything with a
 * scheme is not the site's, whatever follows it.
 */
export function isSitePath(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[\\/]{2}/.test(src) && !src.includes("\\");
}

/** `/images/a.jpg`, `images/a.jpg` and `./images/a.jpg` name the same picture of the content folder. */
export function normaliseSrc(src: string): string {
  return src.replace(/^\.?\/+/, "");
}

/** The URL of an editor's picture published as it is (an unprocessed fallback). */
export function contentPictureUrl(src: string): string {
  return `/${normaliseSrc(src)}`;
}
