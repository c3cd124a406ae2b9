import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../../tools/headlessChromium.ts";
import { serveFolder } from "../../tools/staticServer.ts";
import { browserSkipReason } from "../helpers/browser.ts";
import { PROJECT, runBuild, tempOutput } from "../helpers/build.ts";
import { articleText, validFields } from "../helpers/fixtureSite.ts";

const skip = browserSkipReason();
let browser: BrowserContext;
let server: Awaited<ReturnType<typeof serveFolder>>;

before(async () => {
  if (skip) return;
  const output = tempOutput();
  const result = runBuild(`${PROJECT}/content`, output);
  assert.equal(result.status, 0, result.stderr);
  server = await serveFolder(output);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function resultsFor(page: Page, query: string, site = server.url): Promise<string[]> {
  await page.goto(`${site}search/?q=${encodeURIComponent(query)}`);
  // Every part searched: the results are complete.
  await page.waitForFunction(
    () =>
      document.querySelector("[data-search-status]")?.textContent !== "" &&
      !document.querySelector("[data-search-results]")?.hasAttribute("aria-busy"),
  );
  return page.locator("[data-search-results] .item-headline a").allTextContents();
}

describe("site search in headless Chromium (the sample site)", { skip }, () => {
  test("/search/?q=word opens with the results: a word from one article's body lists it first", async () => {
    const page = await browser.newPage();
    const headlines = await resultsFor(page, "dumplings");
    assert.equal(headlines[0], "Start of Winter and what the solar term means");
    assert.equal(await page.locator("#search-q").inputValue(), "dumplings");
    const excerpt = await page.locator("[data-search-results] .item-summary").first().innerHTML();
    assert.match(excerpt, /<mark>dumplings<\/mark>/i);
    assert.match(
      (await page.locator("[data-search-results] .item-meta").first().textContent()) ?? "",
      /^2026-11-07 07:00$/,
    );
    await page.close();
  });

  test("page furniture is not indexed: a word only in the footer of every page finds nothing", async () => {
    // "prohibited" is in every page's footer notice and in no article (Pagefind 1.6 splits
    // compound words, so a menu word such as "Infographics" would match "in" in articles).
    const page = await browser.newPage();
    assert.deepEqual(await resultsFor(page, "prohibited"), []);
    assert.equal(await page.locator("[data-search-status]").textContent(), "No articles match your search.");
    await page.close();
  });

  test("the section filter narrows results to one top section", async () => {
    const page = await browser.newPage();
    const all = await resultsFor(page, "Baotou");
    assert.ok(all.length >= 2, all.join(", "));
    await page.selectOption("#search-section", "Biz");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("section") === "Biz");
    await page.waitForTimeout(300);
    const biz = await page.locator("[data-search-results] .item-headline a").allTextContents();
    assert.ok(biz.length > 0 && biz.length < all.length, `${biz.length} of ${all.length}`);
    await page.close();
  });

  test("the masthead search box leads to the search page", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.fill("#masthead-q", "dumplings");
    await page.press("#masthead-q", "Enter");
    await page.waitForURL(/\/search\/\?q=dumplings/);
    await page.waitForSelector("[data-search-results] .item-headline a");
    assert.equal(
      await page.locator("[data-search-results] .item-headline a").first().textContent(),
      "Start of Winter and what the solar term means",
    );
    await page.close();
  });
});

