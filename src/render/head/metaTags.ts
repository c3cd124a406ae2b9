import type { Article, ArticleImage } from "../../domain/article.ts";
import { formatIso } from "../../domain/dates.ts";
import { openGraphLocale } from "../../domain/language.ts";
import { absoluteUrl } from "../../domain/urls.ts";
import { lastModified } from "../../model/lastModified.ts";
import type { Site } from "../../model/site.ts";
import { type PictureLookup, pictureOf, type SharedImage, shareImage } from "./structuredData.ts";

/** What a page says about itself when shared; serves every page kind. */
export interface PageMeta {
  /** The page's own title, without the site name (an article's headline, a section's title). */
  readonly title: string;
  readonly description: string;
  /** Root-relative URL without the path prefix, like a route's. */
  readonly url: string;
  /** A picture of the page (`src` as in front matter); else the article's, else the site default. */
  readonly image?: ArticleImage | undefined;
  /** For an article page: og:type `article` and the `article:*` properties. */
  readonly article?: Article | undefined;
}

export interface MetaProperty {
  readonly property: string;
  readonly content: string;
}

export interface MetaName {
  readonly name: string;
  readonly content: string;
}

/** The fields of PageMeta for an article page. */
export function articlePageMeta(article: Article): PageMeta {
  return { title: article.headline, description: article.summary, url: article.url, article };
}

/**
 * Open Graph `<meta property content>` tags. `images` (the build's processed pictures, as
 * pages get them) gives the real picture URL and size; see `pictureOf`.
 */
export function openGraph(site: Site, page: PageMeta, images?: PictureLookup): MetaProperty[] {
  const image = imageOf(site, page, images);
  const tags: [string, string | number | undefined][] = [
    ["og:title", page.title],
    ["og:type", page.article ? "article" : "website"],
    ["og:url", absoluteUrl(site.config.baseUrl, page.url)],
    ["og:image", image.url],
    ["og:image:width", image.width],
    ["og:image:height", image.height],
    ["og:image:alt", image.alt],
    ["og:site_name", site.config.name],
    ["og:description", page.description],
    ["og:locale", openGraphLocale(site.config.language)],
  ];
  const { article } = page;
  if (article) {
    tags.push(
      ["article:published_time", formatIso(article.date)],
      ["article:modified_time", formatIso(lastModified(article))],
      ["article:expiration_time", article.expires && formatIso(article.expires)],
      ["article:section", article.section.title],
      ...article.tags.map((tag): [string, string] => ["article:tag", tag.name]),
    );
  }
  return tags.flatMap(([property, content]) =>
    content === undefined || content === "" ? [] : [{ property, content: String(content) }],
  );
}

/** Twitter card `<meta name content>` tags: a large-image summary card. */
export function twitterCard(site: Site, page: PageMeta, images?: PictureLookup): MetaName[] {
  const image = imageOf(site, page, images);
  return [
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: page.title },
    { name: "twitter:description", content: page.description },
    { name: "twitter:image", content: image.url },
    { name: "twitter:image:alt", content: image.alt },
  ].filter((tag) => tag.content !== "");
}

function imageOf(site: Site, page: PageMeta, images: PictureLookup | undefined): SharedImage {
  return page.image ? pictureOf(site, page.image, images) : shareImage(site, page.article, images);
}
