import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../../tools/headlessChromium.ts";
import { serveFolder } from "../../tools/staticServer.ts";
import { browserSkipReason } from "../helpers/browser.ts";
import { PROJECT, runBuild, tempOutput } from "../helpers/build.ts";
import { articleText, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { articlePages, type PageKinds, samplePageKinds } from "../helpers/samplePages.ts";

// 2026-11-28 12:00 Beijing time: every sample article is out and popular.json is fresh.
const EPOCH = "1795838400";
const TEXT_SIZE_KEY = "newsdesk:text-size";
const SIZES = ["small", "medium", "large"] as const;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** A headline with every character a share link must encode: &, ", ', ?, #, %, +, / and non-ASCII. */
const TRICKY_HEADLINE = `Tea & "rock" oolong: 50% off? #1 for Wuyishan's café + 武夷 / ok`;
const LONG_URL = `https://example.org/${"very-long-path-segment-".repeat(12)}end?query=${"x".repeat(80)}`;
const WIDE_TABLE = [
  `| ${Array.from({ length: 12 }, (_, i) => `Province${i + 1}Quarterly`).join(" | ")} |`,
  `|${"---|".repeat(12)}`,
  `| ${Array.from({ length: 12 }, (_, i) => `${(i + 1) * 123_456_789}`).join(" | ")} |`,
].join("\n");
const FIXTURE_BODY = [
  "Prices of rock tea rose again this spring.",
  `The full report is online at ${LONG_URL} for anyone who wants the figures.`,
  `A link written as Markdown: [${LONG_URL}](${LONG_URL}).`,
  WIDE_TABLE,
  `\`\`\`\n${"const record = ".padEnd(200, "x")}\n\`\`\``,
  "The last paragraph.",
].join("\n\n");

const VIDEO_SRC = "https://www.youtube-nocookie.com/embed/tea-harvest";
/** An editor's links that claim to be players (stored XSS and framing any site, found in review). */
const HOSTILE_EMBEDS =
  '<a href="https://www.youtube.com/watch?v=x" data-embed="javascript:alert(document.domain)">Hostile one</a> ' +
  '<a class="video-embed" href="https://any.example/">Hostile two</a>';

const skip = browserSkipReason();
let browser: BrowserContext;
let sample: Awaited<ReturnType<typeof serveFolder>>;
let fixture: Awaited<ReturnType<typeof serveFolder>>;
let pages: PageKinds;
/** The fixture article with the tricky headline, the long URL and the wide table. */
let wideArticle: string;
/** The fixture article with a video. */
let videoArticle: string;

before(async () => {
  if (skip) return;
  const sampleOutput = tempOutput();
  const built = runBuild(`${PROJECT}/content`, sampleOutput, { SOURCE_DATE_EPOCH: EPOCH });
  assert.equal(built.status, 0, built.stderr);
  pages = samplePageKinds(sampleOutput);

  const fixtureOutput = tempOutput();
  const content = makeFixtureContent({
    articles: {
      // Written whole, so the headline is quoted YAML.
      "wide.md": articleText({
        fields: validFields({ headline: JSON.stringify(TRICKY_HEADLINE), tags: ["tea"] }),
        body: FIXTURE_BODY,
      }),
      "other.md": {
        fields: validFields({ headline: "Another tea story", date: "2016-11-06 09:00" }),
        body: `Watch the harvest.\n\n<iframe src="${VIDEO_SRC}"></iframe>\n\n${HOSTILE_EMBEDS}\n\nThe end.`,
      },
    },
  });
  const fixtureBuilt = runBuild(content, fixtureOutput);
  assert.equal(fixtureBuilt.status, 0, fixtureBuilt.stderr);
  const wide = articlePages(fixtureOutput).find((page) => page.url.startsWith("economy/2016-11-05/"));
  assert.ok(wide, "the fixture article was not built");
  wideArticle = wide.url;
  const video = articlePages(fixtureOutput).find((page) => page.url.startsWith("economy/2016-11-06/"));
  assert.ok(video, "the fixture article with a video was not built");
  videoArticle = video.url;

  sample = await serveFolder(sampleOutput);
  fixture = await serveFolder(fixtureOutput);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await sample?.close();
  await fixture?.close();
});

/** A new tab at a size, with the remembered text size cleared. */
async function openPage(viewport = DESKTOP): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  return page;
}

