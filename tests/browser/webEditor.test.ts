import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { DateTime } from "luxon";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { EDITOR_MESSAGES } from "../../layouts/admin/editorNames.ts";
import { MISSING } from "../../src/content/frontMatter.ts";
import { parseEditorDate } from "../../src/domain/dates.ts";
import { LIST_LIMIT } from "../../src/output/admin/articleLists.ts";
import { generateNewsroom } from "../../tools/bench/generateArticles.ts";
import { launchBrowser } from "../../tools/headlessChromium.ts";
import { type Preview, startPreview, WATCHING } from "../../tools/previewProcess.ts";
import { browserSkipReason } from "../helpers/browser.ts";
import { PROJECT, runCheck } from "../helpers/build.ts";
import { freePort } from "../helpers/network.ts";

/**
 * The web editor, as a journalist uses it: `npm start` on a copy of the sample, /admin/,
 * the local backend, a browser in another time zone than the newsroom's. What it saves must
 * be where `npm run new` would put it, pass `npm run check`, and show on the preview site;
 * what it refuses, it refuses in the check's words; what it opens and saves unchanged
 * renders the same page.
 */
const skip = browserSkipReason();
// 2026-11-28 12:00 Beijing time, as the other browser tests build the sample.
const EPOCH = "1795838400";
const SITE_ZONE = "Asia/Shanghai";
/** Far from the newsroom's zone: a date in the browser's zone would be 16 hours off. */
const BROWSER_ZONE = "America/Los_Angeles";
const AXE = path.join(PROJECT, "node_modules/axe-core/axe.min.js");
/** A PNG of 8 × 6 red pixels: a picture an editor uploads. */
const PICTURE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAFklEQVR4nGP4z8CAFTGMSgwpCQYGBgB6sQH/2x4NSQAAAABJRU5ErkJggg==",
  "base64",
);

let root: string;
let content: string;
let preview: Preview;
let port: number;
/** One browser per test, so no test sees what Decap kept of another (sign-in, unsaved drafts). */
const browsers: BrowserContext[] = [];
let picture: string;

before(async () => {
  if (skip) return;
  root = mkdtempSync(path.join(tmpdir(), "newsdesk-editor-"));
  content = path.join(root, "content");
  cpSync(path.join(PROJECT, "content"), content, { recursive: true });
  picture = path.join(root, "harbour-crane.png");
  writeFileSync(picture, PICTURE);
  port = await freePort();
  const backendPort = await freePort();
  preview = await startPreview(content, path.join(root, "_preview"), {
    port,
    env: { SOURCE_DATE_EPOCH: EPOCH, NEWSDESK_BACKEND_PORT: String(backendPort) },
  });
});

after(async () => {
  for (const browser of browsers) await browser.close();
  preview?.stop();
});

/** /admin/ at an article's form (`hash`), signed in to the local backend (of the preview at `at`). */
async function openEditor(hash: string, at = port): Promise<Page> {
  const browser = await launchBrowser({ timezoneId: BROWSER_ZONE });
  browsers.push(browser);
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`http://localhost:${at}/admin/#${hash}`);
  await page.getByRole("button", { name: /login/i }).click();
  return page;
}

/** Every article file of a content folder (the sample's copy), inside `articles/`. */
function articleFiles(folder = content): string[] {
  return readdirSync(path.join(folder, "articles"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .sort();
}

/** The fields every article needs, typed in as a journalist does; the section chosen by its title. */
async function fillRequired(page: Page, headline: string): Promise<void> {
  if (headline) await page.getByLabel("headline").fill(headline);
  await page.getByLabel("section").click();
  await page.keyboard.type("Economy");
  await page.keyboard.press("Enter");
  await page.getByLabel("source", { exact: true }).fill("Xinhua");
  await page.getByLabel("editor", { exact: true }).fill("Li Wei");
}

/** Uploads the picture as the lead image (Decap selects what was just uploaded). */
async function uploadLeadImage(page: Page): Promise<void> {
  await page.getByRole("button", { name: /choose an image/i }).click();
  await page.locator('input[type="file"]').setInputFiles(picture);
  await page.getByRole("button", { name: "Choose selected" }).click();
}

/** Types the text into the body's raw Markdown editor. */
async function typeBody(page: Page, text: string): Promise<void> {
  await page.locator("[contenteditable]").first().click();
  await page.keyboard.insertText(text);
}

async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByText("Publish now").click();
}

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never: ${what}`);
}

/** The preview pane's own document. */
async function previewPane(page: Page): Promise<Frame> {
  return until("the preview pane", () =>
    page.frames().find((frame) => frame !== page.mainFrame() && frame.url().startsWith("about:")),
  );
}

async function get(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${url}`);
  return { status: response.status, text: await response.text() };
}

