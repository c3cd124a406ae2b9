// `npm run audit`: Lighthouse (performance, accessibility, best practices, SEO; mobile) on the
// sample's longest article, the home page and a section page, served from localhost as a
// static host would serve them, plus the longest article's page weight.
//
//   npm run audit                                  builds content/ into a temporary folder first
//   npm run audit -- --site _site                  audits an existing build
//   npm run audit -- --out screenshots/audit.json  where the JSON report goes (the default)
//   npm run audit -- --check                       exits 1 when a score is below its target
//
// Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH), started here with a DevTools
// port for Lighthouse: chrome-launcher is not installed.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import lighthouse from "lighthouse";
import { articlePages } from "../tests/helpers/samplePages.ts";
import { CHROMIUM } from "./headlessChromium.ts";
import { serveFolder } from "./staticServer.ts";

const PROJECT = path.resolve(import.meta.dirname, "..");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
/** The lowest acceptable score of each category, out of 100. */
const TARGETS: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 100,
  seo: 100,
};

interface PageReport {
  readonly name: string;
  readonly path: string;
  readonly scores: Record<Category, number | null>;
  /** Audits that cost points, per category below its target: id, score and Lighthouse's title. */
  readonly failing: Partial<Record<Category, string[]>>;
  readonly metrics: Record<string, string>;
}

/** The page's own bytes as a browser first fetches them, uncompressed: HTML, stylesheets, scripts. */
interface PageWeight {
  readonly path: string;
  readonly html: number;
  readonly css: Record<string, number>;
  readonly js: Record<string, number>;
  readonly total: number;
}

/** The version of Lighthouse that ran, from its report. */
let lighthouseVersion = "";

const { values: options } = parseArgs({
  options: {
    site: { type: "string" },
    out: { type: "string", default: "screenshots/audit.json" },
    check: { type: "boolean", default: false },
  },
});

/** Builds the sample site with the real build command into a temporary folder. */
function buildSample(): string {
  const output = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-audit-")), "_site");
  console.log(`Building content/ into ${output} ...`);
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--output", output], {
    cwd: PROJECT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status})`);
  return output;
}

/** The site's path prefix, read from the home page's stylesheet link (`/newsroom/assets/site.x.css`). */
function pathPrefixOf(site: string): string {
  const html = readFileSync(path.join(site, "index.html"), "utf8");
  const prefix = /<link rel="?stylesheet"? href="?([^"\s>]*?)assets\/site\.[^"\s>]*\.css/.exec(html)?.[1];
  if (!prefix?.startsWith("/")) throw new Error(`${site}/index.html links no /assets/site.*.css`);
  return prefix;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Headless Chromium with a DevTools port, resolved once it listens. */
async function launchChromium(port: number, profile: string): Promise<ChildProcess> {
  const chromium = spawn(
    CHROMIUM,
    [
      "--headless=new",
      `--remote-debugging-port=${port}`,
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not open its DevTools port:\n${output}`)),
      30_000,
    );
    chromium.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${CHROMIUM} (set CHROMIUM_PATH): ${error.message}`));
    });
    chromium.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before listening:\n${output}`));
    });
    chromium.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("DevTools listening on")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return chromium;
}

/** Stops Chromium and waits until it has exited, so its profile folder can be removed. */
async function stopChromium(chromium: ChildProcess): Promise<void> {
  if (chromium.exitCode !== null || chromium.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => chromium.once("exit", () => resolve()));
  chromium.kill("SIGTERM");
  const timer = setTimeout(() => chromium.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** Sizes of the HTML and of the stylesheets and scripts it links (not images, not the search index). */
function pageWeight(site: string, prefix: string, pagePath: string): PageWeight {
  const htmlFile = path.join(site, pagePath, "index.html");
  const html = readFileSync(htmlFile, "utf8");
  const sizeOf = (url: string) => statSync(path.join(site, url.slice(prefix.length))).size;
  const css: Record<string, number> = {};
  const js: Record<string, number> = {};
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (!/rel="?stylesheet/.test(tag)) continue;
    const href = /href="?([^"\s>]+)/.exec(tag)?.[1];
    if (href) css[href] = sizeOf(href);
  }
  for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)) {
    if (src) js[src] = sizeOf(src);
  }
  const sum = (sizes: Record<string, number>) => Object.values(sizes).reduce((a, b) => a + b, 0);
  const htmlBytes = statSync(htmlFile).size;
  return { path: pagePath, html: htmlBytes, css, js, total: htmlBytes + sum(css) + sum(js) };
}

