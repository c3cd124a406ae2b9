import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { articleFormat, UNREADABLE_MESSAGE } from "../../layouts/admin/articleFormat.ts";
import { readFrontMatterBlock } from "../../src/content/frontMatterBlock.ts";

/**
 * The web editor reads and writes article files with newsdesk's own reader and writer: a
 * file opened and saved keeps every field and every byte of its text (raw HTML, embeds and
 * tables included), so it renders the same page.
 */
const ARTICLES = "content/articles";
const samples = readdirSync(ARTICLES, { recursive: true, encoding: "utf8" }).filter((file) =>
  file.endsWith(".md"),
);

function roundTrip(text: string): string {
  return articleFormat.toFile(articleFormat.fromFile(text));
}

describe("the web editor's article format", () => {
  test("every sample article, opened and saved, keeps its fields and its text", () => {
    assert.ok(samples.length > 50);
    for (const file of samples) {
      const text = readFileSync(path.join(ARTICLES, file), "utf8");
      const before = readFrontMatterBlock(text);
      const after = readFrontMatterBlock(roundTrip(text));
      assert.deepEqual(after?.data, before?.data, file);
      assert.equal(after?.body, before?.body, file);
    }
  });

  test("raw HTML, an embed and a table stay byte for byte; fields come in the contract's order", () => {
    const body =
      'Intro with <abbr title="Rare earth">RE</abbr>.\n\n<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<!-- a note -->\n';
    const text = `---\nsection: economy\nheadline: Rare earths\ndate: 2016-11-05 12:36\nsource: Xinhua\neditor: Li Wei\ncorrection: An earlier version misspelt Baotou.\n---\n${body}`;
    assert.equal(
      roundTrip(text),
      `---\nheadline: Rare earths\ndate: 2016-11-05 12:36\nsection: economy\nsource: Xinhua\neditor: Li Wei\ncorrection: An earlier version misspelt Baotou.\n---\n${body}`,
    );
  });

  test("a file whose front matter cannot be read is never written over", () => {
    const broken = "---\nheadline: Harbour: cranes\n---\nText.\n";
    assert.throws(() => roundTrip(broken), { message: UNREADABLE_MESSAGE });
  });
});
