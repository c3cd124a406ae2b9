import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { searchIndexFolders, searchParts } from "../../src/publish/searchDocuments.ts";
import { loadSite } from "../../src/site/model.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

test("the search index is split into as few parts as the part size allows, of even size", () => {
  // Six published articles, one draft and the fixture's About Us page: seven searchable pages.
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
  const site = loadSite({
    content,
    mode: "production",
    clock: DateTime.fromISO("2026-11-28T12:00:00+08:00"),
    env: {},
  });
  const written = [...site.articles, ...site.routes.flatMap((r) => (r.kind === "page" ? [r.page] : []))];
  const parts = searchParts(site, new Map(written.map((item) => [item.file, "<p>Text.</p>"])));

  assert.deepEqual(
    parts.map((part) => [part.folder, part.documents.length]),
    [
      ["pagefind/1/", 2],
      ["pagefind/2/", 2],
      ["pagefind/3/", 3],
    ],
  );
  assert.deepEqual(searchIndexFolders(site), ["pagefind/1/", "pagefind/2/", "pagefind/3/"]);
  const urls = parts.flatMap((part) => part.documents.map((document) => document.url));
  assert.equal(new Set(urls).size, 7, "every page once");
  assert.ok(!urls.some((url) => url.includes("draft")), "no draft");
});
