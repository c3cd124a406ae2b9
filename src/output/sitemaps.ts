import { Readable } from "node:stream";
import type { DateTime } from "luxon";
import {
  ErrorLevel,
  type IndexItem,
  type NewsItem,
  SitemapIndexStream,
  type SitemapItemLoose,
  SitemapStream,
  streamToPromise,
} from "sitemap";
import type { Article } from "../domain/article.ts";
import { formatIso } from "../domain/dates.ts";
import { fingerprint } from "../domain/fingerprint.ts";
import { newsSitemapLanguage } from "../domain/language.ts";
import { NEWS_SITEMAP_URL, ROBOTS_URL, SITEMAP_URL, sitemapPartUrl } from "../domain/urls.ts";
import { lastModified, newestChange } from "../model/lastModified.ts";
import type { Route } from "../model/routes.ts";
import type { Site } from "../model/site.ts";
import type { OutputFile, OutputGroup } from "./outputFile.ts";

/** The sitemaps.org limit of URLs in one sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000;
/** Google News: at most 1,000 URLs in one news sitemap. */
export const NEWS_SITEMAP_URL_LIMIT = 1_000;
/** Google News lists articles published in the last two days. */
export const NEWS_WINDOW_HOURS = 48;

const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";

export interface SitemapLimits {
  /** URLs per sitemap file before `sitemap.xml` becomes an index (default 50,000). */
  readonly pages?: number;
  /** URLs per news sitemap file before `news-sitemap.xml` becomes an index (default 1,000). */
  readonly news?: number;
}

interface Entry {
  readonly item: SitemapItemLoose;
  readonly lastmod: DateTime | undefined;
}

/**
 * `sitemap.xml` (every page but the 404, redirects and expired articles), the Google News
 * sitemap `news-sitemap.xml` (articles of the 48 hours before the build's clock) and
 * `robots.txt` naming both. Past a limit, a sitemap becomes an index of numbered files.
 * Dates come from the articles, never from files or the wall clock.
 */
export async function buildSitemaps(site: Site, limits: SitemapLimits = {}): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const group of sitemapGroups(site, limits)) files.push(...(await group.make()));
  return files;
}

/**
 * The sitemaps as groups (a sitemap with its parts), each keyed by what it lists: every
 * route with the versions of the articles it shows; the news sitemap's articles of the
 * last 48 hours; robots.txt's base URL.
 */
export function sitemapGroups(site: Site, limits: SitemapLimits = {}): OutputGroup[] {
  const { baseUrl, name, language } = site.config;
  const stamp = (route: Route): string => {
    switch (route.kind) {
      case "home":
        return site.articles[0]?.version ?? "";
      case "article":
        return `${route.article.version}${route.article.state}`;
      case "listing":
        return route.page.articles.map((article) => article.version).join(" ");
      default:
        return "";
    }
  };
  const routes = site.routes.map((route) => `${route.kind} ${route.url} ${stamp(route)}`).join("\n");
  const recent = recentArticles(site)
    .map((article) => article.version)
    .join(" ");
  return [
    {
      name: "sitemap",
      key: fingerprint(`${baseUrl}\n${limits.pages ?? ""}\n${routes}`),
      make: () =>
        splitSitemap(site, SITEMAP_URL, pageEntries(site), false, limits.pages ?? SITEMAP_URL_LIMIT),
    },
    {
      name: "news sitemap",
      key: fingerprint(`${baseUrl}\n${name}\n${language}\n${limits.news ?? ""}\n${recent}`),
      make: () =>
        splitSitemap(site, NEWS_SITEMAP_URL, newsEntries(site), true, limits.news ?? NEWS_SITEMAP_URL_LIMIT),
    },
    { name: "robots", key: baseUrl, make: () => [{ url: ROBOTS_URL, content: robotsTxt(site) }] },
  ];
}

/** Allows every crawler everything, and names both sitemaps by absolute URL. */
export function robotsTxt(site: Site): string {
  const { baseUrl } = site.config;
  return [
    "User-agent: *",
    "Allow: /",
    "",
    `Sitemap: ${baseUrl}${SITEMAP_URL}`,
    `Sitemap: ${baseUrl}${NEWS_SITEMAP_URL}`,
    "",
  ].join("\n");
}

/** Whether the sitemap lists a route: every page but the 404, redirects, Most popular and expired articles. */
function isListed(route: Route): boolean {
  switch (route.kind) {
    case "article":
      // An expired article keeps its page for old links but is listed nowhere, sitemaps included.
      return route.article.state !== "expired";
    case "redirect":
    case "notFound":
      return false;
    // A ranking of articles the sitemap lists already, new with every analytics export:
    // nothing of its own to index, and crawlers reach it from every page's sidebar.
    case "popular":
      return false;
    default:
      return true;
  }
}