async function clearTextSize(page: Page): Promise<void> {
  await page.goto(`${sample.url}${pages.plainPage}`);
  await page.evaluate((key) => localStorage.removeItem(key), TEXT_SIZE_KEY);
}

/** The computed font size, in pixels, of the article's first body paragraph. */
function bodyFontSize(page: Page): Promise<number> {
  return page
    .locator(".article-body p")
    .first()
    .evaluate((p) => Number.parseFloat(getComputedStyle(p).fontSize));
}

/** Each text-size button's size and aria-pressed, in page order. */
function pressedStates(page: Page): Promise<string[]> {
  return page
    .locator("[data-set-text-size]")
    .evaluateAll((buttons) =>
      buttons.map((b) => `${b.getAttribute("data-set-text-size")}=${b.getAttribute("aria-pressed")}`),
    );
}

function expectedPressed(size: (typeof SIZES)[number]): string[] {
  return SIZES.map((s) => `${s}=${s === size}`);
}

/** What document.activeElement is, as `tag.class#id "text"`, for readable failures. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return "nothing";
    const id = el.id ? `#${el.id}` : "";
    const cls = el.classList.length > 0 ? `.${[...el.classList].join(".")}` : "";
    return `${el.tagName.toLowerCase()}${cls}${id} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
  });
}

/** Turns scripts off in this tab, as a context with `javaScriptEnabled: false` does (the same DevTools call). */
async function disableScripts(page: Page): Promise<void> {
  const session = await browser.newCDPSession(page);
  await session.send("Emulation.setScriptExecutionDisabled", { value: true });
}

/** Console errors, page errors, failed requests and error responses while the tab is open. */
function collectProblems(page: Page, expectedNotFound?: string): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    // The 404 page is served with status 404, which Chromium logs: that one is expected.
    const documentNotFound = expectedNotFound !== undefined && message.text().includes("status of 404");
    if (message.type() === "error" && !documentNotFound) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on("response", (response) => {
    const expected = expectedNotFound !== undefined && response.url().endsWith(expectedNotFound);
    if (response.status() >= 400 && !expected) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

describe("reading tools: text size", { skip }, () => {
  test("each A button changes the body text size (small < medium < large) and is the only one pressed", async () => {
    const page = await openPage();
    await clearTextSize(page);
    await page.goto(`${sample.url}${pages.article}`);
    assert.deepEqual(await pressedStates(page), expectedPressed("medium"), "medium is pressed by default");
    const sizes = new Map<string, number>();
    for (const size of SIZES) {
      await page.click(`[data-set-text-size="${size}"]`);
      sizes.set(size, await bodyFontSize(page));
      assert.deepEqual(await pressedStates(page), expectedPressed(size), `after clicking ${size}`);
    }
    const [small = 0, medium = 0, large = 0] = SIZES.map((size) => sizes.get(size));
    assert.ok(
      small < medium && medium < large,
      `font sizes: small ${small}px, medium ${medium}px, large ${large}px`,
    );
    await clearTextSize(page);
    await page.close();
  });

  test("the chosen size survives a reload and a move to another article; medium forgets it", async () => {
    const page = await openPage();
    await clearTextSize(page);
    await page.goto(`${sample.url}${pages.article}`);
    const medium = await bodyFontSize(page);
    await page.click('[data-set-text-size="large"]');
    const large = await bodyFontSize(page);
    assert.ok(large > medium, `large ${large}px, medium ${medium}px`);

    await page.reload();
    assert.equal(await bodyFontSize(page), large, "after a reload");
    assert.deepEqual(await pressedStates(page), expectedPressed("large"), "after a reload");

    await page.goto(`${sample.url}${pages.otherArticle}`);
    assert.equal(await bodyFontSize(page), large, "on another article");
    assert.deepEqual(await pressedStates(page), expectedPressed("large"), "on another article");

    await page.click('[data-set-text-size="small"]');
    await page.goto(`${sample.url}${pages.article}`);
    assert.ok((await bodyFontSize(page)) < medium, "small is remembered too");

    await page.click('[data-set-text-size="medium"]');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), TEXT_SIZE_KEY), null);
    await page.reload();
    assert.equal(await bodyFontSize(page), medium, "medium after a reload");
    assert.deepEqual(await pressedStates(page), expectedPressed("medium"));
    await page.close();
  });

  test("a remembered size applies on first paint, before the deferred script runs", async () => {
    const page = await openPage();
    await clearTextSize(page);
    await page.goto(`${sample.url}${pages.article}`);
    await page.click('[data-set-text-size="large"]');
    const large = await bodyFontSize(page);

    // The same page with site.js replaced by nothing: only the inline script in <head> can act.
    const first = await openPage();
    await first.route(/\/assets\/site\.[^/]*\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: "" }),
    );
    await first.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        const p = document.querySelector(".article-body p");
        Object.assign(window, {
          firstPaint: {
            textSize: document.documentElement.dataset.textSize,
            fontSize: p ? Number.parseFloat(getComputedStyle(p).fontSize) : 0,
          },
        });
      });
    });
    await first.goto(`${sample.url}${pages.article}`);
    const firstPaint = await first.evaluate(() => (window as unknown as { firstPaint: unknown }).firstPaint);
    assert.deepEqual(firstPaint, { textSize: "large", fontSize: large });
    await first.close();
    await clearTextSize(page);
    await page.close();
  });

  test("the buttons work from the keyboard: focus, then Enter or Space", async () => {
    const page = await openPage();
    await clearTextSize(page);
    await page.goto(`${sample.url}${pages.article}`);
    const medium = await bodyFontSize(page);
    for (const [size, key] of [
      ["large", "Enter"],
      ["small", "Space"],
      ["medium", "Enter"],
    ] as const) {
      const button = page.locator(`[data-set-text-size="${size}"]`);
      await button.focus();
      assert.equal(await button.evaluate((b) => b === document.activeElement && b.tabIndex >= 0), true);
      await page.keyboard.press(key);
      assert.deepEqual(await pressedStates(page), expectedPressed(size), `${key} on ${size}`);
    }
    assert.equal(await bodyFontSize(page), medium);
    await clearTextSize(page);
    await page.close();
  });
});

