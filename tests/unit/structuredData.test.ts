import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { contentFolder } from "../../src/content/contentFolder.ts";
import type { Article } from "../../src/domain/article.ts";
import { newsSitemapLanguage, openGraphLocale } from "../../src/domain/language.ts";
import { DEFAULT_IMAGE_URL, LOGO_URL } from "../../src/domain/urls.ts";
import type { Site } from "../../src/model/site.ts";
import { siteAssets } from "../../src/output/assets.ts";
import { articlePageMeta, openGraph, twitterCard } from "../../src/render/head/metaTags.ts";
import {
  breadcrumbJsonLd,
  DEFAULT_IMAGE_SIZE,
  type JsonObject,
  LOGO_SIZE,
  newsArticleJsonLd,
  type PictureLookup,
  websiteJsonLd,
} from "../../src/render/head/structuredData.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { loadSite } from "../helpers/site.ts";

const CLOCK = DateTime.fromISO("2026-11-28T12:00:00+08:00");

function load(env: NodeJS.ProcessEnv = {}): Site {
  const dir = makeFixtureContent({
    articles: {
      "lead.md": {
        fields: validFields({
          headline: "Port traffic rises",
          date: "2026-11-27 18:30",
          updated: "2026-11-28 09:05",
          author: "Zhang Yi",
          source: "China Daily",
          editor: "Mo Hong'e",
          summary: "Container traffic rose 8 percent.",
          tags: ["ports", "trade"],
          image: { src: "images/port 1.jpg", alt: "Cranes at the port" },
        }),
      },
      "plain.md": {
        fields: validFields({ headline: "No byline", section: "video", date: "2026-11-26 08:00" }),
      },
    },
  });
  mkdirSync(path.join(dir, "images"), { recursive: true });
  // A JPEG header is all the checks read; this test never decodes it.
  writeFileSync(path.join(dir, "images/port 1.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  return loadSite({ content: contentFolder(dir), mode: "production", clock: CLOCK, env });
}

function find(site: Site, headline: string): Article {
  const article = site.articles.find((a) => a.headline === headline);
  assert.ok(article, headline);
  return article;
}

/** What the layout will do: JSON with `<` escaped, read back. */
function roundTrip(value: JsonObject): Record<string, unknown> {
  const json = JSON.stringify(value).replace(/</g, "\\u003c");
  const back = JSON.parse(json) as Record<string, unknown>;
  assert.deepEqual(back, JSON.parse(JSON.stringify(value)));
  return back;
}

const ISO_BEIJING = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe("structured data", () => {
  const site = load();
  const lead = find(site, "Port traffic rises");
  const plain = find(site, "No byline");

  test("NewsArticle: every property Google reads, dates with the site's offset", () => {
    const data = roundTrip(newsArticleJsonLd(site, lead));
    const url = "https://news.example.org/economy/2026-11-27/lead/";
    assert.deepEqual(data, {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      mainEntityOfPage: { "@type": "WebPage", "@id": url },
      url,
      headline: "Port traffic rises",
      description: "Container traffic rose 8 percent.",
      image: ["https://news.example.org/images/port%201.jpg"],
      datePublished: "2026-11-27T18:30:00+08:00",
      dateModified: "2026-11-28T09:05:00+08:00",
      author: [{ "@type": "Person", name: "Zhang Yi" }],
      editor: { "@type": "Person", name: "Mo Hong'e" },
      creditText: "China Daily",
      publisher: {
        "@type": "NewsMediaOrganization",
        name: "Eastbridge News",
        url: "https://news.example.org/",
        logo: {
          "@type": "ImageObject",
          url: "https://news.example.org/assets/logo.png",
          width: 600,
          height: 60,
        },
      },
      articleSection: "Economy",
      keywords: ["ports", "trade"],
      inLanguage: "en",
    });
    assert.match(String(data.datePublished), ISO_BEIJING);
    assert.match(String(data.dateModified), ISO_BEIJING);
  });

  test("NewsArticle without byline or picture: the editor is the author, the default image stands in", () => {
    const data = roundTrip(newsArticleJsonLd(site, plain));
    assert.deepEqual(data.author, [{ "@type": "Person", name: "Mo Hong'e" }]);
    assert.deepEqual(data.image, [`https://news.example.org${DEFAULT_IMAGE_URL}`]);
    assert.equal(data.dateModified, data.datePublished);
    assert.equal(data.keywords, undefined);
  });

  test("with the build's processed pictures, the picture's real URL (prefix included once)", () => {
    const prefixed = load({ SITE_URL: "https://user.github.io/newsroom/" });
    const images: PictureLookup = new Map([
      [
        "images/port 1.jpg",
        { fallback: { src: "/newsroom/img/abc123-1200.jpeg", srcset: "", width: 1200, height: 800 } },
      ],
    ]);
    const article = find(prefixed, "Port traffic rises");
    assert.deepEqual(newsArticleJsonLd(prefixed, article, images).image, [
      "https://user.github.io/newsroom/img/abc123-1200.jpeg",
    ]);
    const og = openGraph(prefixed, articlePageMeta(article), images);
    assert.deepEqual(
      og.filter((t) => t.property.startsWith("og:image")).map((t) => `${t.property}=${t.content}`),
      [
        "og:image=https://user.github.io/newsroom/img/abc123-1200.jpeg",
        "og:image:width=1200",
        "og:image:height=800",
        "og:image:alt=Cranes at the port",
      ],
    );
    assert.equal(
      newsArticleJsonLd(prefixed, article).url,
      "https://user.github.io/newsroom/economy/2026-11-27/lead/",
    );
  });

  test("breadcrumbs: Home > top section > section > article, positions from 1", () => {
    const data = roundTrip(breadcrumbJsonLd(site, lead.section, lead));
    assert.equal(data["@type"], "BreadcrumbList");
    assert.deepEqual(data.itemListElement, [
      { "@type": "ListItem", position: 1, name: "Home", item: "https://news.example.org/" },
      { "@type": "ListItem", position: 2, name: "Biz", item: "https://news.example.org/biz/" },
      { "@type": "ListItem", position: 3, name: "Economy", item: "https://news.example.org/economy/" },
      {
        "@type": "ListItem",
        position: 4,
        name: "Port traffic rises",
        item: "https://news.example.org/economy/2026-11-27/lead/",
      },
    ]);
  });

  test("breadcrumbs: a top section, and Video (its own section), are one crumb", () => {
    const names = (data: JsonObject) =>
      (roundTrip(data).itemListElement as { name: string; position: number }[]).map(
        (c) => `${c.position}:${c.name}`,
      );
    const biz = site.tree.bySlug.get("biz");
    assert.ok(biz);
    assert.deepEqual(names(breadcrumbJsonLd(site, biz)), ["1:Home", "2:Biz"]);
    assert.deepEqual(names(breadcrumbJsonLd(site, plain.section, plain)), [
      "1:Home",
      "2:Video",
      "3:No byline",
    ]);
  });

  test("WebSite with a SearchAction on the search page", () => {
    const data = roundTrip(websiteJsonLd(site));
    assert.equal(data["@type"], "WebSite");
    assert.equal(data.name, "Eastbridge News");
    assert.equal(data.url, "https://news.example.org/");
    assert.deepEqual(data.potentialAction, {
      "@type": "SearchAction",
      target: "https://news.example.org/search/?q={search_term_string}",
      "query-input": "required name=search_term_string",
    });
  });

  test("Open Graph and Twitter tags for an article: one article:tag per tag", () => {
    const og = openGraph(site, articlePageMeta(lead));
    assert.deepEqual(
      og.map((t) => [t.property, t.content]),
      [
        ["og:title", "Port traffic rises"],
        ["og:type", "article"],
        ["og:url", "https://news.example.org/economy/2026-11-27/lead/"],
        ["og:image", "https://news.example.org/images/port%201.jpg"],
        ["og:image:alt", "Cranes at the port"],
        ["og:site_name", "Eastbridge News"],
        ["og:description", "Container traffic rose 8 percent."],
        ["article:published_time", "2026-11-27T18:30:00+08:00"],
        ["article:modified_time", "2026-11-28T09:05:00+08:00"],
        ["article:section", "Economy"],
        ["article:tag", "ports"],
        ["article:tag", "trade"],
      ],
    );
    assert.deepEqual(
      twitterCard(site, articlePageMeta(lead)).map((t) => [t.name, t.content]),
      [
        ["twitter:card", "summary_large_image"],
        ["twitter:title", "Port traffic rises"],
        ["twitter:description", "Container traffic rose 8 percent."],
        ["twitter:image", "https://news.example.org/images/port%201.jpg"],
        ["twitter:image:alt", "Cranes at the port"],
      ],
    );
  });

  test("Open Graph and Twitter tags for a section page: a website with the default picture", () => {
    const page = { title: "Economy", description: "The latest economy news.", url: "/economy/" };
    const og = new Map(openGraph(site, page).map((t) => [t.property, t.content]));
    assert.equal(og.get("og:type"), "website");
    assert.equal(og.get("og:url"), "https://news.example.org/economy/");
    assert.equal(og.get("og:image"), "https://news.example.org/assets/og-default.png");
    assert.equal(og.get("og:image:width"), "1200");
    assert.equal(og.get("og:image:height"), "630");
    assert.ok(![...og.keys()].some((k) => k.startsWith("article:")));
    const twitter = new Map(twitterCard(site, page).map((t) => [t.name, t.content]));
    assert.equal(twitter.get("twitter:card"), "summary_large_image");
    assert.equal(twitter.get("twitter:image"), "https://news.example.org/assets/og-default.png");
  });

  test("og:locale only when the language names a territory", () => {
    assert.equal(openGraphLocale("en"), undefined);
    assert.equal(openGraphLocale("en-GB"), "en_GB");
    assert.equal(openGraphLocale("zh-Hans"), "zh_CN");
    assert.equal(openGraphLocale("zh-Hant"), "zh_TW");
    assert.equal(newsSitemapLanguage("en-GB"), "en");
    assert.equal(newsSitemapLanguage("zh-Hans"), "zh-cn");
    assert.equal(newsSitemapLanguage("zh-Hant-HK"), "zh-tw");
  });

  test("the default picture and the logo are PNGs of the sizes the constants say", () => {
    const { files } = siteAssets(process.cwd());
    for (const [url, size] of [
      [DEFAULT_IMAGE_URL, DEFAULT_IMAGE_SIZE],
      [LOGO_URL, LOGO_SIZE],
    ] as const) {
      const source = files.find((file) => file.url === url)?.source;
      assert.ok(source, url);
      const png = readFileSync(source);
      assert.equal(png.subarray(1, 4).toString("latin1"), "PNG", source);
      // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
      assert.deepEqual({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, size, source);
      assert.equal(path.basename(source), path.basename(url));
    }
  });
});
