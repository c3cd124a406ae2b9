import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { pictureHtml } from "../../src/markdown/pictureHtml.ts";
import { renderArticleBody } from "../../src/markdown/render.ts";
import { firstParagraphText } from "../../src/markdown/summary.ts";

describe("article body rendering", () => {
  test("template syntax in article text stays text", () => {
    const html = renderArticleBody("Prices {{ price }} and {% raw %} tags.");
    assert.match(html, /\{\{ price \}\}/);
    assert.match(html, /\{% raw %\}/);
  });

  test("scripts, event handlers and javascript: URLs never reach the page", () => {
    const html = renderArticleBody(
      'Hi <script>alert(1)</script> <a href="javascript:alert(2)" onclick="steal()">x</a> <img src="/images/a.png" onerror="x()" alt="a">\n\n[link](javascript:alert(3))',
    );
    assert.doesNotMatch(html, /<script|alert\(1|onclick|onerror|href="javascript:/i);
  });

  test("allowed raw HTML survives: figures, tables, local images", () => {
    const html = renderArticleBody(
      '<figure><img src="/images/a.png" alt="A map"><figcaption>Map</figcaption></figure>\n\n<table><tr><td colspan="2">x</td></tr></table>',
    );
    assert.match(
      html,
      /<figure><img src="\/images\/a.png" alt="A map" loading="lazy" \/><figcaption>Map<\/figcaption><\/figure>/,
    );
    assert.match(html, /<td colspan="2">x<\/td>/);
  });

  test("a video from a named host becomes a click-to-load link; others are removed", () => {
    const html = renderArticleBody(
      '<iframe src="https://www.youtube.com/embed/abc"></iframe>\n\n<iframe src="https://tracker.example/x">x</iframe>',
    );
    assert.match(html, /<a href="https:\/\/www.youtube.com\/embed\/abc" class="video-embed">/);
    assert.doesNotMatch(html, /<iframe|tracker\.example/);
  });

  test("an editor's link can never claim to be a player: data-embed and the player class are dropped", () => {
    const html = renderArticleBody(
      '<a href="https://www.youtube.com/watch?v=x" data-embed="javascript:alert(document.domain)">Play</a> ' +
        '<a class="video-embed" href="https://any.example/">Frame</a> <iframe src="http://www.youtube.com/embed/x"></iframe>',
    );
    assert.doesNotMatch(html, /data-embed|video-embed|javascript:|iframe/);
    assert.match(html, /<a href="https:\/\/www.youtube.com\/watch\?v=x">Play<\/a>/);
  });

  test("a picture on another host is linked, not loaded", () => {
    const html = renderArticleBody('<img src="https://cdn.example/a.jpg" alt="Remote">');
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<a href="https:\/\/cdn.example\/a.jpg">Remote<\/a>/);
  });

  test("a table scrolls in its own named, focusable box, so it never widens the page", () => {
    const html = renderArticleBody("| a | b |\n|---|---|\n| 1 | 2 |", undefined, "Table");
    assert.match(
      html,
      /^<div class="table-wrap" tabindex="0" role="region" aria-label="Table"><table>[\s\S]*<\/table><\/div>/,
    );
  });

  test("a level-one heading in the body becomes level two (the headline is the page's h1)", () => {
    assert.match(renderArticleBody("# Inside"), /<h2>Inside<\/h2>/);
  });
});

describe("summary from the first paragraph", () => {
  test("skips headings and returns plain text", () => {
    assert.equal(
      firstParagraphText("## Sub\n\nThe **city** of [Baotou](https://x.example) & `co`.\nMore.\n\nNext."),
      "The city of Baotou & co. More.",
    );
  });

  test("long paragraphs are cut at a word with an ellipsis", () => {
    const summary = firstParagraphText(`${"word ".repeat(200)}end`);
    assert.ok(summary.length <= 301);
    assert.match(summary, /word…$/);
  });
});

describe("picture markup", () => {
  test("every value is escaped, the path prefix in picture URLs included", () => {
    const hostile = '/x"><img src=y onerror=alert(1)>/img/a-480.jpeg';
    const html = pictureHtml(
      {
        sources: [{ type: "image/avif", srcset: `${hostile} 480w` }],
        fallback: { src: hostile, srcset: `${hostile} 480w`, width: 480, height: 270 },
        thumbnail: { sources: [], src: hostile, width: 480, height: 270 },
        files: [],
      },
      "A map",
      "lazy",
    );
    assert.doesNotMatch(html, /<img src=y/);
    assert.match(html, /src="\/x&quot;&gt;&lt;img src=y onerror=alert\(1\)&gt;\/img\/a-480\.jpeg"/);
  });
});
