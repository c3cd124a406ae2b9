import assert from "node:assert/strict";
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { type ContentFolder, contentFolder } from "../../src/content/contentFolder.ts";
import { PLACEHOLDER_BODY } from "../../src/content/editorialChecks.ts";
import { loadSite, type Site } from "../../src/site/model.ts";
import { archivePagesShowing, withArticlesReplaced } from "../../src/site/replaceArticles.ts";
import { readTextEdits } from "../../src/site/textEdits.ts";
import { articleText, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

const CLOCK = DateTime.fromISO("2026-11-28T12:00:00+08:00");

/** A preview's site of three articles; `baotou.md` is the one the tests edit. */
function previewSite(): { content: ContentFolder; site: Site; file: string } {
  const content = contentFolder(
    makeFixtureContent({
      articles: {
        "baotou.md": {
          fields: validFields({ tags: ["rare earths"], top: true }),
          body: "Baotou's plants doubled output.\n\nA second paragraph.",
        },
        "older.md": { fields: validFields({ headline: "Older news", date: "2016-11-04 09:00" }) },
        "draft.md": { fields: validFields({ headline: "Draft news", draft: true }) },
      },
    }),
  );
  const site = loadSite({ content, mode: "preview", clock: CLOCK, env: {} });
  return { content, site, file: content.resolve("articles/baotou.md") };
}

function rewrite(file: string, fields: Record<string, unknown>, body: string): void {
  writeFileSync(
    file,
    articleText({ fields: validFields({ tags: ["rare earths"], top: true, ...fields }), body }),
  );
}

describe("the preview's update after an edit to an article's text", () => {
  test("puts the new text in every list and names only the pages that show the article", () => {
    const { content, site, file } = previewSite();
    rewrite(file, {}, "Baotou's plants tripled output.\n\nA second paragraph.");
    const result = readTextEdits(site, content, new Set([file]));
    assert.ok(result?.ok, "a text edit");
    const [before, after] = [...result.edits][0] ?? [];
    assert.ok(before && after);
    assert.equal(after.summary, "Baotou's plants tripled output.");

    const updated = withArticlesReplaced(site, result.edits, result.bodyWarnings);
    const listed = (articles: readonly { headline: string; summary: string }[]) =>
      articles.find((article) => article.headline === before.headline)?.summary;
    assert.equal(listed(updated.articles), after.summary);
    assert.equal(listed(updated.topStories), after.summary);
    assert.equal(listed(updated.topics[0]?.articles ?? []), after.summary);
    assert.equal(listed(updated.sidebar.topNews.articles), after.summary);
    for (const route of updated.routes) {
      if (route.kind === "listing") assert.ok(!route.page.articles.includes(before), route.url);
      if (route.kind === "article") assert.notEqual(route.article, before);
    }
    // Related lists are the full build's, with the article's new version in them.
    const older = updated.articles.find((article) => article.headline === "Older news");
    assert.ok(older);
    assert.deepEqual(
      updated.related(older),
      site.related(older).map((a) => (a === before ? after : a)),
    );
    assert.deepEqual(updated.related(after), site.related(before));

    const pages = archivePagesShowing(updated, new Set([after])).map((route) => route.url);
    assert.deepEqual(pages.sort(), [
      "/biz/",
      "/economy/",
      "/economy/2016-11-05/baotou/",
      "/top-news/",
      "/topics/rare-earths/",
    ]);
    // The site before is untouched: a failed update leaves the last good one.
    assert.equal(listed(site.articles), "Baotou's plants doubled output.");
  });

  test("successive edits keep the full build's related lists, with each article's latest version", () => {
    const { content, site: built, file } = previewSite();
    let site = built;
    for (const text of ["First edit.", "Second edit.", "Third edit."]) {
      rewrite(file, {}, text);
      const result = readTextEdits(site, content, new Set([file]));
      assert.ok(result?.ok, text);
      site = withArticlesReplaced(site, result.edits, result.bodyWarnings);
    }
    const BAOTOU = "Baotou upgrades rare earths tech";
    const version = (from: Site, headline: string) => from.articles.find((a) => a.headline === headline);
    const [original, latest] = [version(built, BAOTOU), version(site, BAOTOU)];
    const [olderBuilt, older] = [version(built, "Older news"), version(site, "Older news")];
    assert.ok(original && latest && olderBuilt && older);
    assert.equal(latest.summary, "Third edit.");
    assert.ok(built.related(olderBuilt).includes(original), "the fixture relates the two");
    assert.deepEqual(
      site.related(older),
      built.related(olderBuilt).map((a) => (a === original ? latest : a)),
    );
    assert.deepEqual(site.related(latest), built.related(original));
  });

  test("any change but text takes a full build: front matter, a new picture, a new file, data", () => {
    const edit = (fields: Record<string, unknown>, body: string) => (_: ContentFolder, file: string) => {
      rewrite(file, fields, body);
      return file;
    };
    const cases: [string, (content: ContentFolder, file: string) => string][] = [
      ["headline", edit({ headline: "New headline" }, "Text.")],
      ["tags", edit({ tags: ["steel"] }, "Text.")],
      ["picture", edit({}, "Text.\n\n![Mill](images/mill.jpg)")],
      [
        "new file",
        (content) => {
          const added = content.resolve("articles/added.md");
          writeFileSync(added, articleText({ fields: validFields({ headline: "Added" }) }));
          return added;
        },
      ],
      [
        "data",
        (content) => {
          appendFileSync(content.resolve("_data/site.json"), "\n");
          return content.resolve("_data/site.json");
        },
      ],
    ];
    for (const [change, make] of cases) {
      const { content, site, file } = previewSite();
      assert.equal(readTextEdits(site, content, new Set([make(content, file)])), undefined, change);
    }
  });

  test("a comment or spacing in the front matter still counts as a text edit", () => {
    const { content, site, file } = previewSite();
    writeFileSync(
      file,
      articleText({ fields: validFields({ tags: ["rare earths"], top: true }), body: "New text." }).replace(
        "---\n",
        "---\n# checked by the desk\n",
      ),
    );
    assert.ok(readTextEdits(site, content, new Set([path.relative(process.cwd(), file)]))?.ok);
  });

  test("a mistake in the new text is reported with its file and line, as a full build reports it", () => {
    const { content, site, file } = previewSite();
    rewrite(file, {}, PLACEHOLDER_BODY);
    const result = readTextEdits(site, content, new Set([file]));
    assert.ok(result && !result.ok);
    assert.deepEqual(
      result.problems.map((problem) => [
        problem.file.endsWith("articles/baotou.md"),
        problem.line,
        problem.field,
      ]),
      [[true, 10, "body"]],
    );
  });

  test("a warning in the new text replaces the old text's warnings", () => {
    const { content, site, file } = previewSite();
    rewrite(file, {}, "See [the old story](/economy/2016-11-01/gone/).");
    const result = readTextEdits(site, content, new Set([file]));
    assert.ok(result?.ok);
    const updated = withArticlesReplaced(site, result.edits, result.bodyWarnings);
    assert.deepEqual(
      updated.warnings.map((warning) => warning.field),
      ["body"],
    );
    assert.match(updated.warnings[0]?.message ?? "", /gone/);
  });
});
