import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { readPage, runBuild, tempOutput } from "../helpers/build.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { indexedPages } from "../helpers/searchIndex.ts";

// The fixture's clock (tests/helpers/build.ts): 2026-11-25 17:46 Beijing time.
const output = tempOutput();

before(() => {
  const content = makeFixtureContent({
    articles: {
      "live.md": {
        fields: validFields({
          headline: "Live story",
          date: "2026-11-20 09:00",
          updated: "2026-11-21 10:15",
          correction: [{ date: "2026-11-21 10:15", text: "An earlier version misspelt the mayor's name." }],
          aliases: ["/business/2026-11-19/early-slug/"],
        }),
      },
      "draft.md": { fields: validFields({ headline: "Draft story", date: "2026-11-20 08:00", draft: true }) },
      "later.md": { fields: validFields({ headline: "Scheduled story", date: "2026-12-01 08:00" }) },
      "old.md": {
        fields: validFields({ headline: "Expired story", date: "2026-11-01 08:00", expires: "2026-11-10" }),
      },
      "plain.md": {
        fields: validFields({
          headline: "Plain correction",
          date: "2026-11-02 08:00",
          correction: "A figure was wrong.",
        }),
      },
    },
  });
  const result = runBuild(content, output);
  assert.equal(result.status, 0, result.stderr);
});

describe("publishing states in a production build", () => {
  test("drafts and scheduled articles have no page and appear in no list", () => {
    assert.equal(existsSync(path.join(output, "economy/2026-11-20/draft/index.html")), false);
    assert.equal(existsSync(path.join(output, "economy/2026-12-01/later/index.html")), false);
    const section = readPage(output, "/economy/");
    assert.doesNotMatch(section, /Draft story|Scheduled story/);
  });

  test("an expired article keeps its page but leaves listings, related news and search", () => {
    const page = readPage(output, "/economy/2026-11-01/old/");
    assert.match(page, /<h1 class="headline">Expired story<\/h1>/);
    assert.doesNotMatch(readPage(output, "/economy/"), /Expired story/);
    assert.doesNotMatch(readPage(output, "/economy/2026-11-20/live/"), /Expired story/);
  });

  test("search holds the published articles only: no draft, scheduled or expired one", () => {
    const indexed = indexedPages(output);
    const articleUrls = indexed.map((page) => page.url).filter((url) => url.startsWith("/economy/"));
    assert.deepEqual(articleUrls.sort(), ["/economy/2026-11-02/plain/", "/economy/2026-11-20/live/"]);
    const live = indexed.find((page) => page.url === "/economy/2026-11-20/live/");
    // Its headline is the result's title; its correction is searchable like the rest of its text.
    assert.equal(live?.meta.title, "Live story");
    assert.match(live?.content ?? "", /misspelt the mayor's name/);
    assert.deepEqual(live?.filters.section, ["Biz"], "filtered by its top section");
  });

  test("updated: the dateline adds Updated", () => {
    assert.match(
      readPage(output, "/economy/2026-11-20/live/"),
      /<span class="updated">Updated: <time datetime="2026-11-21T10:15:00\+08:00">2026-11-21 10:15<\/time><\/span>/,
    );
  });

  test("corrections are shown at the end of the article, dated or not", () => {
    const live = readPage(output, "/economy/2026-11-20/live/");
    assert.match(
      live,
      /<h2 class="corrections-title" id="corrections-title">Correction<\/h2>.*2026-11-21 10:15<\/time> An earlier version misspelt the mayor's name\./,
    );
    assert.ok(live.indexOf('class="corrections"') > live.indexOf('class="article-body"'));
    assert.match(readPage(output, "/economy/2026-11-02/plain/"), /<li>A figure was wrong\.<\/li>/);
  });

  test("feeds and sitemaps hold only listed articles: no draft, scheduled or expired one", () => {
    const feeds = ["feeds/rss.xml", "feeds/atom.xml", "feeds/economy/rss.xml"].map((feed) =>
      readFileSync(path.join(output, feed), "utf8"),
    );
    for (const feed of feeds) {
      assert.match(feed, /Live story/);
      assert.doesNotMatch(feed, /Draft story|Scheduled story|Expired story/);
    }
    const sitemap = readFileSync(path.join(output, "sitemap.xml"), "utf8");
    assert.match(sitemap, /\/economy\/2026-11-20\/live\//);
    assert.doesNotMatch(sitemap, /\/draft\/|\/later\/|\/old\/|early-slug/);
  });

  test("an alias is a redirect page with a canonical link to the article", () => {
    const redirect = readPage(output, "/business/2026-11-19/early-slug/");
    assert.match(
      redirect,
      /<link rel="canonical" href="https:\/\/news\.example\.org\/economy\/2026-11-20\/live\/"\/>/,
    );
    assert.match(redirect, /<meta http-equiv="refresh" content="0; url=\/economy\/2026-11-20\/live\/"\/>/);
    assert.match(redirect, /<a href="\/economy\/2026-11-20\/live\/">Live story<\/a>/);
  });
});
