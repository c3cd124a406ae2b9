import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { CHROMIUM, launchBrowser } from "../../tools/headlessChromium.ts";
import { serveFolder } from "../../tools/staticServer.ts";
import { PROJECT, runBuild, tempOutput } from "./build.ts";
import { type PageKinds, samplePageKinds } from "./samplePages.ts";

/**
 * Why browser tests cannot run here, or undefined when they can. Without Chromium they
 * skip with how to install it; under CI they never skip.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH)`;
  if (process.env.CI === "true") throw new Error(`${reason}; CI must run the browser tests`);
  return reason;
}

/** The sample site built at a clock, served on this computer, and a headless Chromium to read it. */
export interface ServedSample {
  readonly browser: BrowserContext;
  readonly server: { readonly url: string };
  readonly pages: PageKinds;
  close(): Promise<void>;
}

/** What the browser tests of the sample's pages start from. */
export async function servedSample(epoch: string): Promise<ServedSample> {
  const output = tempOutput();
  const result = runBuild(`${PROJECT}/content`, output, { SOURCE_DATE_EPOCH: epoch });
  assert.equal(result.status, 0, result.stderr);
  const server = await serveFolder(output);
  const browser = await launchBrowser();
  return {
    browser,
    server,
    pages: samplePageKinds(output),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
