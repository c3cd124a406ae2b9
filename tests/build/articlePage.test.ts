import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { readPage, runBuild, tempOutput } from "../helpers/build.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

const output = tempOutput();

before(() => {
  const content = makeFixtureContent({
    articles: {
      "2016/11/baotou.md": {
        fields: validFields({ tags: ["rare earths", "Baotou"], author: "Zhang Yi", top: true }),
        body: "Baotou is a rare earths city. Prices {{ price }} stay text.\n\n## Investment\n\nA fund was set up.",
      },
      "2016/11/follow-up.md": {
        fields: validFields({ headline: "Baotou fund backs 30 projects", date: "2016-11-07 09:00" }),
      },
      "2016/11/script.md": {
        fields: validFields({
          headline: '"<script>alert(1)</script> & friends"',
          date: "2016-11-06 08:00",
          source: '"<b>Bold</b> Daily"',
        }),
      },
      "2016/11/photo.md": { fields: validFields({ headline: "Snow over the grassland", section: "photo" }) },
      "2016/11/video.md": {
        fields: validFields({ headline: "Drone footage of the zone", section: "video" }),
      },
      "2016/11/midnight.md": { fields: validFields({ headline: "Night shift", date: "2016-11-05 00:30" }) },
    },
  });
  const result = runBuild(content, output);
  assert.equal(result.status, 0, result.stderr);
});

describe("the article page", () => {
  test("has every region of the reference page, in its order", () => {
    const html = readPage(output, "/economy/2016-11-05/baotou/");
    const regions = [
      'class="share-bar"',
      'class="reading-tools',
      'class="section-label"',
      'class="headline"',
      'class="dateline"',
      'class="article-body"',
      "Related news",
      'id="block-photo"',
      'id="block-popular"',
      'id="block-top-news"',
      'id="block-video"',
      'class="site-map"',
      "Back to top",
      'class="footer-links"',
      "Copyright ©",
    ];
    let last = -1;
    for (const region of regions) {
      const at = html.indexOf(region);
      assert.ok(at > last, `${region} should come after the region before it (at ${at}, previous ${last})`);
      last = at;
    }
  });

  test("shows the dateline as the reference does, with byline, source and editor", () => {
    const html = readPage(output, "/economy/2016-11-05/baotou/");
    const dateline = html.match(/<p class="dateline"[^>]*>(.*?)<\/p>/)?.[1]?.replace(/<[^>]+>/g, "");
    assert.equal(dateline, "2016-11-05 12:36 By Zhang Yi China Daily Editor: Mo Hong'e");
  });

  test("the section label links to the section, under its top section", () => {
    const html = readPage(output, "/economy/2016-11-05/baotou/");
    assert.match(
      html,
      /<p class="section-label"[^>]*><a href="\/biz\/">Biz<\/a>.*?<a href="\/economy\/">Economy<\/a><\/p>/,
    );
    assert.match(html, /<a href="\/economy\/" aria-current="true">Economy<\/a>/);
  });

  test("sidebar blocks end in More links that name their targets; their articles come from the shared file", () => {
    const html = readPage(output, "/economy/2016-11-05/baotou/");
    assert.match(html, /<a class="more" href="\/gallery\/">More photos<\/a>/);
    assert.match(html, /<a class="more" href="\/top-news\/">More top news<\/a>/);
    assert.match(html, /<a class="more" href="\/video\/">More videos<\/a>/);
    const shared = readPage(output, "/shared/blocks.html");
    assert.match(shared, /Snow over the grassland/);
    assert.match(shared, /Drone footage of the zone/);
  });

  test("related news lists the follow-up, never the article itself", () => {
    const html = readPage(output, "/economy/2016-11-05/baotou/");
    const related = html.match(/<section class="related".*?<\/section>/)?.[0] ?? "";
    assert.match(related, /Baotou fund backs 30 projects/);
    assert.doesNotMatch(related, /\/economy\/2016-11-05\/baotou\//);
  });

  test("front-matter values are escaped and article text is never template code", () => {
    const html = readPage(output, "/economy/2016-11-06/script/");
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /<h1 class="headline">&lt;script>alert\(1\)&lt;\/script> &amp; friends<\/h1>/);
    assert.match(html, /&lt;b>Bold&lt;\/b> Daily/);
    assert.match(readPage(output, "/economy/2016-11-05/baotou/"), /Prices \{\{ price \}\} stay text/);
  });

  test("an article at 00:30 Beijing time is on that Beijing date in URL and dateline", () => {
    const html = readPage(output, "/economy/2016-11-05/midnight/");
    assert.match(html, /<time datetime="2016-11-05T00:30:00\+08:00">2016-11-05 00:30<\/time>/);
  });

  test("pages are minified", () => {
    const html = readPage(output, "/economy/2016-11-05/baotou/");
    assert.ok(html.startsWith('<!doctype html><html lang="en"><head>'));
    assert.doesNotMatch(html, /\n\s+</);
  });
});
