import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { XMLParser } from "fast-xml-parser";
import { DateTime } from "luxon";
import { contentFolder } from "../../src/content/contentFolder.ts";
import type { Site } from "../../src/model/site.ts";
import { buildFeeds, FEED_SIZE, ltEscapedInAttributes } from "../../src/output/feeds.ts";
import type { OutputFile } from "../../src/output/outputFile.ts";
import { feedLinksFor } from "../../src/render/head/feedLinks.ts";
import { type FixtureOptions, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { loadSite } from "../helpers/site.ts";

const CLOCK = DateTime.fromISO("2026-11-28T12:00:00+08:00");

function load(options: FixtureOptions, env: NodeJS.ProcessEnv = {}): Site {
  return loadSite({
    content: contentFolder(makeFixtureContent(options)),
    mode: "production",
    clock: CLOCK,
    env,
  });
}

/** 55 Economy stories an hour apart (Story 0 oldest), and a few in other sections. */
function newsroom(): FixtureOptions["articles"] {
  const articles: FixtureOptions["articles"] = {};
  const start = DateTime.fromISO("2026-11-01T08:00:00", { zone: "Asia/Shanghai" });
  for (let i = 0; i < 55; i++) {
    articles[`economy/story-${i}.md`] = {
      fields: validFields({
        headline: `Story ${i}`,
        date: start.plus({ hours: i }).toFormat("yyyy-MM-dd HH:mm"),
      }),
    };
  }
  articles["politics.md"] = {
    fields: validFields({
      headline: "Talks & trade <resume>",
      section: "politics",
      date: "2026-11-20 09:15",
      updated: "2026-11-21 18:30",
      author: "Zhang Yi",
      source: "Xinhua",
      editor: "Li Na",
      summary: "Both sides met again & agreed.",
      tags: ["trade", "diplomacy"],
    }),
  };
  articles["sports.md"] = {
    fields: validFields({ headline: "Final won", section: "sports", date: "2026-11-19 20:00" }),
  };
  articles["bar.md"] = {
    fields: validFields({ headline: "New bar", section: "bar-club", date: "2026-11-18 21:00" }),
  };
  articles["video.md"] = {
    fields: validFields({ headline: "On film", section: "video", date: "2026-11-17 10:00" }),
  };
  return articles;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  // Lists where the formats allow several; Atom's `link` too (RSS has one).
  isArray: (name, jpath) =>
    ["item", "entry", "category", "author", "contributor", "dc:creator"].includes(name) ||
    (name === "link" && String(jpath).startsWith("feed.")),
});

type Xml = Record<string, unknown>;
const text = (value: unknown): string =>
  typeof value === "string" ? value : String((value as Xml | undefined)?.["#text"] ?? "");

function parsed(files: readonly OutputFile[], url: string): Xml {
  const file = files.find((f) => f.url === url);
  assert.ok(file, `no ${url}`);
  return parser.parse(file.content) as Xml;
}

function rssItems(files: readonly OutputFile[], url: string): Xml[] {
  const channel = (parsed(files, url).rss as Xml).channel as Xml;
  return (channel.item as Xml[] | undefined) ?? [];
}

function atomEntries(files: readonly OutputFile[], url: string): Xml[] {
  return ((parsed(files, url).feed as Xml).entry as Xml[] | undefined) ?? [];
}

