import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { readArticle } from "../../src/content/readArticle.ts";
import { revivedReading, storedReading } from "../../src/content/storedRecords.ts";
import { fingerprint } from "../../src/domain/fingerprint.ts";
import { ContentError } from "../../src/domain/problem.ts";
import { buildSectionTree, sectionTreeSchema } from "../../src/domain/section.ts";
import { articleText, validFields } from "../helpers/fixtureSite.ts";

/**
 * A kept reading (the build state) comes back as the article it was, or not at all: then the
 * build reads the file again and checks it, so an article is never left out without a word.
 * Its body is read from the file when first used, and only from the text it was kept from.
 */
const sections = sectionTreeSchema.parse(JSON.parse(readFileSync("content/_data/sections.json", "utf8")));
const { tree } = buildSectionTree(sections);
const zone = "Asia/Shanghai";
const clock = DateTime.fromISO("2026-11-28T00:00:00Z");
const text = articleText({ fields: validFields(), body: "The kept text." });
const stored = storedReading(
  readArticle(
    "content/articles/x.md",
    "2016/11/x.md",
    text,
    {
      tree,
      zone,
      clock,
      checkPicture: () => undefined,
    },
    "x",
  ),
);
const dir = mkdtempSync(path.join(tmpdir(), "newsdesk-kept-"));
const file = path.join(dir, "articles/2016/11/x.md");
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, text);
const folder = contentFolder(dir);
const KEPT = { relative: "articles/2016/11/x.md", hash: fingerprint(text) };

describe("a kept reading revived", () => {
  test("is the article it was, in its section", () => {
    const revived = revivedReading(stored, KEPT, { tree, zone, clock, folder });
    assert.ok(revived?.value && "section" in revived.value);
    assert.equal(revived.value.section.slug, validFields().section);
  });

  test("is nothing when its section is gone, so the file is read and checked again", () => {
    const section = validFields().section as string;
    const without = buildSectionTree(
      sections.map((top) => ({ ...top, sections: top.sections?.filter((s) => s.slug !== section) })),
    ).tree;
    assert.equal(without.bySlug.has(section), false);
    assert.equal(revivedReading(stored, KEPT, { tree: without, zone, clock, folder }), undefined);
  });

  test("is the article a fresh reading gives, field for field, dates in the same zone", () => {
    const fresh = readArticle(
      "content/articles/x.md",
      "2016/11/x.md",
      text,
      {
        tree,
        zone,
        clock,
        checkPicture: () => undefined,
      },
      "x",
    ).value;
    const revived = revivedReading(stored, KEPT, { tree, zone, clock, folder })?.value;
    assert.ok(fresh && revived && "date" in revived && "date" in fresh);
    assert.equal(revived.date.zone.name, fresh.date.zone.name);
    assert.equal(revived.date.toISO(), fresh.date.toISO());
    const { body: _fresh, ...freshFields } = fresh;
    const { body: _revived, ...revivedFields } = revived;
    // As plain data (dates as their ISO text, the section by its slug).
    const plain = (fields: typeof freshFields) =>
      JSON.parse(JSON.stringify({ ...fields, section: fields.section.slug }));
    assert.deepEqual(plain(revivedFields), plain(freshFields));
  });

  test("reads its body from the file it was kept from, and stops the build if the file changed since", () => {
    const revived = revivedReading(stored, KEPT, { tree, zone, clock, folder });
    assert.ok(revived?.value);
    assert.match(revived.value.body, /The kept text\./);
    const again = revivedReading(stored, KEPT, { tree, zone, clock, folder });
    writeFileSync(file, text.replace("The kept text.", "Saved during the build."));
    assert.throws(
      () => again?.value?.body,
      (error: unknown) =>
        error instanceof ContentError &&
        /articles\/2016\/11\/x\.md:1: .*changed while the build was reading it; run the build again/.test(
          error.message,
        ),
    );
  });

  test("stops the build, naming the file, if the file is gone when its body is needed", () => {
    const gone = revivedReading(
      stored,
      { relative: "articles/2016/11/gone.md", hash: KEPT.hash },
      {
        tree,
        zone,
        clock,
        folder,
      },
    );
    assert.throws(
      () => gone?.value?.body,
      (error: unknown) => error instanceof ContentError && /gone\.md/.test(error.message),
    );
  });
});
