// Full-page screenshots of the built site at desktop and phone widths, for design review.
// Run after a build: `npx tsx scripts/screenshots.ts` writes PNGs into screenshots/.
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

const ROOT = path.resolve(process.env.SITE_DIR ?? "_site");
const OUT = path.resolve("screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const WIDTHS = [1280, 390] as const;
const ARTICLE_URL = /^\/[a-z0-9-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/$/;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".wasm": "application/wasm",
};

/** A tiny static server: files as they are, index.html for folders, 404.html otherwise. */
function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      pathname = "/";
    }
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) file = "";
    if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!file || !existsSync(file)) {
      response.writeHead(404, { "content-type": TYPES[".html"] });
      const notFound = path.join(root, "404.html");
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

/** The first article linked from a page, as a site path, or undefined. */
async function firstArticle(browser: Browser, url: string): Promise<string | undefined> {
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
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH).`);
    return 1;
  }
  mkdirSync(OUT, { recursive: true });
  const { server, url } = await serve(ROOT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
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
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
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
      await context.close();
    }
    return 0;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
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