describe("without JavaScript", { skip }, () => {
  test("the reading tools and copy-link button are hidden; the article, share links and navigation work", async () => {
    const page = await openPage();
    await disableScripts(page);
    await page.goto(`${sample.url}${pages.article}`);
    assert.equal(await page.locator("html").getAttribute("class"), null, "scripts really are off");
    assert.equal(await page.locator(".reading-tools").isVisible(), false, "reading tools hidden");
    assert.equal(await page.locator("[data-print]").isVisible(), false, "print hidden");
    assert.equal(await page.locator("[data-copy-link]").isVisible(), false, "copy link hidden");
    assert.ok(await page.locator("h1.headline").isVisible());
    assert.ok(await page.locator(".article-body p").first().isVisible());
    assert.ok(await page.locator(".share-bar a.share").first().isVisible(), "share links are plain links");

    // Navigation: a top section from the menu, then an article from its list.
    await page.click('.section-nav .nav-top > a[href="/news/"]');
    await page.waitForURL(`${sample.url}news/`);
    assert.equal((await page.locator("h1").textContent())?.trim(), "News");
    const headline = page.locator(".listing .item-headline a").first();
    const title = (await headline.textContent())?.trim();
    await headline.click();
    await page.waitForLoadState("load");
    assert.equal((await page.locator("h1.headline").textContent())?.trim(), title);
    await page.close();
  });

  test("on a phone the whole section menu shows, with no menu button that cannot work", async () => {
    const page = await openPage(PHONE);
    await disableScripts(page);
    await page.goto(`${sample.url}${pages.article}`);
    assert.equal(await page.locator(".menu-toggle").isVisible(), false, "the menu button is hidden");
    assert.ok(await page.locator("#section-menu").isVisible(), "the section list is shown");
    await page.click('#section-menu a[href="/politics/"]');
    await page.waitForURL(`${sample.url}politics/`);
    await page.close();
  });
});

