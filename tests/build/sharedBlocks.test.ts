import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { readPage, runBuild, tempOutput } from "../helpers/build.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

const output = tempOutput();
const prefixed = tempOutput();

before(() => {
  const content = makeFixtureContent({
    site: { perPage: 2 },
    articles: {
      "baotou.md": { fields: validFields({ tags: ["rare earths"], top: true }) },
      "fund.md": {
        fields: validFields({ headline: "Baotou fund backs 30 projects", date: "2016-11-04 09:00" }),
      },
      "mine.md": { fields: validFields({ headline: "Mine reopens", date: "2016-11-03 09:00" }) },
      "snow.md": { fields: validFields({ headline: "Snow over the grassland", section: "photo" }) },
      "drone.md": { fields: validFields({ headline: "Drone footage of the zone", section: "video" }) },
    },
    popular: {
      exportedAt: "2026-11-25T12:00:00+08:00",
      pages: [
        { path: "/economy/2016-11-03/mine/", views: 900 },
        { path: "/photo/2016-11-05/snow/", views: 500 },
      ],
    },
  });
  for (const [folder, env] of [
    [output, {}],
    [prefixed, { SITE_URL: "https://user.github.io/newsroom/" }],
  ] as const) {
    const result = runBuild(content, folder, env);
    assert.equal(result.status, 0, result.stderr);
  }
});

/** The sidebar of a page (its `<aside class="sidebar">` element), or of the shared file, its body. */
function sidebarOf(html: string): string {
  return html.match(/<aside class="sidebar"[^>]*>(.*?)<\/aside>/s)?.[1] ?? "";
}
const sharedFile = (folder = output) => readFileSync(path.join(folder, "shared/blocks.html"), "utf8");
const sharedBlocks = (folder = output) => sharedFile(folder).match(/<body>(.*)<\/body>/s)?.[1] ?? "";
/** Each block heading's link: [block, target, text]. */
const headings = (html: string) =>
  [
    ...html.matchAll(/<h2 class="block-title" id="block-([a-z-]+)"><a href="([^"]*)">([^<]*)<\/a><\/h2>/g),
  ].map(([, block, href, text]) => [block, href, text]);

