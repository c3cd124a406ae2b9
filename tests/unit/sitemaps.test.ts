import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { XMLParser } from "fast-xml-parser";
import { DateTime } from "luxon";
import { contentFolder } from "../../src/content/contentFolder.ts";
import type { BuildMode, Site } from "../../src/model/site.ts";
import type { OutputFile } from "../../src/output/outputFile.ts";
import { buildSitemaps, NEWS_NAMESPACE, recentArticles } from "../../src/output/sitemaps.ts";
import { type FixtureOptions, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { loadSite } from "../helpers/site.ts";

const CLOCK = DateTime.fromISO("2026-11-28T12:00:00+08:00");

function load(options: FixtureOptions, mode: BuildMode = "production", env: NodeJS.ProcessEnv = {}): Site {
  return loadSite({ content: contentFolder(makeFixtureContent(options)), mode, clock: CLOCK, env });
}

/** Site time (Beijing) `hours` before the clock, as an editor writes it. */
function hoursBefore(hours: number): string {
  return CLOCK.minus({ hours }).setZone("Asia/Shanghai").toFormat("yyyy-MM-dd HH:mm");
}

const ARTICLES: FixtureOptions["articles"] = {
  "fresh.md": { fields: validFields({ headline: "Fresh & new", date: hoursBefore(1), tags: ["ports"] }) },
  "day-old.md": { fields: validFields({ headline: "Day old", section: "sports", date: hoursBefore(47) }) },
  "edge.md": { fields: validFields({ headline: "Exactly two days", date: hoursBefore(48) }) },
  "stale.md": { fields: validFields({ headline: "Stale", date: hoursBefore(49), tags: ["ports"] }) },
  "later.md": { fields: validFields({ headline: "Later today", date: "2026-11-28 13:00" }) },
  "draft.md": { fields: validFields({ headline: "Draft", date: hoursBefore(2), draft: true }) },
  "updated.md": {
    fields: validFields({
      headline: "Updated story",
      section: "politics",
      date: "2026-10-01 08:00",
      updated: "2026-10-02 09:30",
      aliases: ["/politics/2026-10-01/old-name/"],
    }),
  },
  "corrected.md": {
    fields: validFields({
      headline: "Corrected story",
      section: "politics",
      date: "2026-09-01 08:00",
      updated: "2026-09-02 08:00",
      correction: [{ date: "2026-09-05 16:45", text: "An earlier version gave the wrong year." }],
    }),
  },
  "expired.md": {
    fields: validFields({ headline: "Expired offer", date: "2026-08-01 08:00", expires: "2026-09-01 00:00" }),
  },
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => name === "url" || name === "sitemap",
});

type Xml = Record<string, unknown>;

function file(files: readonly OutputFile[], url: string): OutputFile {
  const found = files.find((f) => f.url === url);
  assert.ok(found, `no ${url} among ${files.map((f) => f.url).join(", ")}`);
  return found;
}

function urlsOf(files: readonly OutputFile[], url: string): Xml[] {
  const urlset = parser.parse(file(files, url).content).urlset as Xml | "" | undefined;
  assert.notEqual(urlset, undefined, `${url} is not a urlset`);
  return (((urlset || {}) as Xml).url as Xml[] | undefined) ?? [];
}

/** What a sitemap says for each URL: its lastmod, or "" for none. */
function lastmods(entries: readonly Xml[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const entry of entries) {
    const loc = String(entry.loc);
    assert.ok(!result.has(loc), `${loc} is listed twice`);
    result.set(loc, String(entry.lastmod ?? ""));
  }
  return result;
}

const utc = (site: string) =>
  DateTime.fromFormat(site, "yyyy-MM-dd HH:mm", { zone: "Asia/Shanghai" }).toUTC().toISO() ?? "";

