import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { browserSkipReason, type ServedSample, servedSample } from "../helpers/browser.ts";
import { PROJECT } from "../helpers/build.ts";
import type { PageKinds } from "../helpers/samplePages.ts";

// 2026-11-28 12:00 Beijing time: every sample article is out and popular.json is fresh.
const EPOCH = "1795838400";
const AXE = path.join(PROJECT, "node_modules/axe-core/axe.min.js");
const WIDTHS = [1280, 390] as const;
const KINDS = [
  "home",
  "section",
  "article",
  "topic",
  "search",
  "popular",
  "notFound",
] as const satisfies readonly (keyof PageKinds)[];

const skip = browserSkipReason();
let sample: ServedSample | undefined;
let browser: BrowserContext;
let server: ServedSample["server"];
let pages: PageKinds;

/** What axe-core reports of one rule that failed (the subset this test prints). */
interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly failureSummary?: string }[];
}

before(async () => {
  if (skip) return;
  sample = await servedSample(EPOCH);
  ({ browser, server, pages } = sample);
});

after(async () => {
  await sample?.close();
});

/** Runs axe-core on the page as it is, with every rule axe enables by default (WCAG A and AA, best practices). */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const results = await axe.run(document);
    return results.violations as AxeViolation[];
  });
}

/** One line per failing element: rule, impact, selector and what is wrong. */
function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          const summary = (node.failureSummary ?? "").replace(/\s+/g, " ").trim();
          return `    ${node.target.map(String).join(" ")}${summary ? `\n      ${summary}` : ""}`;
        })
        .join("\n");
      return `${violation.id} (${violation.impact ?? "no impact"}): ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
    })
    .join("\n");
}

describe("accessibility (axe-core) of the sample site in headless Chromium", { skip }, () => {
  for (const width of WIDTHS) {
    for (const kind of KINDS) {
      test(`the ${kind} page at ${width}px wide has no axe violations`, async () => {
        const page = await browser.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}${pages[kind]}`, { waitUntil: "load" });
        if (kind === "search") {
          // Let the search script settle (it loads the index) before checking.
          await page.waitForLoadState("networkidle");
        }
        const violations = await axeViolations(page);
        assert.equal(
          violations.length,
          0,
          `/${pages[kind]} at ${width}px:\n${describeViolations(violations)}`,
        );
        await page.close();
      });
    }
  }

  // What only shows after the reader acts: the open menus and the search results.
  const states: readonly {
    readonly name: string;
    readonly width: number;
    readonly url: () => string;
    readonly act: (page: Page) => Promise<void>;
  }[] = [
    {
      name: "the article page with the phone menu open",
      width: 390,
      url: () => pages.article,
      act: async (page) => {
        await page.click(".menu-toggle");
        await page.waitForSelector("#section-menu", { state: "visible" });
      },
    },
    {
      name: "the article page with a top section's sections shown (keyboard focus)",
      width: 1280,
      url: () => pages.article,
      act: async (page) => {
        await page.focus('.section-nav .nav-top > a[href="/news/"]');
        await page.waitForSelector('.section-nav a[href="/politics/"]', { state: "visible" });
      },
    },
    ...WIDTHS.map((width) => ({
      name: `the search page with results at ${width}px`,
      width,
      url: () => `${pages.search}?q=tea`,
      act: async (page: Page) => {
        await page.waitForSelector("[data-search-results] .item-headline a");
      },
    })),
  ];
  for (const state of states) {
    test(`${state.name} has no axe violations`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width: state.width, height: 900 });
      await page.goto(`${server.url}${state.url()}`, { waitUntil: "load" });
      await state.act(page);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${state.name}:\n${describeViolations(violations)}`);
      await page.close();
    });
  }
});