describe("the web editor (npm start, /admin/, the local backend)", { skip, timeout: 300_000 }, () => {
  test("a new article in Economy, headline in Chinese, a tag and a lead image: saved where npm run new puts it, checked, previewed", async () => {
    const page = await openEditor("/collections/articles/new");
    await fillRequired(page, "稀土企业扩大生产");
    await page.getByLabel("tags (optional)").fill("rare earths");
    await uploadLeadImage(page);
    await page.getByLabel(/^alt/).fill("A crane over the harbour");
    await typeBody(page, "Output rose by a fifth.\n\n| Year | Tonnes |\n|---|---|\n| 2026 | 120 |\n");

    // The preview pane: the page's own headline and table, and no accessibility violation in it.
    const pane = await previewPane(page);
    await pane.locator("h1.headline", { hasText: "稀土企业扩大生产" }).waitFor();
    await pane.locator(".article-body table").waitFor();
    await pane.evaluate(readFileSync(AXE, "utf8"));
    const violations = await pane.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (context: Element) => Promise<{ violations: { id: string }[] }> } }
      ).axe;
      const root = document.querySelector(".editor-preview-root");
      if (!root) throw new Error("no preview");
      return (await axe.run(root)).violations.map((violation) => violation.id);
    });
    assert.deepEqual(violations, []);

    const before = new Set(articleFiles());
    await publish(page);
    const added = await until("the new file", () => {
      const files = articleFiles().filter((file) => !before.has(file));
      return files.length > 0 ? files : undefined;
    });
    const now = DateTime.now().setZone(SITE_ZONE);
    assert.equal(added.length, 1);
    const [file] = added as [string];
    const text = readFileSync(path.join(content, "articles", file), "utf8");
    const written = /^date: (.+)$/m.exec(text)?.[1] ?? "";
    const date = parseEditorDate(written, SITE_ZONE);
    assert.ok(date.ok, written);
    // The newsroom's time as the dateline writes it, not the browser's (16 hours earlier).
    assert.match(written, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    assert.ok(Math.abs(date.date.diff(now, "minutes").minutes) < 10, `${written} is not ${now.toISO()}`);
    assert.equal(file, `${date.date.toFormat("yyyy/MM")}/xi-tu-qi-ye-kuo-da-sheng-chan.md`);
    assert.equal(
      text,
      [
        "---",
        "headline: 稀土企业扩大生产",
        `date: ${written}`,
        "section: economy",
        "source: Xinhua",
        "editor: Li Wei",
        "tags: [rare earths]",
        "image: {src: images/harbour-crane.png, alt: A crane over the harbour}",
        "---",
        "Output rose by a fifth.",
        "",
        "| Year | Tonnes |",
        "|---|---|",
        "| 2026 | 120 |",
        "",
      ].join("\n"),
    );
    assert.ok(existsSync(path.join(content, "images/harbour-crane.png")));

    const check = runCheck(content);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.doesNotMatch(check.stdout + check.stderr, /xi-tu-qi-ye/);

    const url = `/economy/${date.date.toFormat("yyyy-MM-dd")}/xi-tu-qi-ye-kuo-da-sheng-chan/`;
    const shown = await until("the preview site's page", () => {
      const done = preview.log().lastIndexOf("xi-tu-qi-ye-kuo-da-sheng-chan.md");
      return done >= 0 && WATCHING.test(preview.log().slice(done)) ? true : undefined;
    });
    assert.ok(shown);
    const article = await get(url);
    assert.equal(article.status, 200);
    assert.match(article.text, /<h1 class="headline">稀土企业扩大生产<\/h1>/);
  });

  test("without a headline and without alt text it is not saved, and says why in the check's words", async () => {
    const page = await openEditor("/collections/articles/new");
    const before = articleFiles();
    await fillRequired(page, "");
    await uploadLeadImage(page);
    await typeBody(page, "A first paragraph.");
    // The preview pane lists what stops the save, as `npm run check` would say it.
    const pane = await previewPane(page);
    for (const line of [`headline: ${MISSING}`, `image.alt: ${MISSING}`])
      await pane.locator(".editor-problems li", { hasText: line }).waitFor();
    // The form refuses the empty headline under the field...
    await publish(page);
    await page.getByText(EDITOR_MESSAGES.required.replace("%{fieldLabel}", "headline")).waitFor();
    assert.deepEqual(articleFiles(), before);
    // ...and the check before saving, the lead image without alt text.
    await page.getByLabel("headline").fill("Harbour cranes arrive");
    await publish(page);
    await page.getByText(/Not saved: image\.alt: is required but missing/).waitFor();
    assert.deepEqual(articleFiles(), before);
    // What the form cannot check at all: a picture in the text without alt text.
    await page.getByLabel(/^alt/).fill("A crane over the harbour");
    await typeBody(page, "\n\n![](images/harbour-crane.png)");
    await publish(page);
    await page.getByText(/Not saved: body \(line 3 of the text\): /).waitFor();
    assert.deepEqual(articleFiles(), before);
  });

  test("a sample article opened and saved with no change to its fields builds the same page, table included", async () => {
    const id = "2026/10/baotou-rare-earth-industry-in-figures";
    const url = "/infographics/2026-10-23/baotou-rare-earth-industry-in-figures/";
    const original = await get(url);
    assert.equal(original.status, 200);
    assert.match(original.text, /<table/);
    const file = path.join(content, "articles", `${id}.md`);

    const page = await openEditor(`/collections/articles/entries/${id}`);
    const headline = page.getByLabel("headline");
    const text = await headline.inputValue();
    // Decap saves only an entry that differs from the file: saved once changed, then again
    // as it was, the file is what the editor writes for the article's own fields.
    for (const typed of [`${text} (update)`, text]) {
      const from = preview.log().length;
      await headline.fill(typed);
      await publish(page);
      const changed = await preview.waitFor(/baotou-rare-earth-industry-in-figures\.md/, from, 60_000);
      await preview.waitFor(WATCHING, changed, 60_000);
    }
    assert.ok(readFileSync(file, "utf8").startsWith(`---\nheadline: ${text}\n`));
    const saved = await get(url);
    assert.equal(saved.text, original.text);
  });

  test("the list: newest first, and its button for a new article says so in words", async () => {
    const page = await openEditor("/collections/articles");
    const button = page.getByRole("link", { name: "Create entry of type Article" });
    assert.equal((await button.textContent())?.trim(), "New Article");
    const first = page.locator('a[href*="#/collections/articles/entries/"]').first();
    const dated = articleFiles().map((file) => ({
      file,
      date: /^date: (.+)$/m.exec(readFileSync(path.join(content, "articles", file), "utf8"))?.[1] ?? "",
    }));
    const newest = dated.sort((a, b) => (a.date < b.date ? 1 : -1))[0]?.file;
    assert.equal(
      await first.getAttribute("href"),
      `#/collections/articles/entries/${newest?.replace(/\.md$/, "")}`,
    );
  });

  test("a sample article's lead picture shows in the preview as its page shows it, processed", async () => {
    const id = "2026/11/harbin-ice-palace-design-draws-on-ancient-pagodas";
    const page = await openEditor(`/collections/articles/entries/${id}`);
    const pane = await previewPane(page);
    const onPage = (await get("/architecture/2026-11-25/harbin-ice-palace-design-draws-on-ancient-pagodas/"))
      .text;
    const pageSrc = onPage.match(/<figure class="lead-image">.*?<img src="([^"]+)"/s)?.[1];
    assert.match(pageSrc ?? "", /\/img\//);
    // Fetched from its bucket (/admin/pictures/), then drawn again: the page's own /img/ file.
    const shown = await pane.waitForFunction(
      () =>
        document
          .querySelector("figure.lead-image img")
          ?.getAttribute("src")
          ?.match(/\/img\/.*/)?.[0],
      undefined,
      { timeout: 30_000 },
    );
    assert.equal(await shown.jsonValue(), pageSrc);
  });
});

