import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { isSlug, toSlug } from "../../src/domain/slugs.ts";
import {
  articleUrl,
  listingPageUrl,
  normaliseUrlPath,
  outputPathOf,
  RESERVED_SLUGS,
  withPrefix,
} from "../../src/domain/urls.ts";

describe("URLs", () => {
  test("an article's URL is /<section>/<yyyy-MM-dd>/<slug>/ with the date in the site zone", () => {
    const date = DateTime.fromISO("2016-11-04T16:30:00Z").setZone("Asia/Shanghai");
    assert.equal(articleUrl("economy", date, "baotou"), "/economy/2016-11-05/baotou/");
  });

  test("listing pages: the first is the listing, later ones /page/<n>/", () => {
    assert.equal(listingPageUrl("/economy/", 1), "/economy/");
    assert.equal(listingPageUrl("/economy/", 3), "/economy/page/3/");
  });

  test("analytics paths match with or without the trailing slash and under a prefix", () => {
    assert.equal(normaliseUrlPath("/economy/2016-11-05/x", "/"), "/economy/2016-11-05/x/");
    assert.equal(normaliseUrlPath("economy/2016-11-05/x/?utm=1", "/"), "/economy/2016-11-05/x/");
    assert.equal(normaliseUrlPath("/news/economy/2016-11-05/x", "/news/"), "/economy/2016-11-05/x/");
  });
});

describe("slugs", () => {
  const cases: [string, string][] = [
    ["Bar & Club", "bar-club"],
    ["Sci-tech", "sci-tech"],
    ["ECNS Wire", "ecns-wire"],
    ["Learn About China", "learn-about-china"],
    ["稀土产业", "xi-tu-chan-ye"],
    ["Москва", "moskva"],
    ["  Mo Hong'e  ", "mo-hong-e"],
  ];
  for (const [input, slug] of cases) {
    test(`"${input}" becomes "${slug}"`, () => assert.equal(toSlug(input), slug));
  }

  test("text without letters or digits gives no slug", () => assert.equal(toSlug("!!! —"), ""));
  test("isSlug accepts only lower-case ASCII words joined by single hyphens", () => {
    assert.ok(isSlug("rare-earths-2016"));
    for (const bad of ["Rare", "a--b", "-a", "a_b", "", "é"]) assert.equal(isSlug(bad), false, bad);
  });
  test("the site's own folder names are reserved, as the URL module writes them", () => {
    assert.deepEqual([...RESERVED_SLUGS].sort(), [
      "404",
      "admin",
      "assets",
      "feeds",
      "images",
      "img",
      "most-popular",
      "page",
      "pagefind",
      "search",
      "shared",
      "top-news",
      "topics",
    ]);
  });

  test("every URL has one output file and one link form", () => {
    assert.equal(outputPathOf("/"), "index.html");
    assert.equal(outputPathOf("/economy/page/2/"), "economy/page/2/index.html");
    assert.equal(outputPathOf("/feeds/atom.xml"), "feeds/atom.xml");
    assert.equal(withPrefix("/newsroom/", "/economy/"), "/newsroom/economy/");
    assert.equal(withPrefix("/newsroom/", "https://x.example/"), "https://x.example/");
  });
});
