import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { readPage, runBuild, tempOutput } from "../helpers/build.ts";
import { type FixtureArticle, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

const output = tempOutput();

before(() => {
  const articles: Record<string, FixtureArticle> = {};
  for (let i = 1; i <= 45; i++) {
    // Two hours apart, so story 45 is the newest.
    const day = String(1 + Math.floor(i / 12)).padStart(2, "0");
    const hour = String((i % 12) * 2).padStart(2, "0");
    articles[`story-${i}.md`] = {
      fields: validFields({ headline: `Economy story ${i}`, date: `2016-10-${day} ${hour}:00` }),
    };
  }
  const result = runBuild(makeFixtureContent({ articles }), output);
  assert.equal(result.status, 0, result.stderr);
});

describe("section pages", () => {
  test("20 a page, newest first, three pages for 45 articles", () => {
    const first = readPage(output, "/economy/");
    const headlines = [...first.matchAll(/<h2 class="item-headline"><a href="[^"]+">([^<]+)<\/a>/g)].map(
      (m) => m[1],
    );
    assert.equal(headlines.length, 20);
    assert.equal(headlines[0], "Economy story 45");
    assert.equal(headlines[19], "Economy story 26");
    assert.ok(existsSync(path.join(output, "economy/page/3/index.html")));
    assert.equal(existsSync(path.join(output, "economy/page/4/index.html")), false);
    const third = readPage(output, "/economy/page/3/");
    assert.equal([...third.matchAll(/class="item-headline"/g)].length, 5);
  });

  test("numbered pagination marks the current page and links previous and next", () => {
    const second = readPage(output, "/economy/page/2/");
    assert.match(second, /<a href="\/economy\/" rel="prev">Previous<\/a>/);
    assert.match(second, /<a href="\/economy\/page\/3\/" rel="next">Next<\/a>/);
    assert.match(second, /<a href="\/economy\/page\/2\/" aria-current="page" aria-label="Page 2">2<\/a>/);
    assert.match(second, /<title>Economy \(Page 2\) - /);
  });

  test("the top section lists its sections' articles and marks itself current", () => {
    const biz = readPage(output, "/biz/");
    assert.match(biz, /<a href="\/biz\/" aria-current="page">Biz<\/a>/);
    assert.equal([...biz.matchAll(/class="item-headline"/g)].length, 20);
    assert.ok(existsSync(path.join(output, "biz/page/3/index.html")));
  });
});