describe("the web editor on a large archive: listed by year, new articles placed by their date", {
  skip,
  timeout: 300_000,
}, () => {
  let archive: string;
  let archivePreview: Preview;
  let archivePort: number;

  before(async () => {
    if (skip) return;
    const folder = mkdtempSync(path.join(tmpdir(), "newsdesk-editor-archive-"));
    archive = path.join(folder, "content");
    // Past the limit of one list: over five years, each year fits in a list of its own.
    generateNewsroom(LIST_LIMIT + 100, archive, 7, DateTime.fromSeconds(Number(EPOCH)), PROJECT);
    archivePort = await freePort();
    archivePreview = await startPreview(archive, path.join(folder, "_preview"), {
      port: archivePort,
      env: { SOURCE_DATE_EPOCH: EPOCH, NEWSDESK_BACKEND_PORT: String(await freePort()) },
    });
  });

  after(() => archivePreview?.stop());

  test("opens on the newest year; Quick add makes a new article where its date says, and back goes to the newest year", async () => {
    const page = await openEditor("/", archivePort);
    const newest = articleFiles(archive).at(-1)?.slice(0, 4) ?? "";
    await page.waitForURL(`**/admin/#/collections/articles-${newest}`);
    const entries = page.locator(`a[href*="#/collections/articles-${newest}/entries/"]`);
    await entries.first().waitFor();
    // The sidebar lists the years, newest first, and not the collection that makes articles.
    const years = [...new Set(articleFiles(archive).map((file) => file.slice(0, 4)))].reverse();
    const sidebar = page.locator(`a[href^="#/collections/"]`);
    await sidebar.first().waitFor();
    const listed = (await sidebar.allTextContents()).map((label) => label.trim());
    assert.deepEqual(
      listed.filter((label) => /^\d{4}$/.test(label)),
      years,
    );
    assert.equal(listed.includes("Articles"), false);

    await page.getByRole("button", { name: "Quick add" }).click();
    await page.getByRole("menuitem", { name: "Article" }).click();
    await page.waitForURL("**/admin/#/collections/articles/new");
    await fillRequired(page, "Port cranes arrive for the new terminal");
    await typeBody(page, "The cranes came by sea.");
    const before = new Set(articleFiles(archive));
    await publish(page);
    const added = await until("the new file", () => {
      const files = articleFiles(archive).filter((file) => !before.has(file));
      return files.length > 0 ? files : undefined;
    });
    const [file] = added as [string];
    const written =
      /^date: (.+)$/m.exec(readFileSync(path.join(archive, "articles", file), "utf8"))?.[1] ?? "";
    const date = parseEditorDate(written, SITE_ZONE);
    assert.ok(date.ok, written);
    assert.deepEqual(added, [`${date.date.toFormat("yyyy/MM")}/port-cranes-arrive-for-the-new-terminal.md`]);
    const check = runCheck(archive);
    assert.equal(check.status, 0, check.stdout + check.stderr);

    // Back from the new article: the newest list, not the (empty) list of the collection that makes them.
    await page.getByRole("link", { name: /Writing in/ }).click();
    await page.waitForURL(/#\/collections\/articles-\d{4}$/);
  });
});
