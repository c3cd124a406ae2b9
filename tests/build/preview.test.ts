import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { PLACEHOLDER_BODY } from "../../src/content/placeholder.ts";
import { type Preview, startPreview, WATCHING } from "../../tools/previewProcess.ts";
import { differingFiles, fileHashes, PROJECT, readPage, tempOutput } from "../helpers/build.ts";
import { articleText, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { indexedPages } from "../helpers/searchIndex.ts";

const output = tempOutput();
const SEARCH_UPDATED = /Search index updated/;
const LIVE = validFields({ headline: "Live story", tags: ["rare earths"] });
let content: string;
let preview: Preview;

before(async () => {
  content = makeFixtureContent({
    articles: {
      "live.md": { fields: LIVE, body: "The first paragraph as it was.\n\nMore." },
      "other.md": { fields: validFields({ headline: "Other story", date: "2016-11-04 10:00" }) },
      "draft.md": { fields: validFields({ headline: "Draft story", date: "2016-11-06 08:00", draft: true }) },
      "later.md": { fields: validFields({ headline: "Scheduled story", date: "2027-01-01 08:00" }) },
    },
  });
  preview = await startPreview(content, output, { env: { SOURCE_DATE_EPOCH: "1795600000" } });
  await preview.waitFor(SEARCH_UPDATED);
});

after(() => preview.stop());

const livePage = () => readPage(output, "/economy/2016-11-05/live/");
const indexedText = () =>
  indexedPages(output)
    .map((page) => page.content)
    .join("\n");

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
    assert.match(scripts.start ?? "", /src\/cli\/start\.ts$/);
    assert.match(
      readFileSync(path.join(PROJECT, "src/cli/start.ts"), "utf8"),
      /output: \{ type: "string", default: "_preview" \}/,
    );
  });
});

describe("the preview after an edit", () => {
  test("to an article's text: rewrites its page and the pages that list it, nothing else, then its search", async () => {
    const before = fileHashes(output);
    const mark = preview.log().length;
    const printed = await preview.save(
      path.join(content, "articles/live.md"),
      articleText({ fields: LIVE, body: "The first paragraph, corrected by the desk.\n\nMore." }),
    );
    assert.doesNotMatch(printed, /error/i, printed);
    assert.match(livePage(), /The first paragraph, corrected by the desk\./);
    assert.match(readPage(output, "/economy/"), /The first paragraph, corrected by the desk\./);

    const changed = [...fileHashes(output)]
      .filter(([file, hash]) => before.get(file) !== hash && !file.startsWith("pagefind/"))
      .map(([file]) => file)
      .sort();
    assert.deepEqual(changed, [
      "biz/index.html",
      "economy/2016-11-05/live/index.html",
      "economy/index.html",
      "feeds/atom.xml",
      "feeds/biz/atom.xml",
      "feeds/biz/rss.xml",
      "feeds/economy/atom.xml",
      "feeds/economy/rss.xml",
      "feeds/rss.xml",
      // Without an export, Most popular lists the latest articles, with their summaries.
      "most-popular/index.html",
      "topics/rare-earths/index.html",
    ]);
    // Other articles' pages name the edited one by its headline only, which did not change.
    assert.equal(
      before.get("economy/2016-11-04/other/index.html"),
      fileHashes(output).get("economy/2016-11-04/other/index.html"),
    );

    await preview.waitFor(SEARCH_UPDATED, mark);
    assert.match(indexedText(), /corrected by the desk/);
  });

  test("with a mistake in the text: says what and where, keeps the last good page, updates once fixed", async () => {
    const printed = await preview.save(
      path.join(content, "articles/live.md"),
      articleText({ fields: LIVE, body: PLACEHOLDER_BODY }),
    );
    assert.match(printed, /articles\/live\.md:\d+: body: still holds the placeholder text/, printed);
    assert.match(livePage(), /corrected by the desk/);

    await preview.save(
      path.join(content, "articles/live.md"),
      articleText({ fields: LIVE, body: "Fixed text after the mistake.\n\nMore." }),
    );
    assert.match(livePage(), /Fixed text after the mistake\./);
  });

  test("to front matter: every page that shows it is written again, so other articles' lists show the new headline", async () => {
    const before = fileHashes(output);
    await preview.save(
      path.join(content, "articles/live.md"),
      articleText({ fields: { ...LIVE, headline: "Renamed story" }, body: "Fixed text after the mistake." }),
    );
    assert.match(readPage(output, "/economy/2016-11-04/other/"), /Renamed story/);
    assert.notEqual(
      before.get("economy/2016-11-04/other/index.html"),
      fileHashes(output).get("economy/2016-11-04/other/index.html"),
    );
  });

  test("to popular.json: rewrites the shared blocks file and the pages that show the blocks inline, no article page", async () => {
    const before = fileHashes(output);
    const articleTimes = () =>
      [...before.keys()]
        .filter((file) => /^[a-z-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/index\.html$/.test(file))
        .map((file) => [file, statSync(path.join(output, file)).mtimeMs]);
    const timesBefore = articleTimes();
    assert.ok(timesBefore.length >= 3);
    const printed = await preview.save(
      path.join(content, "_data/popular.json"),
      JSON.stringify({
        exportedAt: "2026-11-25T12:00:00+08:00",
        pages: [{ path: "/economy/2016-11-04/other/", views: 10 }],
      }),
    );
    assert.doesNotMatch(printed, /error|warning/i, printed);
    const changed = [...fileHashes(output)]
      .filter(([file, hash]) => before.get(file) !== hash && !file.startsWith("pagefind/"))
      .map(([file]) => file);
    for (const file of [
      "shared/blocks.html",
      "index.html",
      "economy/index.html",
      "most-popular/index.html",
    ]) {
      assert.ok(changed.includes(file), `${file} should change: ${changed.join(", ")}`);
    }
    // The rest of what changed are the other sections' first pages, which show the blocks inline too.
    for (const file of changed.filter((f) => f !== "shared/blocks.html")) {
      assert.match(readPage(output, `/${file}`), /<aside class="sidebar">/, file);
    }
    assert.match(readPage(output, "/economy/2016-11-05/live/"), /data-shared-blocks=/);
    assert.deepEqual(articleTimes(), timesBefore, "no article page is written again");
  });

  test("added and deleted articles: the preview then holds what a fresh preview of the same files does", async () => {
    await preview.save(
      path.join(content, "articles/added.md"),
      articleText({
        fields: validFields({ headline: "Added story", date: "2016-11-05 15:00", tags: ["rare earths"] }),
      }),
    );
    assert.match(readPage(output, "/economy/"), /Added story/);
    const beforeDelete = preview.log().length;
    rmSync(path.join(content, "articles/other.md"));
    const seen = await preview.waitFor(/\[newsdesk\] Changed:[^\n]*other\.md/, beforeDelete);
    const built = await preview.waitFor(WATCHING, seen);
    await preview.waitFor(SEARCH_UPDATED, built);
    assert.ok(
      !existsSync(path.join(output, "economy/2016-11-04/other/index.html")),
      "a deleted article's page goes",
    );

    const fresh = tempOutput();
    const cold = await startPreview(content, fresh, { env: { SOURCE_DATE_EPOCH: "1795600000" } });
    try {
      await cold.waitFor(SEARCH_UPDATED);
      assert.deepEqual(differingFiles(output, fresh), []);
    } finally {
      cold.stop();
    }
  });
});