describe("feeds", () => {
  const site = load({ articles: newsroom() });
  const files = buildFeeds(site);

  test("one Atom and one RSS feed for the site and for each section and top section, Video once", () => {
    const urls = files.map((f) => f.url);
    assert.equal(new Set(urls).size, urls.length);
    assert.equal(files.length, 2 * (1 + site.tree.bySlug.size));
    for (const url of [
      "/feeds/atom.xml",
      "/feeds/rss.xml",
      "/feeds/economy/rss.xml",
      "/feeds/biz/atom.xml",
    ]) {
      assert.ok(urls.includes(url), url);
    }
    assert.equal(urls.filter((u) => u.startsWith("/feeds/video/")).length, 2);
  });

  test("every RSS feed has what RSS 2.0 requires", () => {
    for (const file of files.filter((f) => f.url.endsWith("/rss.xml"))) {
      const rss = parser.parse(file.content).rss as Xml;
      assert.equal(rss["@version"], "2.0", file.url);
      const channel = rss.channel as Xml;
      assert.ok(text(channel.title), file.url);
      assert.match(text(channel.link), /^https:\/\/news\.example\.org\//);
      assert.equal(text(channel.description), "China and the world, in English");
      assert.equal(text(channel.language), "en");
      assert.equal(text(channel.generator), "newsdesk");
      assert.match(text(channel.copyright), /^Copyright ©2009-2026 Eastbridge News\. All rights reserved\.$/);
      const self = channel["atom:link"] as Xml;
      assert.equal(self["@rel"], "self");
      assert.equal(self["@href"], `https://news.example.org${file.url}`);
      for (const item of (channel.item as Xml[] | undefined) ?? []) {
        assert.ok(text(item.title));
        assert.match(
          text(item.link),
          /^https:\/\/news\.example\.org\/[a-z-]+\/\d{4}-\d{2}-\d{2}\/[a-z0-9-]+\/$/,
        );
        assert.equal(text(item.guid), text(item.link));
        assert.equal((item.guid as Xml)["@isPermaLink"], "true");
        assert.match(text(item.pubDate), /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      }
    }
  });

  test("every Atom feed has what Atom 1.0 requires", () => {
    for (const file of files.filter((f) => f.url.endsWith("/atom.xml"))) {
      const feed = parser.parse(file.content).feed as Xml;
      assert.equal(feed["@xmlns"], "http://www.w3.org/2005/Atom");
      assert.match(text(feed.id), /^https:\/\/news\.example\.org\//);
      assert.ok(text(feed.title));
      assert.match(text(feed.updated), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      // The feed has an author, so entries need not (Atom 4.1.1).
      assert.equal(text((feed.author as Xml[])[0]?.name), "Eastbridge News");
      const links = feed.link as Xml[];
      assert.ok(
        links.some((l) => l["@rel"] === "self" && l["@href"] === `https://news.example.org${file.url}`),
      );
      assert.ok(links.some((l) => l["@rel"] === "alternate" && l["@href"] === text(feed.id)));
      for (const entry of (feed.entry as Xml[] | undefined) ?? []) {
        assert.match(text(entry.id), /^https:\/\/news\.example\.org\//);
        assert.ok(text(entry.title));
        assert.match(text(entry.updated), /Z$/);
        assert.equal((entry.link as Xml[])[0]?.["@href"], text(entry.id));
      }
    }
  });

  test("the newest 50 articles, newest first, in both formats", () => {
    const newest = site.articles.slice(0, FEED_SIZE).map((a) => `https://news.example.org${a.url}`);
    assert.equal(site.articles.length, 59);
    assert.deepEqual(
      rssItems(files, "/feeds/rss.xml").map((i) => text(i.link)),
      newest,
    );
    assert.deepEqual(
      atomEntries(files, "/feeds/atom.xml").map((e) => text(e.id)),
      newest,
    );
    const economy = atomEntries(files, "/feeds/economy/atom.xml").map((e) => text(e.title));
    assert.equal(economy.length, FEED_SIZE);
    assert.equal(economy[0], "Story 54");
    assert.equal(economy.at(-1), "Story 5");
  });

  test("an item: headline, link, dates with their offset, section, credits and summary", () => {
    const entry = atomEntries(files, "/feeds/politics/atom.xml")[0];
    assert.ok(entry);
    // Atom declares the title and summary HTML: plain text is escaped once, for the reader to unescape.
    assert.equal(text(entry.title), "Talks &amp; trade &lt;resume&gt;");
    assert.equal(text(entry.summary), "Both sides met again &amp; agreed.");
    // 09:15 in Beijing (+08:00) is 01:15 UTC: the same instant.
    assert.equal(text(entry.published), "2026-11-20T01:15:00.000Z");
    assert.equal(text(entry.updated), "2026-11-21T10:30:00.000Z");
    const category = (entry.category as Xml[])[0];
    assert.equal(category?.["@term"], "Politics");
    assert.equal(category?.["@label"], "Politics");
    assert.deepEqual(
      (entry.author as Xml[]).map((a) => text(a.name)),
      ["Zhang Yi", "Xinhua"],
    );
    assert.deepEqual(
      (entry.contributor as Xml[]).map((a) => text(a.name)),
      ["Li Na"],
    );

    const item = rssItems(files, "/feeds/politics/rss.xml")[0];
    assert.ok(item);
    assert.equal(text(item.title), "Talks & trade <resume>");
    assert.equal(text(item.description), "Both sides met again &amp; agreed.");
    assert.equal(text(item.pubDate), "Fri, 20 Nov 2026 01:15:00 GMT");
    assert.deepEqual((item.category as unknown[]).map(text), ["Politics"]);
    assert.deepEqual(
      (item["dc:creator"] as Xml[]).map((c) => [text(c), c["@xmlns:dc"]]),
      [
        ["Zhang Yi", "http://purl.org/dc/elements/1.1/"],
        ["Xinhua", "http://purl.org/dc/elements/1.1/"],
      ],
    );
    assert.equal(text(item["dc:contributor"]), "Li Na");
    assert.equal(item.author, undefined, "RSS <author> is for e-mail addresses");
  });

  test("feed titles and updated dates come from the articles, not the wall clock", () => {
    const economy = parsed(files, "/feeds/economy/atom.xml").feed as Xml;
    assert.equal(text(economy.title), "Economy - Eastbridge News");
    assert.equal(text(economy.updated), "2026-11-03T06:00:00.000Z");
    const channel = (parsed(files, "/feeds/economy/rss.xml").rss as Xml).channel as Xml;
    assert.equal(text(channel.lastBuildDate), "Tue, 03 Nov 2026 06:00:00 GMT");
    // Politics was updated after it was published: its feed says so.
    assert.equal(
      text((parsed(files, "/feeds/politics/atom.xml").feed as Xml).updated),
      "2026-11-21T10:30:00.000Z",
    );
    // A section without articles: a valid, empty feed dated at the build's clock.
    const empty = parsed(files, "/feeds/food/atom.xml").feed as Xml;
    assert.equal(empty.entry, undefined);
    assert.equal(text(empty.updated), "2026-11-28T04:00:00.000Z");
    assert.equal(rssItems(files, "/feeds/food/rss.xml").length, 0);
  });

  test("a section's feed holds its own articles; a top section's gathers its sections'", () => {
    const titles = (url: string) => atomEntries(files, url).map((e) => text(e.title));
    assert.deepEqual(titles("/feeds/politics/atom.xml"), ["Talks &amp; trade &lt;resume&gt;"]);
    assert.deepEqual(titles("/feeds/sports/atom.xml"), ["Final won"]);
    assert.deepEqual(titles("/feeds/news/atom.xml"), ["Talks &amp; trade &lt;resume&gt;", "Final won"]);
    assert.deepEqual(titles("/feeds/travel/atom.xml"), ["New bar"]);
    assert.deepEqual(titles("/feeds/video/atom.xml"), ["On film"]);
    assert.ok(titles("/feeds/biz/atom.xml").every((t) => t.startsWith("Story ")));
    assert.equal(titles("/feeds/biz/atom.xml").length, FEED_SIZE);
    const bar = parsed(files, "/feeds/bar-club/rss.xml").rss as Xml;
    assert.equal(text((bar.channel as Xml).title), "Bar & Club - Eastbridge News");
  });

  test("the same content gives the same bytes", () => {
    assert.deepEqual(buildFeeds(site), files);
    assert.deepEqual(buildFeeds(load({ articles: newsroom() })), files);
  });

  test("a site under a path prefix links and names its feeds under it", () => {
    const prefixed = load({ articles: newsroom() }, { SITE_URL: "https://user.github.io/newsroom/" });
    const out = buildFeeds(prefixed);
    const feed = parsed(out, "/feeds/economy/atom.xml").feed as Xml;
    assert.equal(text(feed.id), "https://user.github.io/newsroom/economy/");
    assert.ok(
      (feed.link as Xml[]).some(
        (l) => l["@href"] === "https://user.github.io/newsroom/feeds/economy/atom.xml",
      ),
    );
    assert.match(
      text(atomEntries(out, "/feeds/economy/atom.xml")[0]?.id),
      /^https:\/\/user\.github\.io\/newsroom\/economy\//,
    );
  });

  test("feedLinksFor: the site's feeds on every page, the section's own first on its pages", () => {
    assert.deepEqual(feedLinksFor(site, undefined), [
      { title: "Eastbridge News (Atom)", url: "/feeds/atom.xml", type: "application/atom+xml" },
      { title: "Eastbridge News (RSS)", url: "/feeds/rss.xml", type: "application/rss+xml" },
    ]);
    const economy = site.tree.bySlug.get("economy");
    assert.deepEqual(
      feedLinksFor(site, economy).map((l) => `${l.title} ${l.url}`),
      [
        "Economy - Eastbridge News (Atom) /feeds/economy/atom.xml",
        "Economy - Eastbridge News (RSS) /feeds/economy/rss.xml",
        "Eastbridge News (Atom) /feeds/atom.xml",
        "Eastbridge News (RSS) /feeds/rss.xml",
      ],
    );
    const feedUrls = new Set(files.map((f) => f.url));
    for (const section of site.tree.bySlug.values()) {
      for (const link of feedLinksFor(site, section)) assert.ok(feedUrls.has(link.url), link.url);
    }
  });
});

describe("XML attributes", () => {
  test("< inside an attribute value is escaped; text and CDATA are left as they are", () => {
    assert.equal(
      ltEscapedInAttributes('<a b="x <y> &amp;"><![CDATA[<q a="<">]]>t &lt;<c d=\'<\'/></a>'),
      '<a b="x &lt;y> &amp;"><![CDATA[<q a="<">]]>t &lt;<c d=\'&lt;\'/></a>',
    );
  });
});