describe("site search under a path prefix", { skip }, () => {
  let prefixed: Awaited<ReturnType<typeof serveFolder>>;

  before(async () => {
    const output = tempOutput();
    const result = runBuild(`${PROJECT}/content`, output, { SITE_URL: "https://user.github.io/newsroom/" });
    assert.equal(result.status, 0, result.stderr);
    prefixed = await serveFolder(output, "/newsroom/");
  });

  after(async () => {
    await prefixed?.close();
  });

  test("the search page finds articles and links them under the prefix", async () => {
    const page = await browser.newPage();
    await page.goto(`${prefixed.url}search/?q=dumplings`);
    const link = page.locator("[data-search-results] .item-headline a").first();
    await link.waitFor();
    assert.equal(await link.textContent(), "Start of Winter and what the solar term means");
    assert.match((await link.getAttribute("href")) ?? "", /^\/newsroom\/learn-about-china\/2026-11-07\//);
    await link.click();
    await page.waitForURL(/\/newsroom\/learn-about-china\/2026-11-07\//);
    assert.equal(
      await page.locator("h1.headline").textContent(),
      "Start of Winter and what the solar term means",
    );
    await page.close();
  });
});

describe("a search index built in parts", { skip }, () => {
  let parted: Awaited<ReturnType<typeof serveFolder>>;
  let output: string;

  before(async () => {
    // The sample site with parts of at most 20 articles: spans of time split until they fit.
    const content = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-parts-")), "content");
    cpSync(`${PROJECT}/content`, content, { recursive: true });
    const siteFile = path.join(content, "_data/site.json");
    writeFileSync(
      siteFile,
      JSON.stringify({ ...JSON.parse(readFileSync(siteFile, "utf8")), searchPartSize: 20 }),
    );
    output = tempOutput();
    const result = runBuild(content, output);
    assert.equal(result.status, 0, result.stderr);
    parted = await serveFolder(output);
  });

  after(async () => {
    await parted?.close();
  });

  // Each part is an index of its own: a part that lacks a word looks for its longest prefix
  // that it has (Pagefind's typing aid), so a part may add a weaker match ("bao" for
  // "Baotou"), and weak matches rank by each part's own word counts. What the whole index
  // finds is all there.
  test("the search page merges the parts: every query finds what the single index finds", async () => {
    const parts = readdirSync(path.join(output, "pagefind"));
    assert.ok(parts.length >= 4, parts.join(" "));
    assert.ok(parts.includes("pages"));
    const page = await browser.newPage();
    // Queries with fewer than the 20 results shown, so both lists are complete.
    for (const query of ["dumplings", "Baotou", "panda", "rare earths", "pumpkin"]) {
      const whole = await resultsFor(page, query);
      const wholeStatus = await page.locator("[data-search-status]").textContent();
      const merged = await resultsFor(page, query, parted.url);
      assert.ok(whole.length > 0, `${query} finds something`);
      assert.deepEqual(
        whole.filter((headline) => !merged.includes(headline)),
        [],
        `${query}: the parts find what the whole index finds`,
      );
      assert.ok(wholeStatus, query);
    }
    await page.close();
  });

  test("after incremental builds, search finds an article just added and no longer finds one deleted", async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-added-")), "content");
    const added = path.join(content, "articles", "new", "xylophone-festival.md");
    cpSync(`${PROJECT}/content`, content, { recursive: true });
    const siteFile = path.join(content, "_data/site.json");
    writeFileSync(
      siteFile,
      JSON.stringify({ ...JSON.parse(readFileSync(siteFile, "utf8")), searchPartSize: 20 }),
    );
    const site = tempOutput();
    assert.equal(runBuild(content, site).status, 0);
    const served = await serveFolder(site);
    const page = await browser.newPage();
    try {
      mkdirSync(path.dirname(added), { recursive: true });
      writeFileSync(
        added,
        articleText({
          fields: validFields({ headline: "Xylophone festival opens in Qingdao", date: "2026-11-25 10:00" }),
          body: "Players of the xylophone gathered by the sea for the first festival of its kind.",
        }),
      );
      const build = runBuild(content, site);
      assert.equal(build.status, 0, build.stderr);
      assert.doesNotMatch(build.stdout, /Full build/);
      assert.deepEqual(await resultsFor(page, "xylophone", served.url), [
        "Xylophone festival opens in Qingdao",
      ]);
      rmSync(added);
      assert.equal(runBuild(content, site).status, 0);
      assert.deepEqual(await resultsFor(page, "xylophone", served.url), []);
    } finally {
      await page.close();
      await served.close();
    }
  });
});
