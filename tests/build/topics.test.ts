import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { readPage, runBuild, tempOutput } from "../helpers/build.ts";
import { type FixtureArticle, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

const output = tempOutput();

before(() => {
  const articles: Record<string, FixtureArticle> = {
    "one.md": { fields: validFields({ headline: "One", tags: ["Rare Earths", "Baotou"] }) },
    "two.md": { fields: validFields({ headline: "Two", date: "2016-11-06 10:00", tags: ["rare earths"] }) },
    "three.md": {
      fields: validFields({ headline: "Three", date: "2016-11-07 10:00", tags: ["rare  earths"] }),
    },
  };
  for (let i = 0; i < 22; i++) {
    articles[`many-${i}.md`] = {
      fields: validFields({
        headline: `Many ${i}`,
        date: `2016-10-${String(i + 1).padStart(2, "0")} 09:00`,
        tags: ["Baotou"],
      }),
    };
  }
  const result = runBuild(makeFixtureContent({ articles }), output);
  assert.equal(result.status, 0, result.stderr);
});

describe("topic pages", () => {
  test("tags that differ only in case or spacing are one topic, named by the most used spelling", () => {
    const page = readPage(output, "/topics/rare-earths/");
    assert.match(page, /<h1 class="listing-title">Topic: rare earths<\/h1>/);
    assert.equal([...page.matchAll(/class="item-headline"/g)].length, 3);
  });

  test("the article page links its tags to their topics", () => {
    const article = readPage(output, "/economy/2016-11-05/one/");
    assert.match(article, /<a class="tag" href="\/topics\/rare-earths\/">Rare Earths<\/a>/);
    assert.match(article, /<a class="tag" href="\/topics\/baotou\/">Baotou<\/a>/);
  });

  test("topics are paginated like sections, and listed in the topic index", () => {
    assert.ok(existsSync(path.join(output, "topics/baotou/page/2/index.html")));
    assert.equal(existsSync(path.join(output, "topics/baotou/page/3/index.html")), false);
    const index = readPage(output, "/topics/");
    assert.match(index, /<a href="\/topics\/baotou\/">Baotou<\/a> <span class="count">23<\/span>/);
  });
});
