import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { minify } from "html-minifier-terser";
import { MINIFY_OPTIONS } from "../../src/markdown/minifyOptions.ts";
import { differingFiles, PROJECT, runBuild, tempOutput } from "../helpers/build.ts";
import { brokenReferences, collectReferences } from "../helpers/references.ts";

// 2026-11-28 12:00 Beijing time: every sample article is out and popular.json is fresh.
const EPOCH = "1795838400";
const plain = tempOutput();
const prefixed = tempOutput();

before(() => {
  const result = runBuild(`${PROJECT}/content`, plain, { SOURCE_DATE_EPOCH: EPOCH, TZ: "UTC" });
  assert.equal(result.status, 0, result.stderr);
  const withPrefix = runBuild(`${PROJECT}/content`, prefixed, {
    SOURCE_DATE_EPOCH: EPOCH,
    SITE_URL: "https://user.github.io/newsroom/",
  });
  assert.equal(withPrefix.status, 0, withPrefix.stderr);
});

describe("the bundled sample site", () => {
  test("has a page for every article and every section", () => {
    const articles = readdirSync(`${PROJECT}/content/articles`, { recursive: true }).filter((f) =>
      String(f).endsWith(".md"),
    );
    const articlePages = readdirSync(plain, { recursive: true, encoding: "utf8" }).filter((f) =>
      /^[a-z-]+\/\d{4}-\d{2}-\d{2}\/[a-z0-9-]+\/index\.html$/.test(f),
    );
    assert.ok(articles.length >= 60);
    assert.equal(articlePages.length, articles.length);
  });

  test("every page comes out minified: no line breaks between tags, no comments, nothing left to minify", async () => {
    const pages = readdirSync(plain, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".html"),
    );
    let written = 0;
    let minified = 0;
    for (const file of pages) {
      const html = readFileSync(path.join(plain, file), "utf8");
      assert.doesNotMatch(html.replace(/<pre[\s\S]*?<\/pre>/g, ""), />[ \t]*\n\s*</, file);
      assert.doesNotMatch(html, /<!--/, file);
      written += html.length;
      minified += (await minify(html, MINIFY_OPTIONS)).length;
    }
    // What html-minifier-terser could still take out of whole pages is the "/" of void tags.
    assert.ok(
      written - minified < written * 0.005,
      `${written - minified} of ${written} bytes left to minify`,
    );
  });

  test("every feed and sitemap parses as XML with the elements its format requires", () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const files = readdirSync(plain, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".xml"));
    assert.ok(files.length > 60, `${files.length} XML files`);
    for (const file of files) {
      const xml = readFileSync(path.join(plain, file), "utf8");
      assert.equal(XMLValidator.validate(xml), true, file);
      const doc = parser.parse(xml);
      if (file.endsWith("rss.xml")) assert.ok(doc.rss.channel.title && doc.rss.channel.link, file);
      else if (file.endsWith("atom.xml")) assert.ok(doc.feed.id && doc.feed.title && doc.feed.updated, file);
      else assert.ok(doc.urlset || doc.sitemapindex, file);
    }
    const news = parser.parse(readFileSync(path.join(plain, "news-sitemap.xml"), "utf8"));
    assert.equal(news.urlset["@_xmlns:news"], "http://www.google.com/schemas/sitemap-news/0.9");
    assert.match(
      readFileSync(path.join(plain, "robots.txt"), "utf8"),
      /^Sitemap: https:\/\/news\.example\.org\/sitemap\.xml$/m,
    );
  });

  test("every page's JSON-LD is valid JSON; articles carry NewsArticle and BreadcrumbList", () => {
    const pages = readdirSync(plain, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".html"),
    );
    let articles = 0;
    for (const page of pages) {
      const html = readFileSync(path.join(plain, page), "utf8");
      const types = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
        ([, json]) => (JSON.parse(json ?? "") as { "@type": string })["@type"],
      );
      if (
        /^[a-z-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/index\.html$/.test(page) &&
        !html.includes('http-equiv="refresh"')
      ) {
        articles++;
        assert.deepEqual(types, ["NewsArticle", "BreadcrumbList"], page);
      }
    }
    assert.ok(articles >= 60);
    assert.match(
      readFileSync(path.join(plain, "index.html"), "utf8"),
      /"@type":"WebSite".*"query-input":"required name=search_term_string"/,
    );
  });

  test("every internal reference resolves to a file of the site", () => {
    assert.ok(collectReferences(plain).length > 1000);
    assert.deepEqual(brokenReferences(plain, "https://news.example.org", "/"), []);
  });

  test("built for https://user.github.io/newsroom/, every link and asset works under the prefix", () => {
    const references = collectReferences(prefixed);
    assert.ok(
      references.every((r) => !r.url.startsWith("/") || r.url.startsWith("/newsroom/")),
      "root links carry the prefix",
    );
    assert.deepEqual(brokenReferences(prefixed, "https://user.github.io/newsroom", "/newsroom/"), []);
  });

  test("the same content and SOURCE_DATE_EPOCH give a byte-identical site, whatever TZ, folder and mtimes", () => {
    const copy = mkdtempSync(path.join(tmpdir(), "newsdesk-content-"));
    cpSync(`${PROJECT}/content`, copy, { recursive: true });
    const old = new Date("2001-02-03T04:05:06Z");
    for (const file of readdirSync(copy, { recursive: true, encoding: "utf8" }))
      utimesSync(path.join(copy, file), old, old);
    const second = tempOutput();
    const result = runBuild(copy, second, { SOURCE_DATE_EPOCH: EPOCH, TZ: "America/New_York" });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(differingFiles(second, plain), []);
  });
});
