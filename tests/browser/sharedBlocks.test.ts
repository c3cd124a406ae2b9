import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { browserSkipReason, type ServedSample, servedSample } from "../helpers/browser.ts";
import type { PageKinds } from "../helpers/samplePages.ts";

// 2026-11-28 12:00 Beijing time: every sample article is out and popular.json is fresh.
const EPOCH = "1795838400";
const SHARED_FILE = "**/shared/blocks.html";

const skip = browserSkipReason();
let sample: ServedSample | undefined;
let browser: BrowserContext;
let server: ServedSample["server"];
let pages: PageKinds;

before(async () => {
  if (skip) return;
  sample = await servedSample(EPOCH);
  ({ browser, server, pages } = sample);
});

after(async () => {
  await sample?.close();
});

/** Each sidebar block as a reader meets it: its heading's text and target, then each link's. */
function sidebarLinks(page: Page) {
  return page.$$eval(".sidebar [data-block]", (blocks) =>
    blocks.map((block) => ({
      block: block.getAttribute("data-block"),
      links: [...block.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")]),
    })),
  );
}

/** Waits until site.js has put every block of the shared file in place. */
async function blocksFilled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll(".sidebar .block-pending").length === 0);
}

describe("the sidebar blocks from the shared file, in headless Chromium", { skip }, () => {
  test("on an article page they appear, with the same headings, links and targets as on the home page", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${pages.home}`);
    const home = await sidebarLinks(page);
    assert.equal(home.length, 4);
    assert.ok(
      home.every((block) => block.links.length >= 3),
      JSON.stringify(home),
    );
    await page.goto(`${server.url}${pages.article}`);
    await blocksFilled(page);
    assert.deepEqual(await sidebarLinks(page), home);
    await page.close();
  });

  for (const width of [1280, 390]) {
    test(`nothing moves while the file arrives (no layout shift) at ${width}px`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.addInitScript(() => {
        const shifts = { total: 0, entries: 0 };
        (window as unknown as { shifts: typeof shifts }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
            shifts.total += entry.value;
            shifts.entries += 1;
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      // The file is held back until the page is drawn and its sidebar is on the screen.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let requested = 0;
      await page.route(SHARED_FILE, async (route) => {
        requested += 1;
        await held;
        await route.continue();
      });
      await page.goto(`${server.url}${pages.article}`, { waitUntil: "load" });
      await page.evaluate(() => document.querySelector(".sidebar")?.scrollIntoView());
      // Where each block and what follows the sidebar stand. Chromium reports no shift for the
      // blocks themselves (site.js puts new elements in their place), so they are measured too.
      const places = () =>
        page.$$eval(".sidebar [data-block], .site-map", (elements) =>
          elements.map((element) => {
            const { top, height, width } = element.getBoundingClientRect();
            return { top, height, width };
          }),
        );
      const pending = await places();
      assert.ok(
        (await page.$$(".sidebar .block-pending")).length === 4,
        "the blocks are still pending while the file is held back",
      );
      release();
      await blocksFilled(page);
      // Let the thumbnails load and the page settle before reading the shifts.
      await page.waitForLoadState("networkidle");
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>(".sidebar img")].every((img) => img.complete),
      );
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))),
      );
      const shifts = await page.evaluate(() => (window as unknown as { shifts: unknown }).shifts);
      assert.equal(requested, 1);
      assert.deepEqual(shifts, { total: 0, entries: 0 });
      assert.deepEqual(await places(), pending);
      await page.close();
    });
  }

  test("without JavaScript, each block's heading links to a page of the site that lists it", async () => {
    const page = await browser.newPage();
    const cdp = await browser.newCDPSession(page);
    await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
    let fetched = false;
    page.on("request", (request) => {
      if (request.url().endsWith("/shared/blocks.html")) fetched = true;
    });
    await page.goto(`${server.url}${pages.article}`, { waitUntil: "load" });
    const blocks = await page.$$eval(".sidebar [data-block]", (sections) =>
      sections.map((section) => ({
        heading: section.querySelector("h2 a")?.textContent,
        href: (section.querySelector("h2 a") as HTMLAnchorElement | null)?.href,
        // Without scripts, no space is kept for blocks that will not come.
        pendingHeight: section.querySelector(".block-pending")?.getBoundingClientRect().height,
      })),
    );
    assert.deepEqual(
      blocks.map((block) => block.heading),
      ["Photo", "Most popular in 24h", "Top news", "Video"],
    );
    assert.ok(
      blocks.every((block) => block.pendingHeight === 0),
      JSON.stringify(blocks),
    );
    assert.equal(fetched, false);
    // The home page shows the blocks inline, scripts or not: each heading's page lists its block's articles.
    await page.goto(`${server.url}${pages.home}`, { waitUntil: "load" });
    const inline = await sidebarLinks(page);
    for (const [i, { heading, href }] of blocks.entries()) {
      const response = await page.request.get(href ?? "");
      assert.equal(response.status(), 200, `${heading} → ${href}`);
      const listing = await response.text();
      const [, first] = inline[i]?.links[1] ?? [];
      assert.ok(first && listing.includes(`href="${first}"`), `${heading} → ${href} lists ${first}`);
    }
    await page.close();
  });
});