function pageEntries(site: Site): Entry[] {
  const absolute = (url: string) => `${site.config.baseUrl}${url}`;
  const entry = (route: Route, lastmod: DateTime | undefined): Entry[] => [
    { item: { url: absolute(route.url), ...(lastmod ? { lastmod: formatIso(lastmod) } : {}) }, lastmod },
  ];
  return site.routes.filter(isListed).flatMap((route): Entry[] => {
    switch (route.kind) {
      case "home":
        // The home page changes when a newer article appears.
        return entry(route, site.articles[0] && lastModified(site.articles[0]));
      case "article":
        return entry(route, lastModified(route.article));
      case "listing":
        return entry(route, newestChange(route.page.articles));
      case "page":
      case "topics":
      case "search":
        // No article dates here; no lastmod rather than a made-up one.
        return entry(route, undefined);
      case "redirect":
      case "notFound":
      case "popular":
        return [];
      default:
        return unknownRoute(route);
    }
  });
}

/** A new route kind must be placed in (or kept out of) the sitemap here. */
function unknownRoute(route: never): never {
  throw new Error(`sitemap: no rule for route ${JSON.stringify(route)}`);
}

/**
 * Published articles with `clock - 48h < date <= clock`, newest first. The articles are
 * newest first, so this stops at the first one older than the window.
 */
export function recentArticles(site: Site, hours = NEWS_WINDOW_HOURS): Article[] {
  const cutoff = site.clock.minus({ hours });
  const recent: Article[] = [];
  for (const article of site.articles) {
    if (article.date <= cutoff) break;
    if (article.date <= site.clock && article.state === "published") recent.push(article);
  }
  return recent;
}

function newsEntries(site: Site): Entry[] {
  const { baseUrl, name, language } = site.config;
  return recentArticles(site).map((article) => {
    const news: NewsItem = {
      publication: { name, language: newsSitemapLanguage(language) },
      publication_date: formatIso(article.date),
      title: article.headline,
    };
    return { item: { url: `${baseUrl}${article.url}`, news }, lastmod: undefined };
  });
}

/**
 * The files of a sitemap of `entries` URLs at `url`: the file itself, or past `limit` URLs
 * an index at `url` and its parts `<name>-1.xml`, `<name>-2.xml`, ...
 */
function sitemapParts(url: string, entries: number, limit: number): { index: string; parts: string[] } {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`sitemap: limit ${limit} is not a positive integer`);
  const count = entries <= limit ? 0 : Math.ceil(entries / limit);
  return {
    index: url,
    parts: Array.from({ length: count }, (_, n) => sitemapPartUrl(url, n + 1)),
  };
}

/** Every file buildSitemaps writes, without writing them. */
export function sitemapUrls(site: Site, limits: SitemapLimits = {}): string[] {
  const listed = site.routes.filter((route) => isListed(route)).length;
  const pages = sitemapParts(SITEMAP_URL, listed, limits.pages ?? SITEMAP_URL_LIMIT);
  const news = sitemapParts(
    NEWS_SITEMAP_URL,
    recentArticles(site).length,
    limits.news ?? NEWS_SITEMAP_URL_LIMIT,
  );
  return [pages.index, ...pages.parts, news.index, ...news.parts, ROBOTS_URL];
}

/** One file, or past `limit` URLs an index at `url` of `<name>-1.xml`, `<name>-2.xml`, ... */
async function splitSitemap(
  site: Site,
  url: string,
  entries: readonly Entry[],
  news: boolean,
  limit: number,
): Promise<OutputFile[]> {
  const { parts } = sitemapParts(url, entries.length, limit);
  if (parts.length === 0) return [{ url, content: await urlset(entries, news) }];
  const files: OutputFile[] = [];
  const index: IndexItem[] = [];
  for (const [n, fileUrl] of parts.entries()) {
    const chunk = entries.slice(n * limit, (n + 1) * limit);
    files.push({ url: fileUrl, content: await urlset(chunk, news) });
    const lastmod = newestOf(chunk.map((e) => e.lastmod));
    index.push({
      url: `${site.config.baseUrl}${fileUrl}`,
      ...(lastmod ? { lastmod: formatIso(lastmod) } : {}),
    });
  }
  return [
    { url, content: await render(new SitemapIndexStream({ level: ErrorLevel.THROW }), index) },
    ...files,
  ];
}

async function urlset(entries: readonly Entry[], news: boolean): Promise<string> {
  if (entries.length === 0) return emptyUrlset(news);
  const stream = new SitemapStream({
    level: ErrorLevel.THROW,
    xmlns: { news, xhtml: false, image: false, video: false },
  });
  return render(
    stream,
    entries.map((e) => e.item),
  );
}

/**
 * The `sitemap` package refuses to write a urlset without URLs (EmptySitemap), but a news
 * sitemap with no article in the last 48 hours must still be a valid file: the same
 * declaration and namespaces the package writes, and no URL. No data goes into it.
 */
function emptyUrlset(news: boolean): string {
  const namespaces = `xmlns="${SITEMAP_NAMESPACE}"${news ? ` xmlns:news="${NEWS_NAMESPACE}"` : ""}`;
  return `<?xml version="1.0" encoding="UTF-8"?><urlset ${namespaces}></urlset>`;
}

async function render(
  stream: SitemapStream | SitemapIndexStream,
  items: readonly unknown[],
): Promise<string> {
  const done = streamToPromise(stream);
  Readable.from(items).pipe(stream);
  return (await done).toString("utf8");
}

function newestOf(dates: readonly (DateTime | undefined)[]): DateTime | undefined {
  let newest: DateTime | undefined;
  for (const date of dates) if (date && (!newest || date > newest)) newest = date;
  return newest;
}
