import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { contentFolder } from "../../src/content/contentFolder.ts";
import type { Article } from "../../src/domain/article.ts";
import type { PlainPage } from "../../src/domain/page.ts";
import { type SearchDocument, searchDocument } from "../../src/output/search/searchDocuments.ts";
import { searchFeed } from "../../src/output/search/searchFeed.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { loadSite } from "../helpers/site.ts";

/** Articles on the given dates (site time), one draft, and the fixture's About Us page. */
function fixtureSite(dates: readonly string[], partSize: number) {
  const articles = Object.fromEntries(
    dates.map((date, i) => [
      `story-${i}.md`,
      { fields: validFields({ headline: `Story number ${i}`, date }) },
    ]),
  );
  const content = contentFolder(
    makeFixtureContent({
      articles: { ...articles, "draft.md": { fields: validFields({ headline: "A draft", draft: true }) } },
      site: { searchPartSize: partSize },
    }),
  );
  return loadSite({
    content,
    mode: "production",
    clock: DateTime.fromISO("2026-11-28T12:00:00+08:00"),
    env: {},
  });
}

const folders = (site: ReturnType<typeof fixtureSite>) => site.searchParts.map((part) => part.folder);

describe("the search index's parts", () => {
  test("a small archive is one part, newest first, no draft; the plain pages have a part of their own, second", () => {
    const site = fixtureSite(["2016-11-01 09:00", "2016-11-03 09:00", "2025-02-01 10:00"], 1000);
    assert.deepEqual(folders(site), ["pagefind/all/", "pagefind/pages/"]);
    const [articles, pages] = site.searchParts;
    assert.deepEqual(
      articles?.items.map((item) => (item as Article).headline),
      ["Story number 2", "Story number 1", "Story number 0"],
    );
    assert.deepEqual(
      pages?.items.map((item) => (item as PlainPage).url),
      ["/about-us/"],
    );
  });

  test("an archive over the part size splits by year, then halves, quarters, months, half-months and days", () => {
    const dates = [
      "2016-11-01 09:00",
      "2016-11-02 09:00",
      "2024-03-01 09:00",
      "2025-01-10 09:00",
      "2025-01-20 09:00",
      "2025-02-01 09:00",
      "2025-08-01 09:00",
    ];
    assert.deepEqual(folders(fixtureSite(dates, 2)), [
      "pagefind/2025-h2/",
      "pagefind/pages/",
      "pagefind/2025-02/",
      "pagefind/2025-01/",
      "pagefind/2024/",
      "pagefind/2016/",
    ]);
    assert.deepEqual(folders(fixtureSite(dates, 1)).slice(0, 5), [
      "pagefind/2025-h2/",
      "pagefind/pages/",
      "pagefind/2025-02/",
      "pagefind/2025-01b/",
      "pagefind/2025-01a/",
    ]);
  });

  test("years before the newest article's take parts five times as large", () => {
    const older = ["2016-11-01 09:00", "2016-11-02 09:00", "2016-12-01 09:00", "2017-03-01 09:00"];
    const newest = ["2025-01-10 09:00", "2025-08-01 09:00"];
    // 2016's three articles stay one part at a part size of 1 (older years: up to 5); 2025 splits.
    assert.deepEqual(folders(fixtureSite([...older, ...newest], 1)), [
      "pagefind/2025-h2/",
      "pagefind/pages/",
      "pagefind/2025-h1/",
      "pagefind/2017/",
      "pagefind/2016/",
    ]);
  });

  test("an article added to one span leaves every other part as it was", () => {
    const dates = [
      "2016-11-01 09:00",
      "2016-11-02 09:00",
      "2024-03-01 09:00",
      "2025-01-10 09:00",
      "2025-06-01 09:00",
      "2025-08-01 09:00",
    ];
    const before = fixtureSite(dates, 2).searchParts;
    const after = fixtureSite([...dates, "2025-08-02 09:00"], 2).searchParts;
    const items = (parts: typeof before) =>
      new Map(parts.map((part) => [part.folder, part.items.map((item) => item.url).join(" ")]));
    const [was, now] = [items(before), items(after)];
    const changed = [...now.keys()].filter((folder) => was.get(folder) !== now.get(folder));
    assert.deepEqual(changed, ["pagefind/2025-h2/"]);
  });

  test("the feed sends documents in order, each once its body and every body before it are ready", () => {
    const site = fixtureSite(
      ["2016-11-01 09:00", "2016-11-02 09:00", "2016-11-03 09:00", "2016-11-04 09:00"],
      1000,
    );
    const pages = site.searchParts.flatMap((part) => part.items);
    const sent: SearchDocument[][] = [];
    const feed = searchFeed(pages, searchDocument, (documents) => sent.push([...documents]));
    const body = (n: number): [string, string] => [pages[n]?.file ?? "", `<p>Body ${n}</p>`];

    feed.offer(new Map([body(1), body(2)]));
    assert.equal(sent.length, 0, "nothing before the first page's body");
    feed.offer(new Map([body(0), body(1), body(2), body(4)]));
    assert.deepEqual(
      sent.map((documents) => documents.map((document) => document.url)),
      [pages.slice(0, 3).map((page) => page.url)],
    );
    assert.throws(() => feed.finish(new Map([body(3)])), /no body was rendered/);
    feed.finish(new Map(pages.map((_, n) => body(n))));
    assert.equal(sent.flat().length, 5);
    assert.match(sent.flat()[4]?.html ?? "", /Body 4/);
  });
});
