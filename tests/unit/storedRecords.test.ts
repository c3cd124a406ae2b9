import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { readArticle } from "../../src/content/readArticle.ts";
import { revivedReading, storedReading } from "../../src/content/storedRecords.ts";
import { buildSectionTree, sectionTreeSchema } from "../../src/domain/section.ts";
import { articleText, validFields } from "../helpers/fixtureSite.ts";

/**
 * A kept reading (the build state) comes back as the article it was, or not at all: then the
 * build reads the file again and checks it, so an article is never left out without a word.
 */
const sections = sectionTreeSchema.parse(JSON.parse(readFileSync("content/_data/sections.json", "utf8")));
const { tree } = buildSectionTree(sections);
const zone = "Asia/Shanghai";
const clock = DateTime.fromISO("2026-11-28T00:00:00Z");
const stored = storedReading(
  readArticle(
    "content/articles/x.md",
    "2016/11/x.md",
    articleText({ fields: validFields() }),
    {
      tree,
      zone,
      clock,
      checkPicture: () => undefined,
    },
    "x",
  ),
);
const folder = contentFolder("content");

describe("a kept reading revived", () => {
  test("is the article it was, in its section", () => {
    const revived = revivedReading(stored, "articles/2016/11/x.md", { tree, zone, clock, folder });
    assert.ok(revived?.value && "section" in revived.value);
    assert.equal(revived.value.section.slug, validFields().section);
  });

  test("is nothing when its section is gone, so the file is read and checked again", () => {
    const section = validFields().section as string;
    const without = buildSectionTree(
      sections.map((top) => ({ ...top, sections: top.sections?.filter((s) => s.slug !== section) })),
    ).tree;
    assert.equal(without.bySlug.has(section), false);
    assert.equal(
      revivedReading(stored, "articles/2016/11/x.md", { tree: without, zone, clock, folder }),
      undefined,
    );
  });
});