async function auditPage(port: number, baseUrl: string, name: string, pagePath: string): Promise<PageReport> {
  const result = await lighthouse(`${baseUrl}${pagePath}`, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for /${pagePath}`);
  const { lhr } = result;
  lighthouseVersion = lhr.lighthouseVersion;
  if (lhr.runtimeError) throw new Error(`Lighthouse on /${pagePath}: ${lhr.runtimeError.message}`);
  const scores = {} as Record<Category, number | null>;
  const failing: Partial<Record<Category, string[]>> = {};
  for (const category of CATEGORIES) {
    const entry = lhr.categories[category];
    const score = entry?.score == null ? null : Math.round(entry.score * 100);
    scores[category] = score;
    if (!entry || (score !== null && score >= TARGETS[category])) continue;
    failing[category] = entry.auditRefs
      .map((ref) => lhr.audits[ref.id])
      .filter((audit) => audit && audit.score !== null && audit.score < 1)
      .filter(
        (audit) => audit && !["notApplicable", "manual", "informative"].includes(audit.scoreDisplayMode),
      )
      .map(
        (audit) =>
          `${audit?.id} (${audit?.score}): ${audit?.title}${audit?.displayValue ? ` [${audit.displayValue}]` : ""}`,
      );
  }
  const metrics: Record<string, string> = {};
  for (const id of [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
    "total-byte-weight",
  ]) {
    const value = lhr.audits[id]?.displayValue;
    if (value) metrics[id] = value;
  }
  return { name, path: `/${pagePath}`, scores, failing, metrics };
}

function printTable(reports: readonly PageReport[]): void {
  const header = ["page", ...CATEGORIES];
  const rows = reports.map((r) => [
    `${r.name} ${r.path}`,
    ...CATEGORIES.map((c) => {
      const score = r.scores[c];
      return score === null ? "n/a" : `${score}${score < TARGETS[c] ? " ✗" : ""}`;
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  console.log(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}`);
  for (const row of rows) console.log(line(row));
  console.log(`targets: ${CATEGORIES.map((c) => `${c} >= ${TARGETS[c]}`).join(", ")}`);
  for (const report of reports) {
    for (const [category, audits] of Object.entries(report.failing)) {
      console.log(`\n${report.path} ${category} below target:`);
      for (const audit of audits) console.log(`  ${audit}`);
    }
  }
}

function printWeight(weight: PageWeight): void {
  const files = [
    [`/${weight.path} (HTML)`, weight.html],
    ...Object.entries(weight.css),
    ...Object.entries(weight.js),
  ];
  console.log(`\nPage weight of the longest article, uncompressed (no images):`);
  for (const [file, bytes] of files) console.log(`  ${String(bytes).padStart(8)}  ${file}`);
  console.log(`  ${String(weight.total).padStart(8)}  total`);
}

async function main(): Promise<void> {
  const site = options.site ? path.resolve(options.site) : buildSample();
  try {
    await auditSite(site);
  } finally {
    // A temporary build is removed; a given --site is left as it was.
    if (!options.site) rmSync(path.dirname(site), { recursive: true, force: true });
  }
}

async function auditSite(site: string): Promise<void> {
  const prefix = pathPrefixOf(site);
  const [longest] = articlePages(site);
  if (!longest) throw new Error(`${site} has no article pages`);
  const section = `${longest.url.split("/")[0]}/`;
  const pages = [
    { name: "longest article", path: longest.url },
    { name: "home", path: "" },
    { name: "section", path: section },
  ];

  const server = await serveFolder(site, prefix);
  const port = await freePort();
  const profile = mkdtempSync(path.join(tmpdir(), "newsdesk-audit-chromium-"));
  let chromium: ChildProcess | undefined;
  const reports: PageReport[] = [];
  try {
    chromium = await launchChromium(port, profile);
    for (const page of pages) {
      console.log(`Lighthouse: ${server.url}${page.path}`);
      reports.push(await auditPage(port, server.url, page.name, page.path));
    }
  } finally {
    if (chromium) await stopChromium(chromium);
    await server.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }

  const weight = pageWeight(site, prefix, longest.url);
  printTable(reports);
  printWeight(weight);
  const out = path.resolve(options.out ?? "screenshots/audit.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ lighthouse: lighthouseVersion, targets: TARGETS, pages: reports, weight }, null, 2)}\n`,
  );
  console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
  const below = reports.some((r) => CATEGORIES.some((c) => (r.scores[c] ?? 0) < TARGETS[c]));
  if (options.check && below) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
