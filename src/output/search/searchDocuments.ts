import type { Article, ArticleImage } from "../../domain/article.ts";
import { formatDateline, formatIso } from "../../domain/dates.ts";
import { escapeHtml } from "../../domain/escapeHtml.ts";
import type { PlainPage } from "../../domain/page.ts";

/** One page as the search index sees it: its URL and the HTML of what is searchable. */
export interface SearchDocument {
  readonly url: string;
  readonly html: string;
}

/** The search document of a plain page or a published article, from its finished body. */
export function searchDocument(item: Article | PlainPage, body: string): SearchDocument {
  return "section" in item ? articleDocument(item, body) : pageDocument(item, body);
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
