import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { PROJECT, readPage, tempOutput } from "../helpers/build.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { indexedPages } from "../helpers/searchIndex.ts";

const output = tempOutput();

/** Runs the preview's Eleventy (as `npm start` does, watching) until its first build is written. */
async function previewBuild(content: string): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "node_modules/@11ty/eleventy/cmd.cjs",
      "--config=.eleventy.ts",
      "--watch",
      `--output=${output}`,
    ],
    { cwd: PROJECT, env: { ...process.env, NEWSDESK_CONTENT: content, SOURCE_DATE_EPOCH: "1795600000" } },
  );
  let log = "";
  child.stdout.on("data", (chunk) => {
    log += chunk;
  });
  child.stderr.on("data", (chunk) => {
    log += chunk;
  });
  for (let waited = 0; !log.includes("Watching") && waited < 60_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  return log;
}

before(async () => {
  const content = makeFixtureContent({
    articles: {
      "live.md": { fields: validFields({ headline: "Live story" }) },
      "draft.md": { fields: validFields({ headline: "Draft story", date: "2016-11-06 08:00", draft: true }) },
      "later.md": { fields: validFields({ headline: "Scheduled story", date: "2027-01-01 08:00" }) },
    },
  });
  const log = await previewBuild(content);
  assert.match(log, /Watching/, log);
});

describe("the preview (npm start)", () => {
  test("shows drafts and scheduled articles, clearly marked on their pages and in lists", () => {
    assert.match(
      readPage(output, "/economy/2016-11-06/draft/"),
      /<p class="state-banner state-draft"[^>]*>Draft: not published<\/p>/,
    );
    assert.match(
      readPage(output, "/economy/2027-01-01/later/"),
      /<p class="state-banner state-scheduled"[^>]*>Scheduled: publishes 2027-01-01 08:00<\/p>/,
    );
    const section = readPage(output, "/economy/");
    assert.match(
      section,
      /Draft story.*<span class="state-badge state-draft"> Draft: not published<\/span>/s,
    );
    assert.match(section, /Scheduled story/);
  });

  test("has search over its own folder, which finds published articles only", () => {
    const urls = indexedPages(output).map((page) => page.url);
    assert.ok(urls.includes("/economy/2016-11-05/live/"), urls.join(", "));
    assert.ok(!urls.some((url) => /draft|later/.test(url)), urls.join(", "));
  });

  test("never writes into _site: npm start serves its own folder, so drafts cannot be published from it", () => {
    assert.ok(existsSync(path.join(output, "economy/2016-11-05/live/index.html")));
    const scripts = (
      JSON.parse(readFileSync(path.join(PROJECT, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    assert.match(scripts.start ?? "", /--serve --output=_preview$/);
  });
});
