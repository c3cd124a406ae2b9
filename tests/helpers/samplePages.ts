import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Paths (relative to the site's root, no leading slash) of one page of each kind in a built site. */
export interface PageKinds {
  readonly home: string;
  readonly section: string;
  readonly topSection: string;
  readonly topic: string;
  readonly article: string;
  /** Another article, for navigating from one to the next. */
  readonly otherArticle: string;
  /** The article with the most body text. */
  readonly longestArticle: string;
  readonly search: string;
  /** The Most popular page, where the sidebar block's heading leads. */
  readonly popular: string;
  readonly notFound: string;
  readonly plainPage: string;
}

const ARTICLE_PAGE = /^[a-z0-9-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/index\.html$/;
const BODY_START = '<div class="article-body">';
/** What follows the body on an article page (ArticlePage.tsx): the gallery, corrections, tags, related news. */
const AFTER_BODY = /<div class="gallery"|<aside class="corrections"|<p class="tags"|<section class="related"/;

function bodyText(html: string): string | undefined {
  const start = html.indexOf(BODY_START);
  if (start < 0) return undefined;
  const rest = html.slice(start + BODY_START.length);
  const end = rest.search(AFTER_BODY);
  return (end < 0 ? rest : rest.slice(0, end)).replace(/<[^>]*>/g, "");
}

/** The text length of each article page's body (redirect pages of old addresses have none), longest first. */
export function articlePages(site: string): { readonly url: string; readonly bodyLength: number }[] {
  return readdirSync(site, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => ARTICLE_PAGE.test(file))
    .flatMap((file) => {
      const body = bodyText(readFileSync(path.join(site, file), "utf8"));
      if (body === undefined) return [];
      return [{ url: file.replace(/index\.html$/, ""), bodyLength: body.length }];
    })
    .sort((a, b) => b.bodyLength - a.bodyLength || a.url.localeCompare(b.url));
}

/** One page of each kind in the built sample site (`content/`), checked to exist. */
export function samplePageKinds(site: string): PageKinds {
  const articles = articlePages(site);
  const topic = readdirSync(path.join(site, "topics"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()[0];
  const [longest, other] = articles;
  if (!longest || !other || !topic) throw new Error(`${site} has no articles or no topics`);
  const kinds: PageKinds = {
    home: "",
    section: "business/",
    topSection: "news/",
    topic: `topics/${topic}/`,
    article: longest.url,
    otherArticle: other.url,
    longestArticle: longest.url,
    search: "search/",
    popular: "most-popular/",
    notFound: "no-such-page/",
    plainPage: "about-us/",
  };
  for (const [kind, url] of Object.entries(kinds)) {
    if (kind !== "notFound" && !existsSync(path.join(site, url, "index.html"))) {
      throw new Error(`the sample site has no ${kind} page at /${url}`);
    }
  }
  return kinds;
}
