import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { searchIndexFolders, searchIndexParts } from "../../src/model/searchParts.ts";
import { type SearchDocument, searchables } from "../../src/output/search/searchDocuments.ts";
import { searchFeed } from "../../src/output/search/searchFeed.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { loadSite } from "../helpers/site.ts";

/** Six published articles, one draft and the fixture's About Us page: seven searchable pages. */
function fixtureSite() {
  const articles = Object.fromEntries(
    Array.from({ length: 6 }, (_, i) => [
      `story-${i}.md`,
      { fields: validFields({ headline: `Story number ${i}`, date: `2016-11-0${i + 1} 09:00` }) },
    ]),
  );
  const content = contentFolder(
    makeFixtureContent({
      articles: { ...articles, "draft.md": { fields: validFields({ headline: "A draft", draft: true }) } },
      site: { searchPartSize: 3 },
    }),
  );
  return loadSite({
    content,
    mode: "production",
    clock: DateTime.fromISO("2026-11-28T12:00:00+08:00"),
    env: {},
  });
}

describe("the search index's pages and parts", () => {
  test("pages first, then published articles newest first; no draft", () => {
    const urls = searchables(fixtureSite()).map((page) => page.document("<p>Text.</p>").url);
    assert.equal(urls.length, 7);
    assert.equal(urls[0], "/about-us/");
    assert.match(urls[1] ?? "", /2016-11-06/);
    assert.match(urls[6] ?? "", /2016-11-01/);
    assert.ok(!urls.some((url) => url.includes("draft")));
  });

  test("as few parts as the part size allows, of even size", () => {
    assert.deepEqual(searchIndexFolders(fixtureSite()), ["pagefind/1/", "pagefind/2/", "pagefind/3/"]);
    assert.deepEqual(
      searchIndexParts(7, 3).map((part) => part.pages),
      [2, 2, 3],
    );
    assert.deepEqual(
      searchIndexParts(10_005, 5_000).map((part) => part.pages),
      [3335, 3335, 3335],
    );
    assert.deepEqual(
      searchIndexParts(0, 5_000).map((part) => part.pages),
      [0],
    );
  });

  test("the feed sends documents in order, each once its body and every body before it are ready", () => {
    const pages = searchables(fixtureSite());
    const sent: SearchDocument[][] = [];
    const feed = searchFeed(pages, (documents) => sent.push([...documents]));
    const body = (n: number): [string, string] => [pages[n]?.item.file ?? "", `<p>Body ${n}</p>`];

    feed.offer(new Map([body(1), body(2)]));
    assert.equal(sent.length, 0, "nothing before the first page's body");
    feed.offer(new Map([body(0), body(1), body(2), body(4)]));
    assert.deepEqual(
      sent.map((documents) => documents.map((document) => document.url)),
      [pages.slice(0, 3).map((page) => page.document("").url)],
    );
    assert.throws(() => feed.finish(new Map([body(3)])), /no body was rendered/);
    feed.finish(new Map(pages.map((_, n) => body(n))));
    assert.equal(sent.flat().length, 7);
    assert.match(sent.flat()[6]?.html ?? "", /Body 6/);
  });
});