describe("sitemaps", async () => {
  const site = load({ articles: ARTICLES });
  const files = await buildSitemaps(site);

  test("sitemap.xml, news-sitemap.xml and robots.txt", () => {
    assert.deepEqual(
      files.map((f) => f.url),
      ["/sitemap.xml", "/news-sitemap.xml", "/robots.txt"],
    );
  });

  test("every page once, at its absolute URL; not the 404, redirects, Most popular or expired articles", () => {
    const listed = lastmods(urlsOf(files, "/sitemap.xml"));
    const expected = site.routes
      .filter((r) => r.kind !== "notFound" && r.kind !== "redirect" && r.kind !== "popular")
      .filter((r) => !(r.kind === "article" && r.article.state === "expired"))
      .map((r) => `https://news.example.org${r.url}`);
    assert.deepEqual([...listed.keys()], expected);
    assert.ok(site.routes.some((r) => r.kind === "redirect"));
    assert.ok(site.routes.some((r) => r.kind === "article" && r.article.state === "expired"));
    assert.ok(!listed.has("https://news.example.org/404.html"));
    assert.ok(!listed.has("https://news.example.org/most-popular/"));
    assert.ok(!listed.has("https://news.example.org/politics/2026-10-01/old-name/"));
    assert.ok(!listed.has("https://news.example.org/economy/2026-08-01/expired/"));
  });

  test("lastmod: articles' last change, listings' newest article, home's newest; none for plain pages", () => {
    const listed = lastmods(urlsOf(files, "/sitemap.xml"));
    const at = (path: string) => listed.get(`https://news.example.org${path}`);
    assert.equal(at("/"), utc(hoursBefore(1)));
    assert.equal(at(`/economy/${hoursBefore(1).slice(0, 10)}/fresh/`), utc(hoursBefore(1)));
    assert.equal(at("/politics/2026-10-01/updated/"), utc("2026-10-02 09:30"));
    // A dated correction after the update changed the page.
    assert.equal(at("/politics/2026-09-01/corrected/"), utc("2026-09-05 16:45"));
    assert.equal(at("/politics/"), utc("2026-10-02 09:30"));
    assert.equal(at("/news/"), utc(hoursBefore(47)));
    assert.equal(at("/topics/ports/"), utc(hoursBefore(1)));
    for (const path of ["/about-us/", "/topics/", "/search/", "/food/"]) assert.equal(at(path), "", path);
    for (const value of listed.values())
      assert.match(value, /^$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  test("past the limit, sitemap.xml is an index of numbered sitemaps that together list every page", async () => {
    const single = [...lastmods(urlsOf(files, "/sitemap.xml"))];
    const split = await buildSitemaps(site, { pages: 10 });
    const index = parser.parse(file(split, "/sitemap.xml").content).sitemapindex as Xml;
    const parts = index.sitemap as Xml[];
    assert.equal(parts.length, Math.ceil(single.length / 10));
    assert.deepEqual(
      parts.map((p) => p.loc),
      parts.map((_, i) => `https://news.example.org/sitemap-${i + 1}.xml`),
    );
    const together: [string, string][] = [];
    parts.forEach((part, i) => {
      const entries = urlsOf(split, `/sitemap-${i + 1}.xml`);
      assert.ok(entries.length <= 10);
      const own = [...lastmods(entries)];
      together.push(...own);
      // Each part's lastmod is its newest page's.
      const newest = own
        .map(([, lastmod]) => lastmod)
        .filter(Boolean)
        .sort()
        .at(-1);
      assert.equal(part.lastmod, newest);
    });
    assert.deepEqual(together, single);
  });

  test("the news sitemap: exactly the articles of the 48 hours before the clock", () => {
    const entries = urlsOf(files, "/news-sitemap.xml");
    assert.deepEqual(
      entries.map((e) => ((e["news:news"] as Xml)["news:title"] as string) ?? ""),
      ["Fresh & new", "Day old"],
    );
    const urlset = parser.parse(file(files, "/news-sitemap.xml").content).urlset as Xml;
    assert.equal(urlset["@xmlns:news"], NEWS_NAMESPACE);
    assert.equal(urlset["@xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
    const first = entries[0] as Xml;
    assert.equal(first.loc, `https://news.example.org/economy/${hoursBefore(1).slice(0, 10)}/fresh/`);
    const news = first["news:news"] as Xml;
    assert.deepEqual(news["news:publication"], { "news:name": "Eastbridge News", "news:language": "en" });
    assert.equal(news["news:publication_date"], "2026-11-28T11:00:00+08:00");
    const second = entries[1]?.["news:news"] as Xml | undefined;
    assert.equal(second?.["news:publication_date"], "2026-11-26T13:00:00+08:00");
  });

  test("the preview's scheduled and draft articles stay out of the news sitemap", async () => {
    const preview = load({ articles: ARTICLES }, "preview");
    assert.ok(preview.articles.some((a) => a.headline === "Later today"));
    assert.deepEqual(
      recentArticles(preview).map((a) => a.headline),
      ["Fresh & new", "Day old"],
    );
    const entries = urlsOf(await buildSitemaps(preview), "/news-sitemap.xml");
    assert.equal(entries.length, 2);
  });

  test("past 1,000 (here 1) news articles, news-sitemap.xml is an index", async () => {
    const split = await buildSitemaps(site, { news: 1 });
    const index = parser.parse(file(split, "/news-sitemap.xml").content).sitemapindex as Xml;
    assert.deepEqual(
      (index.sitemap as Xml[]).map((s) => s.loc),
      ["https://news.example.org/news-sitemap-1.xml", "https://news.example.org/news-sitemap-2.xml"],
    );
    assert.equal(urlsOf(split, "/news-sitemap-2.xml").length, 1);
  });

  test("with no recent articles the news sitemap is a valid, empty urlset", async () => {
    const quiet = load({ articles: { "stale.md": ARTICLES["stale.md"] ?? "" } });
    const out = await buildSitemaps(quiet);
    const content = file(out, "/news-sitemap.xml").content;
    assert.match(content, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    const urlset = parser.parse(content).urlset as Xml;
    assert.equal(urlset["@xmlns:news"], NEWS_NAMESPACE);
    assert.equal(urlset.url, undefined);
  });

  test("robots.txt allows everything and names both sitemaps", () => {
    assert.equal(
      file(files, "/robots.txt").content,
      "User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/sitemap.xml\n" +
        "Sitemap: https://news.example.org/news-sitemap.xml\n",
    );
  });

  test("a site under a path prefix lists its URLs under it", async () => {
    const prefixed = load({ articles: ARTICLES }, "production", {
      SITE_URL: "https://user.github.io/newsroom/",
    });
    const out = await buildSitemaps(prefixed, { pages: 10 });
    const index = parser.parse(file(out, "/sitemap.xml").content).sitemapindex as Xml;
    for (const part of index.sitemap as Xml[])
      assert.match(String(part.loc), /^https:\/\/user\.github\.io\/newsroom\/sitemap-\d+\.xml$/);
    const pages = out.filter((f) => /^\/sitemap-\d+\.xml$/.test(f.url)).flatMap((f) => urlsOf(out, f.url));
    assert.equal(pages[0]?.loc, "https://user.github.io/newsroom/");
    for (const page of pages) assert.match(String(page.loc), /^https:\/\/user\.github\.io\/newsroom\//);
    assert.match(
      String(urlsOf(out, "/news-sitemap.xml")[0]?.loc),
      /^https:\/\/user\.github\.io\/newsroom\/economy\//,
    );
    assert.match(
      file(out, "/robots.txt").content,
      /Sitemap: https:\/\/user\.github\.io\/newsroom\/news-sitemap\.xml/,
    );
  });

  test("the same site gives the same files", async () => {
    assert.deepEqual(await buildSitemaps(site), files);
  });
});
