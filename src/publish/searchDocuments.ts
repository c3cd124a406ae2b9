import type { Article } from "../article/article.ts";
import type { ArticleImage } from "../article/frontMatter.ts";
import type { PlainPage } from "../content/readPage.ts";
import { type BodyLookup, bodyOf } from "../render/articleBody.ts";
import { escapeHtml } from "../render/escapeHtml.ts";
import { formatDateline, formatIso } from "../site/dates.ts";
import type { Site } from "../site/model.ts";

/** One page as the search index sees it: its URL and the HTML of what is searchable. */
export interface SearchDocument {
  readonly url: string;
  readonly html: string;
}

/** What search finds: the plain pages and the published articles, newest first. */
function searchable(site: Site): {
  readonly pages: readonly PlainPage[];
  readonly articles: readonly Article[];
} {
  return {
    pages: site.routes.flatMap((route) => (route.kind === "page" ? [route.page] : [])),
    // A draft or scheduled article has a preview page but no place in search; nor has an expired one.
    articles: site.articles.filter((article) => article.state === "published"),
  };
}

/** `pagefind/1/`, `pagefind/2/`, ...: as few folders as hold `pages` at `size` each, at least one. */
function partFolders(pages: number, size: number): string[] {
  return Array.from({ length: Math.max(1, Math.ceil(pages / size)) }, (_, part) => `pagefind/${part + 1}/`);
}

/**
 * Folders of the index parts (`searchPartSize` pages each, built one Pagefind process
 * after another), relative to the site root; the search page loads the first and merges the rest.
 */
export function searchIndexFolders(site: Site): readonly string[] {
  const { pages, articles } = searchable(site);
  return partFolders(pages.length + articles.length, site.config.searchPartSize);
}

/** A picture's words as the page shows them: its alt text (as Pagefind indexes it in a page), caption and credit. */
function captionHtml(image: ArticleImage | undefined): string {
  const text = [image?.alt, image?.caption, image?.credit].filter(Boolean).join(" ");
  return text ? `<p>${escapeHtml(text)}</p>` : "";
}

/**
 * The searchable text of an article as Pagefind reads it: headline (its title, weighted
 * as a heading), captions, body and corrections; the section as a filter, the dateline
 * as metadata and the date to sort by. Built from the model, so indexing needs no
 * written page and runs while the pages are rendered.
 */
function articleDocument(article: Article, body: string): SearchDocument {
  const section = escapeHtml(`section:${article.section.parent.title}`);
  const html =
    `<html><body><article data-pagefind-body data-pagefind-filter="${section}"` +
    ` data-pagefind-meta="${escapeHtml(`date:${formatDateline(article.date)}`)}"` +
    ` data-pagefind-sort="${escapeHtml(`date:${formatIso(article.date)}`)}">` +
    `<h1>${escapeHtml(article.headline)}</h1>${captionHtml(article.image)}${body}` +
    article.gallery.map(captionHtml).join("") +
    article.corrections.map((correction) => `<p>${escapeHtml(correction.text)}</p>`).join("") +
    "</article></body></html>";
  return { url: article.url, html };
}

function pageDocument(page: PlainPage, body: string): SearchDocument {
  return {
    url: page.url,
    html: `<html><body><article data-pagefind-body><h1>${escapeHtml(page.title)}</h1>${body}</article></body></html>`,
  };
}

/** One part of the search index: the folder it is written to and the pages it holds. */
export interface SearchPart {
  readonly folder: string;
  readonly documents: readonly SearchDocument[];
}

/** Every searchable page as a search document, in the parts searchIndexFolders names. */
export function searchParts(site: Site, bodies: BodyLookup): readonly SearchPart[] {
  const { pages, articles } = searchable(site);
  const documents = [
    ...pages.map((page) => pageDocument(page, bodyOf(bodies, page))),
    ...articles.map((article) => articleDocument(article, bodyOf(bodies, article))),
  ];
  const folders = partFolders(documents.length, site.config.searchPartSize);
  // Parts of even size: at 5,000 a part, 10,005 pages make three of 3,335, not two full
  // parts and one of 5 pages. Each still holds at most `searchPartSize`.
  const start = (part: number) => Math.floor((part * documents.length) / folders.length);
  return folders.map((folder, part) => ({
    folder,
    documents: documents.slice(start(part), start(part + 1)),
  }));
}
