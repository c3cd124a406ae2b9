import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { BrowserContext } from "playwright-core";
import { launchBrowser } from "../../tools/headlessChromium.ts";
import { type Preview, startPreview } from "../../tools/previewProcess.ts";
import { browserSkipReason } from "../helpers/browser.ts";
import { tempOutput } from "../helpers/build.ts";
import { articleText, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { freePort } from "../helpers/network.ts";

const skip = browserSkipReason();
const FIELDS = validFields({ headline: "Harbour reopens" });
let browser: BrowserContext;
let preview: Preview;
let content: string;
let port: number;

describe("the preview in a browser (npm start)", { skip }, () => {
  before(async () => {
    content = makeFixtureContent({
      articles: {
        "harbour.md": { fields: FIELDS, body: "The harbour reopened at dawn." },
        "older.md": { fields: validFields({ headline: "Older story", date: "2016-11-04 10:00" }) },
      },
    });
    port = await freePort();
    preview = await startPreview(content, tempOutput(), { port, env: { SOURCE_DATE_EPOCH: "1795600000" } });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    preview?.stop();
  });

  test("an open article shows an edit to its text by itself, and so does its section page", async (t) => {
    const article = await browser.newPage();
    const section = await browser.newPage();
    await article.goto(`http://localhost:${port}/economy/2016-11-05/harbour/`);
    await section.goto(`http://localhost:${port}/economy/`);
    assert.match((await article.locator(".article-body").textContent()) ?? "", /reopened at dawn/);

    const saved = performance.now();
    await preview.save(
      path.join(content, "articles/harbour.md"),
      articleText({ fields: FIELDS, body: "The harbour reopened at noon, after the fog lifted." }),
    );
    // Neither page is reloaded by the test: the preview's live reload does it.
    await article.locator(".article-body", { hasText: "after the fog lifted" }).waitFor({ timeout: 10_000 });
    await section.getByText("The harbour reopened at noon").waitFor({ timeout: 10_000 });
    t.diagnostic(`shown ${Math.round(performance.now() - saved)} ms after the save`);
  });
});
