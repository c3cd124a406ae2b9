import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { startLocalBackend } from "../../src/eleventy/localBackend.ts";
import { launchBrowser } from "../headlessChromium.ts";
import { serveFolder } from "../staticServer.ts";
import { generateNewsroom } from "./generateArticles.ts";

/**
 * The web editor at archive scale (issue 18, point 7): with the local backend on a content
 * folder of N generated articles (10,000 by default), how long Chromium takes to show the
 * article list and to open an article in the editor, preview included.
 *
 *   npx tsx tools/bench/webEditorScale.ts [--articles 10000] [--content DIR] [--runs 3]
 */
const PROJECT = path.resolve(import.meta.dirname, "../..");
const EPOCH = "1795838400";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    content: { type: "string" },
    runs: { type: "string", default: "3" },
  },
});
const work = mkdtempSync(path.join(tmpdir(), "newsdesk-editor-bench-"));
const content = values.content ? path.resolve(values.content) : path.join(work, "content");
if (!values.content || !existsSync(content)) {
  const started = performance.now();
  generateNewsroom(
    Number(values.articles),
    content,
    1,
    DateTime.fromSeconds(Number(EPOCH), { zone: "utc" }),
    PROJECT,
  );
  console.log(
    `generated ${values.articles} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

// /admin/ as the build makes it from those articles (a large archive is listed by year or month).
const backendPort = 18_000 + Math.floor(Math.random() * 1000);
const site = path.join(work, "_site");
const built = spawnSync(
  process.execPath,
  ["--import", "tsx", "src/cli/build.ts", "--content", content, "--output", site],
  {
    cwd: PROJECT,
    encoding: "utf8",
    env: {
      ...process.env,
      SOURCE_DATE_EPOCH: EPOCH,
      NEWSDESK_BACKEND_PORT: String(backendPort),
      NEWSDESK_CACHE: `${work}/.cache`,
    },
  },
);
if (built.status !== 0) throw new Error(built.stderr);

const backend = await startLocalBackend({ contentDir: content, port: backendPort });
if (!backend) throw new Error("--content must name a folder called content/");
const server = await serveFolder(site);
const browser = await launchBrowser();
const seconds = (from: number) => (performance.now() - from) / 1000;
try {
  for (let run = 1; run <= Number(values.runs); run++) {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    // From opening /admin/: Decap's script (about 5 MB) is loaded and started each time.
    const started = performance.now();
    // The editor opens on its first list: the newest (or, for a small archive, the only one).
    await page.goto(`${server.url}admin/`);
    const login = page.getByRole("button", { name: /login/i });
    const entryLinks = page.locator('a[href*="/entries/"]');
    const list = entryLinks.first();
    await login.or(list).first().waitFor({ timeout: 600_000 });
    if (await login.isVisible()) await login.click();
    await list.waitFor({ timeout: 600_000 });
    const listSeconds = seconds(started);
    const entries = await entryLinks.count();
    const clicked = performance.now();
    await list.click();
    await page.getByLabel("headline").waitFor({ timeout: 600_000 });
    const frame = await (async () => {
      for (;;) {
        const found = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith("about:"));
        if (found) return found;
        await page.waitForTimeout(20);
      }
    })();
    await frame.locator("h1.headline").waitFor({ timeout: 600_000 });
    const openSeconds = seconds(clicked);
    console.log(
      `run ${run}: article list shown in ${listSeconds.toFixed(1)} s (${entries} entries on screen); an article opened with its preview in ${openSeconds.toFixed(1)} s`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await backend.close();
  rmSync(site, { recursive: true, force: true });
}
