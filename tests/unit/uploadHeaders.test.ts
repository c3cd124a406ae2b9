import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { siteAssets } from "../../src/output/assets.ts";
import { cacheControlOf, contentTypeOf, uploadGroups } from "../../src/output/uploadHeaders.ts";
import { PROJECT } from "../helpers/build.ts";

const YEAR = "public, max-age=31536000, immutable";
const MINUTES = "public, max-age=300";
const MINUTE = "public, max-age=60, must-revalidate";

describe("the headers a bucket stores each file with", () => {
  test("files named by their content are kept for a year; everything else a few minutes; the shared blocks a minute", () => {
    for (const url of Object.values(siteAssets(PROJECT).urls))
      assert.equal(cacheControlOf(url.slice(1)), YEAR, url);
    assert.equal(cacheControlOf("img/EDL6QblRZm-1200.avif"), YEAR);
    // Fixed names, which crawlers cache by URL: a new logo must reach them.
    assert.equal(cacheControlOf("assets/logo.png"), MINUTES);
    assert.equal(cacheControlOf("assets/og-default.png"), MINUTES);
    assert.equal(cacheControlOf("assets/site.css"), MINUTES);
    for (const file of ["index.html", "economy/2026-11-28/story/index.html", "feeds/atom.xml", "sitemap.xml"])
      assert.equal(cacheControlOf(file), MINUTES, file);
    assert.equal(cacheControlOf("pagefind/1/pagefind.js"), MINUTES);
    assert.equal(cacheControlOf("shared/blocks.html"), MINUTE);
    assert.equal(cacheControlOf("economy/shared/blocks.html"), MINUTES);
  });

  test("Content-Type by extension, as static hosts serve them", () => {
    for (const [file, type] of [
      ["index.html", "text/html; charset=utf-8"],
      ["assets/site.2f1fb20681.css", "text/css; charset=utf-8"],
      ["assets/site.ab7d755b02.js", "text/javascript; charset=utf-8"],
      ["assets/favicon.be69db3273.svg", "image/svg+xml"],
      ["img/a-480.AVIF", "image/avif"],
      ["img/a-480.webp", "image/webp"],
      ["img/a-480.jpeg", "image/jpeg"],
      ["feeds/economy/rss.xml", "application/xml"],
      ["robots.txt", "text/plain; charset=utf-8"],
      ["pagefind/1/pagefind-entry.json", "application/json"],
      ["pagefind/1/fragment/en_1a2b.pf_fragment", "application/octet-stream"],
      ["pagefind/1/wasm.en.pagefind", "application/octet-stream"],
    ] as const)
      assert.equal(contentTypeOf(file), type, file);
  });

  test("files with the same headers go in one group, and what a file links to goes before it", () => {
    const groups = uploadGroups([
      "shared/blocks.html",
      "economy/index.html",
      "index.html",
      "assets/site.2f1fb20681.css",
      "img/a-480.avif",
      "img/b-480.avif",
      "feeds/atom.xml",
    ]);
    assert.deepEqual(
      groups.map((group) => [group.headers.cacheControl, group.headers.contentType, group.files]),
      [
        [YEAR, "image/avif", ["img/a-480.avif", "img/b-480.avif"]],
        [YEAR, "text/css; charset=utf-8", ["assets/site.2f1fb20681.css"]],
        [MINUTES, "application/xml", ["feeds/atom.xml"]],
        [MINUTES, "text/html; charset=utf-8", ["economy/index.html", "index.html"]],
        [MINUTE, "text/html; charset=utf-8", ["shared/blocks.html"]],
      ],
    );
  });
});