describe("print", { skip }, () => {
  test("the Print button calls window.print", async () => {
    const page = await openPage();
    await page.addInitScript(() => {
      const calls = { count: 0 };
      Object.assign(window, { printCalls: calls });
      window.print = () => {
        calls.count++;
      };
    });
    await page.goto(`${sample.url}${pages.article}`);
    await page.click("[data-print]");
    assert.equal(
      await page.evaluate(() => (window as unknown as { printCalls: { count: number } }).printCalls.count),
      1,
    );
    await page.close();
  });
});

describe("section menu", { skip }, () => {
  test("on a 390px phone: the menu button opens and closes the section list", async () => {
    const page = await openPage(PHONE);
    await page.goto(`${sample.url}${pages.article}`);
    const toggle = page.locator(".menu-toggle");
    const menu = page.locator("#section-menu");
    assert.ok(await toggle.isVisible(), "the menu button shows");
    assert.equal(await menu.isVisible(), false, "the section list is closed");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");

    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.ok(await menu.isVisible(), "open after a click");
    const links = menu.locator("a");
    const count = await links.count();
    assert.ok(count > 10, `${count} links`);
    for (let i = 0; i < count; i++) {
      assert.ok(await links.nth(i).isVisible(), `link ${await links.nth(i).textContent()} is visible`);
    }

    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await menu.isVisible(), false, "closed after a second click");
    await page.close();
  });

  test("on a phone: Escape closes the open menu and returns focus to the menu button", async () => {
    const page = await openPage(PHONE);
    await page.goto(`${sample.url}${pages.article}`);
    const toggle = page.locator(".menu-toggle");
    await toggle.focus();
    await page.keyboard.press("Enter");
    assert.equal(await toggle.getAttribute("aria-expanded"), "true", "Enter opens it");
    await page.keyboard.press("Tab");
    assert.equal(
      await page.evaluate(() => document.getElementById("section-menu")?.contains(document.activeElement)),
      true,
      `Tab from the button goes into the menu, not to ${await focused(page)}`,
    );
    await page.keyboard.press("Escape");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await page.locator("#section-menu").isVisible(), false);
    assert.equal(await toggle.evaluate((t) => t === document.activeElement), true, await focused(page));
    await page.close();
  });

  test("on a phone: Tab goes through every link of the open menu and out of it (no focus trap)", async () => {
    const page = await openPage(PHONE);
    await page.goto(`${sample.url}${pages.article}`);
    const toggle = page.locator(".menu-toggle");
    await toggle.click();
    const linkCount = await page.locator("#section-menu a").count();
    const visited: string[] = [];
    let left = false;
    for (let i = 0; i < linkCount + 5 && !left; i++) {
      await page.keyboard.press("Tab");
      const where = await page.evaluate(() => {
        const active = document.activeElement;
        return {
          inMenu: document.getElementById("section-menu")?.contains(active) ?? false,
          inNav: active?.closest(".section-nav") !== null,
          href: active?.getAttribute("href") ?? "",
        };
      });
      if (where.inMenu) visited.push(where.href);
      else if (!where.inNav) left = true;
    }
    assert.equal(visited.length, linkCount, `Tab reached ${visited.length} of ${linkCount} menu links`);
    assert.equal(new Set(visited).size, linkCount, "each link once");
    assert.ok(left, `focus stayed in the navigation: ${await focused(page)}`);
    await page.close();
  });

  test("at 1280px: no menu button; a top section's sections show on hover and on keyboard focus", async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${sample.url}${pages.article}`);
    const news = page.locator('.section-nav .nav-top > a[href="/news/"]');
    const politics = page.locator('.section-nav .nav-sections a[href="/politics/"]');
    assert.equal(await page.locator(".menu-toggle").isVisible(), false, "no menu button");
    assert.ok(await news.isVisible(), "top sections show");
    assert.equal(await politics.isVisible(), false, "sections are folded");

    await news.hover();
    assert.ok(await politics.isVisible(), "hover on News shows Politics");
    await page.mouse.move(0, DESKTOP.height - 1);
    assert.equal(await politics.isVisible(), false, "folded again when the pointer leaves");

    await news.focus();
    assert.ok(await politics.isVisible(), "focus on News shows Politics");
    await page.keyboard.press("Tab");
    assert.equal(await politics.evaluate((a) => a === document.activeElement), true, await focused(page));
    assert.ok(await politics.isVisible(), "still open while a section link has focus");
    await page.close();
  });
});

describe("skip link", { skip }, () => {
  test("the first Tab focuses the skip link, and activating it moves focus to main#main", async () => {
    const page = await openPage();
    await page.goto(`${sample.url}${pages.article}`);
    await page.keyboard.press("Tab");
    const skipLink = page.locator(".skip-link");
    assert.equal(await skipLink.evaluate((a) => a === document.activeElement), true, await focused(page));
    assert.ok(await skipLink.isVisible(), "the skip link shows while focused");
    const box = await skipLink.boundingBox();
    assert.ok(box && box.width > 20 && box.height > 10, `skip link box ${JSON.stringify(box)}`);
    await page.keyboard.press("Enter");
    assert.equal(
      await page.evaluate(() => document.activeElement?.matches("main#main")),
      true,
      await focused(page),
    );
    await page.close();
  });
});

describe("sharing", { skip }, () => {
  /** The URL and title each share link carries, decoded as the receiving site decodes them. */
  async function sharedValues(page: Page): Promise<{ name: string; url?: string; title?: string }[]> {
    const links = await page
      .locator(".share-bar a.share")
      .evaluateAll((anchors) =>
        anchors.map((a) => ({ name: a.textContent ?? "", href: a.getAttribute("href") ?? "" })),
      );
    return links.map(({ name, href }) => {
      const params = new URL(href).searchParams;
      const url = params.get("url") ?? params.get("u") ?? params.get("body") ?? undefined;
      const title = params.get("text") ?? params.get("title") ?? params.get("subject") ?? undefined;
      return { name, ...(url === undefined ? {} : { url }), ...(title === undefined ? {} : { title }) };
    });
  }

  for (const which of ["a sample article", "an article whose headline needs encoding"] as const) {
    test(`share links carry the canonical URL and headline, correctly encoded (${which})`, async () => {
      const page = await openPage();
      const url =
        which === "a sample article" ? `${sample.url}${pages.article}` : `${fixture.url}${wideArticle}`;
      await page.goto(url);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
      const headline = (await page.locator("h1.headline").textContent())?.trim() ?? "";
      assert.ok(canonical?.startsWith("https://"), String(canonical));
      if (which !== "a sample article") assert.equal(headline, TRICKY_HEADLINE);
      const shared = await sharedValues(page);
      assert.ok(shared.length >= 5, `${shared.length} share links`);
      for (const { name, url: sharedUrl, title } of shared) {
        if (sharedUrl !== undefined) {
          assert.equal(sharedUrl, canonical, `${name}'s URL`);
          if (title !== undefined) assert.equal(title, headline, `${name}'s title`);
        } else {
          // One text parameter with both (WhatsApp): the headline, a space, the URL.
          assert.equal(title, `${headline} ${canonical}`, `${name}'s text`);
        }
      }
      await page.close();
    });
  }

  test("the copy-link button puts the page's URL on the clipboard and says so", async () => {
    const page = await openPage();
    await browser.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(sample.url).origin,
    });
    await page.goto(`${sample.url}${pages.article}`);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    const button = page.locator("[data-copy-link]");
    assert.equal((await button.textContent())?.trim(), "Copy link");
    await button.click();
    await page.waitForFunction(
      () => document.querySelector("[data-copy-link]")?.textContent?.trim() === "Link copied",
    );
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), canonical);
    await page.close();
  });

  test("clicking copy link twice in a row still returns the button to its own text", async () => {
    const page = await openPage();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.resolve() } });
    });
    await page.clock.install();
    await page.goto(`${sample.url}${pages.article}`);
    const button = page.locator("[data-copy-link]");
    await button.click();
    await page.waitForFunction(
      () => document.querySelector("[data-copy-link]")?.textContent === "Link copied",
    );
    await page.clock.runFor(500);
    await button.click();
    await page.clock.runFor(5000);
    assert.equal((await button.textContent())?.trim(), "Copy link");
    await page.close();
  });
});

