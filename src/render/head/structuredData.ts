import type { Article, ArticleImage } from "../../domain/article.ts";
import { formatIso } from "../../domain/dates.ts";
import type { ProcessedImage } from "../../domain/picture.ts";
import type { Section } from "../../domain/section.ts";
import {
  absoluteUrl,
  contentPictureUrl,
  DEFAULT_IMAGE_URL,
  HOME_URL,
  LOGO_URL,
  normaliseSrc,
  SEARCH_URL,
  sectionUrl,
} from "../../domain/urls.ts";
import { lastModified } from "../../model/lastModified.ts";
import type { Site } from "../../model/site.ts";

/**
 * schema.org data for search engines, as plain JSON values. The layout renders each in a
 * `<script type="application/ld+json">` with `JSON.stringify` and `<` escaped.
 */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** The size of the picture used when a page has none of its own (src/domain/urls.ts: DEFAULT_IMAGE_URL). */
export const DEFAULT_IMAGE_SIZE = { width: 1200, height: 630 } as const;
/** The size of the publisher logo (Google's 600x60 guidance): the name in red on white. */
export const LOGO_SIZE = { width: 600, height: 60 } as const;

const CONTEXT = "https://schema.org";

/**
 * The build's processed pictures by `src`, as pages get them (`ImageLookup`); only the
 * fallback file is read here.
 */
export type PictureLookup = ReadonlyMap<string, Pick<ProcessedImage, "fallback">>;

/** A picture's absolute URL, with its size when known, and its text alternative. */
export interface SharedImage {
  readonly url: string;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly alt: string;
}

/** The absolute URL of a root-relative site path (`/economy/` -> `https://host/prefix/economy/`). */
function absolute(site: Site, path: string): string {
  return absoluteUrl(site.config.baseUrl, path);
}

/**
 * A content picture as shared: with the build's processed pictures (`images`, as pages get
 * them), the largest fallback file (JPEG or PNG, which every crawler reads) and its size;
 * without, the picture's own path under the site (`baseUrl/images/x.jpg`).
 */
export function pictureOf(site: Site, image: ArticleImage, images?: PictureLookup): SharedImage {
  const src = normaliseSrc(image.src);
  const processed = images?.get(src);
  if (processed) {
    // Processed URLs already carry the path prefix: add only the origin.
    const { src: url, width, height } = processed.fallback;
    return { url: `${new URL(site.config.baseUrl).origin}${url}`, width, height, alt: image.alt };
  }
  const path = contentPictureUrl(src).split("/").map(encodeURIComponent).join("/");
  return { url: absolute(site, path), width: undefined, height: undefined, alt: image.alt };
}

/** The site's default picture, for pages without one. */
export function defaultImage(site: Site): SharedImage {
  return {
    url: absolute(site, DEFAULT_IMAGE_URL),
    ...DEFAULT_IMAGE_SIZE,
    alt: `${site.config.name}: ${site.config.tagline}`,
  };
}

/** What stands for an article when shared: its lead image, else its gallery's first picture, else the default. */
export function shareImage(site: Site, article: Article | undefined, images?: PictureLookup): SharedImage {
  const picture = article?.image ?? article?.gallery[0];
  return picture ? pictureOf(site, picture, images) : defaultImage(site);
}

/** The publisher, as NewsArticle and other items name it. */
export function publisherJsonLd(site: Site): JsonObject {
  return {
    "@type": "NewsMediaOrganization",
    name: site.config.name,
    url: absolute(site, HOME_URL),
    logo: { "@type": "ImageObject", url: absolute(site, LOGO_URL), ...LOGO_SIZE },
  };
}

/**
 * schema.org NewsArticle for an article page. `author` is the byline when there is one,
 * else the editor (Google wants a person); the editor is also `editor`. The `source` (the
 * outlet the story came from) is `creditText`, schema.org's credit line. Dates carry the
 * site's offset; `dateModified` is the latest of updated and dated corrections.
 */
export function newsArticleJsonLd(site: Site, article: Article, images?: PictureLookup): JsonObject {
  const url = absolute(site, article.url);
  const person = (name: string): JsonObject => ({ "@type": "Person", name });
  return {
    "@context": CONTEXT,
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: article.headline,
    description: article.summary,
    image: [shareImage(site, article, images).url],
    datePublished: formatIso(article.date),
    dateModified: formatIso(lastModified(article)),
    author: [person(article.author ?? article.editor)],
    editor: person(article.editor),
    creditText: article.source,
    publisher: publisherJsonLd(site),
    articleSection: article.section.title,
    ...(article.tags.length > 0 ? { keywords: article.tags.map((tag) => tag.name) } : {}),
    inLanguage: site.config.language,
  };
}

/**
 * BreadcrumbList: Home > top section > section (> article). A top section's own page (and
 * Video, its own one section) is one crumb, not two.
 */
export function breadcrumbJsonLd(site: Site, section: Section, article?: Article): JsonObject {
  const crumbs: { name: string; url: string }[] = [{ name: site.config.words.home, url: HOME_URL }];
  const top = section.parent;
  crumbs.push({ name: top.title, url: sectionUrl(top.slug) });
  if (section !== top) crumbs.push({ name: section.title, url: sectionUrl(section.slug) });
  if (article) crumbs.push({ name: article.headline, url: article.url });
  return {
    "@context": CONTEXT,
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: absolute(site, crumb.url),
    })),
  };
}

/** The query-string template of the search page, for the sitelinks search box. */
export const SEARCH_TERM = "search_term_string";

/** WebSite with a SearchAction on the site's search page (`/search/?q=...`). */
export function websiteJsonLd(site: Site): JsonObject {
  return {
    "@context": CONTEXT,
    "@type": "WebSite",
    name: site.config.name,
    url: absolute(site, HOME_URL),
    inLanguage: site.config.language,
    publisher: publisherJsonLd(site),
    potentialAction: {
      "@type": "SearchAction",
      target: `${absolute(site, SEARCH_URL)}?q={${SEARCH_TERM}}`,
      "query-input": `required name=${SEARCH_TERM}`,
    },
  };
}
