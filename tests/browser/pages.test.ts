import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { BrowserContext } from "playwright-core";
import { launchBrowser } from "../../tools/headlessChromium.ts";
import { serveFolder } from "../../tools/staticServer.ts";
import { browserSkipReason } from "../helpers/browser.ts";
import { runBuild, tempOutput } from "../helpers/build.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

const skip = browserSkipReason();
let browser: BrowserContext;
let server: Awaited<ReturnType<typeof serveFolder>>;

before(async () => {
  if (skip) return;
  const output = tempOutput();
  const content = makeFixtureContent({
    articles: {
      "baotou.md": {
        fields: validFields({ top: true, tags: ["rare earths"] }),
        body: "Baotou **grows**.\n\n| Year | Tons |\n|---|---|\n| 2015 | 166,200 |",
      },
      "follow-up.md": { fields: validFields({ headline: "Follow-up", date: "2016-11-06 10:00" }) },
      "photo.md": { fields: validFields({ headline: "Photo", section: "photo" }) },
    },
  });
  const result = runBuild(content, output);
  assert.equal(result.status, 0, result.stderr);
  server = await serveFolder(output);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe("built pages in headless Chromium", { skip }, () => {
  for (const [kind, path] of [
    ["article", "economy/2016-11-05/baotou/"],
    ["home", ""],
    ["section", "economy/"],
    ["most popular", "most-popular/"],
    ["plain page", "about-us/"],
    ["404", "no-such-page/"],
  ] as const) {
    test(`the ${kind} page renders without console errors or failed requests`, async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      const expectsNotFound = kind === "404";
      page.on("console", (message) => {
        // The 404 page is served with status 404, which Chromium logs: that one is expected.
        const documentNotFound = expectsNotFound && message.text().includes("status of 404");
        if (message.type() === "error" && !documentNotFound) problems.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
      page.on("response", (response) => {
        if (response.status() >= 400 && !(expectsNotFound && response.url().endsWith("/no-such-page/"))) {
          problems.push(`${response.status()}: ${response.url()}`);
        }
      });
      await page.goto(`${server.url}${path}`, { waitUntil: "load" });
      assert.ok((await page.locator("h1").first().textContent())?.trim());
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test("the article page shows its headline, dateline and body", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}economy/2016-11-05/baotou/`);
    assert.equal(await page.locator("h1.headline").textContent(), "Baotou upgrades rare earths tech");
    assert.match(
      (await page.locator(".dateline").textContent()) ?? "",
      /2016-11-05 12:36 China Daily Editor: Mo Hong'e/,
    );
    assert.ok(await page.locator(".article-body strong").isVisible());
    await page.close();
  });
});