describe("click-to-load video", { skip }, () => {
  test("the player's host is contacted only on click; the player takes the link's place and focus", async () => {
    const page = await openPage();
    const contacted: string[] = [];
    await page.route("https://www.youtube-nocookie.com/**", (route) => {
      contacted.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<title>player</title>" });
    });
    await page.goto(`${fixture.url}${videoArticle}`, { waitUntil: "networkidle" });
    const link = page.locator("a.video-embed");
    assert.equal(await link.getAttribute("href"), VIDEO_SRC, "without scripts it is a plain link");
    assert.deepEqual(contacted, [], "nothing loads from the video host before the click");

    await link.focus();
    await page.keyboard.press("Enter");
    const frame = page.locator(".article-body iframe.video-frame");
    await frame.waitFor();
    assert.equal(await frame.getAttribute("src"), VIDEO_SRC);
    assert.match((await frame.getAttribute("title")) ?? "", /Play the video/);
    assert.equal(await page.locator("a.video-embed").count(), 0);
    assert.equal(page.url(), `${fixture.url}${videoArticle}`, "the page stays");
    assert.equal(
      await frame.evaluate((f) => f === document.activeElement),
      true,
      `a keyboard reader is left on the player, not on ${await focused(page)}`,
    );
    await page.close();
  });

  test("an editor's link never becomes a player: no script from data-embed, no frame of another host", async () => {
    const page = await openPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.route("https://**", (route) => route.fulfill({ status: 200, body: "elsewhere" }));
    for (const name of ["Hostile one", "Hostile two"]) {
      await page.goto(`${fixture.url}${videoArticle}`, { waitUntil: "networkidle" });
      const link = page.getByRole("link", { name });
      assert.equal(await link.getAttribute("data-embed"), null);
      assert.equal(await link.getAttribute("class"), null);
      await link.click();
      await page.waitForLoadState();
      assert.equal(await page.locator("iframe").count(), 0, `${name}: no frame`);
    }
    assert.deepEqual(dialogs, [], "no script ran");
    await page.close();
  });
});

