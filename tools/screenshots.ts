// Full-page screenshots of the built site at desktop and phone widths, for design review.
// Run after a build: `npm run screenshots` writes PNGs into screenshots/.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { browserSkipReason } from "../tests/helpers/browser.ts";
import { launchBrowser } from "./headlessChromium.ts";
import { serveFolder } from "./staticServer.ts";

const ROOT = path.resolve(process.env.SITE_DIR ?? "_site");
const OUT = path.resolve("screenshots");
const WIDTHS = [1280, 390] as const;
const ARTICLE_URL = /^\/[a-z0-9-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/$/;

/** The first article linked from a page, as a site path, or undefined. */
async function firstArticle(browser: BrowserContext, url: string): Promise<string | undefined> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: "load" });
    const hrefs = await page.$$eval("main a[href]", (links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    return hrefs.find((href) => ARTICLE_URL.test(href));
  } finally {
    await page.close();
  }
}

/** Scrolls down the page so lazy pictures load (a full-page screenshot does not), then back up. */
async function loadLazyImages(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.evaluate(async () => {
    window.scrollTo(0, 0);
    const pending = [...document.images].filter((image) => !image.complete);
    await Promise.all(
      pending.map(
        (image) =>
          new Promise<void>((done) => {
            image.addEventListener("load", () => done(), { once: true });
            image.addEventListener("error", () => done(), { once: true });
            setTimeout(done, 5000);
          }),
      ),
    );
  });
}

async function main(): Promise<number> {
  if (!existsSync(path.join(ROOT, "index.html"))) {
    console.error(`No built site at ${ROOT}: run \`npx tsx src/cli/build.ts\` first.`);
    return 1;
  }
  const missing = browserSkipReason();
  if (missing) {
    console.error(missing);
    return 1;
  }
  mkdirSync(OUT, { recursive: true });
  const server = await serveFolder(ROOT);
  const url = server.url.replace(/\/$/, "");
  const browser = await launchBrowser();
  try {
    const pages: [name: string, pathname: string][] = [
      ["home", "/"],
      ["section", "/economy/"],
    ];
    const article = await firstArticle(browser, `${url}/economy/`);
    if (article) pages.push(["article", article]);
    else console.warn("note: no article link found on /economy/; skipping the article page");
    if (existsSync(path.join(ROOT, "search", "index.html"))) pages.push(["search", "/search/"]);
    else console.warn("note: no /search/ page in the build; skipping it");

    for (const width of WIDTHS) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      for (const [name, pathname] of pages) {
        await page.goto(`${url}${pathname}`, { waitUntil: "load" });
        await loadLazyImages(page);
        const file = path.join(OUT, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        console.log(
          `${path.relative(process.cwd(), file)}${overflow > 0 ? `  (scrolls sideways by ${overflow}px)` : ""}`,
        );
      }
      await page.close();
    }
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