describe("the sidebar blocks' shared file", () => {
  test("holds the four blocks exactly as the home page draws them inline, in a small noindex document", () => {
    const file = sharedFile();
    assert.match(file, /^<!doctype html><html lang="en"><head><meta charset="utf-8"\/?>/);
    assert.match(file, /<meta name="robots" content="noindex"\/?>/);
    const blocks = sharedBlocks();
    assert.equal(blocks, sidebarOf(readPage(output, "/")));
    assert.deepEqual(headings(blocks), [
      ["photo", "/gallery/", "Photo"],
      ["popular", "/most-popular/", "Most popular in 24h"],
      ["top-news", "/top-news/", "Top news"],
      ["video", "/video/", "Video"],
    ]);
    assert.match(blocks, /Snow over the grassland/);
    assert.match(blocks, /Drone footage of the zone/);
    assert.ok(Buffer.byteLength(file) < 4096, `${Buffer.byteLength(file)} bytes`);
  });

  test("article pages, later listing pages, topic pages and Top news load it and keep only the headings", () => {
    for (const url of [
      "/economy/2016-11-05/baotou/",
      "/economy/page/2/",
      "/topics/rare-earths/",
      "/top-news/",
    ]) {
      const html = readPage(output, url);
      assert.match(html, /<aside class="sidebar" data-shared-blocks="\/shared\/blocks\.html">/, url);
      const sidebar = sidebarOf(html);
      // Without the script the headings lead to each block's page; the popular one names it as meant.
      assert.deepEqual(headings(sidebar), headings(sharedBlocks()), url);
      assert.equal(sidebar.match(/class="block-list[^"]*block-pending"/g)?.length, 4, url);
      assert.doesNotMatch(sidebar, /<li|Snow over the grassland|Mine reopens/, url);
    }
  });

  test("the home page, each section's first page and Most popular show the blocks inline", () => {
    for (const url of ["/", "/economy/", "/biz/", "/gallery/", "/most-popular/"]) {
      const html = readPage(output, url);
      assert.doesNotMatch(html, /data-shared-blocks|block-pending/, url);
      assert.equal(sidebarOf(html), sharedBlocks(), url);
    }
  });

  test("keeps each block's space: its size from the model, the same pending and in full", () => {
    const slots = (html: string) => [...html.matchAll(/class="(block-list[^"]*)" style="--slots:(\d+)"/g)];
    const pending = slots(sidebarOf(readPage(output, "/economy/2016-11-05/baotou/")));
    const full = slots(sharedBlocks());
    assert.deepEqual(
      pending.map(([, cls, n]) => [cls?.replace(" block-pending", ""), n]),
      full.map(([, cls, n]) => [cls, n]),
    );
    assert.deepEqual(
      full.map(([, , n]) => n),
      ["5", "10", "5", "5"],
    );
  });
});

describe("the Most popular page", () => {
  test("ranks the block's articles, with their dates, and is kept out of the sitemap", () => {
    const html = readPage(output, "/most-popular/");
    assert.match(html, /<title>Most popular in 24h - Eastbridge News<\/title>/);
    assert.match(html, /<h1 class="listing-title">Most popular in 24h<\/h1>/);
    const ranked = html.match(/<ol class="article-list ranked">(.*?)<\/ol>/s)?.[1] ?? "";
    assert.deepEqual(
      [...ranked.matchAll(/<h2 class="item-headline"><a href="([^"]*)">/g)].map(([, href]) => href),
      ["/economy/2016-11-03/mine/", "/photo/2016-11-05/snow/"],
    );
    assert.match(ranked, /<time datetime="2016-11-03T09:00:00\+08:00">/);
    assert.doesNotMatch(readFileSync(path.join(output, "sitemap.xml"), "utf8"), /most-popular/);
  });
});

describe("_headers for Netlify and Cloudflare Pages", () => {
  test("keeps the shared file briefly and revalidates it; the hashed assets are immutable", () => {
    const immutable = "  Cache-Control: public, max-age=31536000, immutable";
    assert.equal(
      readFileSync(path.join(output, "_headers"), "utf8")
        .split("\n")
        .filter((line) => !line.startsWith("#"))
        .join("\n")
        .replace(/\.[0-9a-f]{10}\./g, ".<hash>."),
      [
        "/shared/blocks.html",
        "  Cache-Control: public, max-age=60, must-revalidate",
        "  X-Robots-Tag: noindex",
        // Each hashed asset by name: the logo and the sharing picture keep fixed names in /assets/.
        ...[
          "favicon.<hash>.svg",
          "print.<hash>.css",
          "search.<hash>.js",
          "site.<hash>.js",
          "site.<hash>.css",
        ].flatMap((name) => [`/assets/${name}`, immutable]),
        "/img/*",
        immutable,
        "",
      ].join("\n"),
    );
  });
});

describe("under a path prefix (https://user.github.io/newsroom/)", () => {
  test("pages load the shared file and every link in it from under the prefix; _headers names prefixed paths", () => {
    const article = readPage(prefixed, "/economy/2016-11-05/baotou/");
    const src = article.match(/data-shared-blocks="([^"]*)"/)?.[1];
    assert.equal(src, "/newsroom/shared/blocks.html");
    assert.ok(existsSync(path.join(prefixed, "shared/blocks.html")));
    const hrefs = [...sharedBlocks(prefixed).matchAll(/(?:href|src|srcset)="([^"]*)"/g)].map(
      ([, url]) => url,
    );
    assert.ok(hrefs.length > 10);
    assert.deepEqual(
      hrefs.filter((url) => !url?.startsWith("/newsroom/")),
      [],
    );
    assert.equal(sidebarOf(readPage(prefixed, "/")), sharedBlocks(prefixed));
    const headers = readFileSync(path.join(prefixed, "_headers"), "utf8");
    assert.match(headers, /^\/newsroom\/shared\/blocks\.html$/m);
    assert.match(headers, /^\/newsroom\/assets\/site\.[0-9a-f]{10}\.css$/m);
  });
});