describe("no horizontal scroll at 320px", { skip }, () => {
  const kinds = ["home", "section", "article", "search", "notFound"] as const;
  /** The elements that reach past the right edge (not inside a scrolling box), innermost first, for a readable failure. */
  function overflowing(page: Page): Promise<string[]> {
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    return page.evaluate(() => {
      const width = document.documentElement.clientWidth + 0.5;
      const found: string[] = [];
      for (const el of document.body.querySelectorAll("*")) {
        if (el.getBoundingClientRect().right <= width) continue;
        let inScroller = false;
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== "visible") inScroller = true;
        }
        const scrolls = getComputedStyle(el).overflowX !== "visible";
        const childSticksOut = [...el.children].some((child) => child.getBoundingClientRect().right > width);
        if (inScroller || (childSticksOut && !scrolls)) continue;
        found.push(
          `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${el.getBoundingClientRect().right}`,
        );
      }
      return found.slice(0, 8);
    });
  }

  for (const kind of [...kinds, "wide"] as const) {
    const label = kind === "wide" ? "an article with a very long URL and a wide table" : `the ${kind} page`;
    test(`${label} fits 320px`, async () => {
      const page = await openPage({ width: 320, height: 640 });
      await page.goto(kind === "wide" ? `${fixture.url}${wideArticle}` : `${sample.url}${pages[kind]}`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= 320, `scrollWidth ${scrollWidth}: ${(await overflowing(page)).join(", ")}`);
      await page.close();
    });
  }
});

describe("no console errors", { skip }, () => {
  const kinds = [
    "home",
    "section",
    "topSection",
    "topic",
    "article",
    "search",
    "notFound",
    "plainPage",
  ] as const satisfies readonly (keyof PageKinds)[];
  for (const kind of kinds) {
    test(`the ${kind} page loads without console errors or failed requests`, async () => {
      const page = await openPage();
      const problems = collectProblems(page, kind === "notFound" ? pages.notFound : undefined);
      await page.goto(`${sample.url}${pages[kind]}`, { waitUntil: "networkidle" });
      assert.ok((await page.locator("h1").first().textContent())?.trim(), "the page has a heading");
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
