import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { readFrontMatterBlock } from "../../src/content/frontMatterBlock.ts";
import { listMarkdownFiles } from "../../src/content/sourceFiles.ts";
import { launchBrowser } from "../headlessChromium.ts";
import { serveFolder } from "../staticServer.ts";

/** A 3G phone connection, as Chromium emulates it: 150 ms latency, 1.6 Mbit/s down, 768 kbit/s up. */
const MOBILE_3G = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 96_000 };

/**
 * Words to search for, taken from the content so any generator's articles will do: the
 * first word of the last article's headline (in file order), its first two words, its
 * last word, and a word that is nowhere (the cost of finding nothing).
 */
function queriesFor(content: string): string[] {
  const id = listMarkdownFiles(contentFolder(content), "articles").at(-1);
  const fields = id
    ? readFrontMatterBlock(readFileSync(path.join(content, "articles", id), "utf8"))?.data
    : undefined;
  const words = String(fields?.headline ?? "")
    .split(/[\s-]+/)
    .filter(Boolean);
  const [first = "news", second = "china"] = words;
  return [first, `${first} ${second}`, words.at(-1) ?? "today", "qwertyuiop"];
}

/** One search on a fresh page, as on a first visit: time to the results and requests for the index. */
async function timeSearch(
  browser: BrowserContext,
  site: string,
  query: string,
  mobile: boolean,
): Promise<{ ms: number; requests: number; status: string }> {
  const page = await browser.newPage();
  try {
    if (mobile) await (await browser.newCDPSession(page)).send("Network.emulateNetworkConditions", MOBILE_3G);
    let requests = 0;
    page.on("request", (request) => {
      if (request.url().includes("/pagefind/")) requests++;
    });
    const started = performance.now();
    await page.goto(`${site}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(
      () => document.querySelector("[data-search-status]")?.textContent !== "",
      null,
      {
        timeout: 120_000,
      },
    );
    const ms = performance.now() - started;
    return { ms, requests, status: (await page.locator("[data-search-status]").textContent()) ?? "" };
  } finally {
    await page.close();
  }
}

/**
 * `npm run bench -- --search`: what the built site's search costs a reader. Serves the
 * site locally, opens its search page in headless Chromium for each query, on the local
 * network and on 3G, and reports the time to the results and the index requests.
 */
export async function searchLatency(content: string, site: string): Promise<void> {
  const server = await serveFolder(site);
  const browser = await launchBrowser();
  try {
    console.log("\nsearch page, first visit (headless Chromium):");
    for (const mobile of [false, true])
      for (const query of queriesFor(content)) {
        const { ms, requests, status } = await timeSearch(browser, server.url, query, mobile);
        console.log(
          `  ${mobile ? "3G   " : "local"} ${JSON.stringify(query).padEnd(26)} ${(ms / 1000).toFixed(2)} s, ${requests} index requests: ${status}`,
        );
      }
  } finally {
    await browser.close();
    await server.close();
  }
}
