import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { sidebarPlacement } from "../../src/model/sidebar.ts";
import type { Site } from "../../src/model/site.ts";
import { sharedBlocksGroup } from "../../src/output/sharedBlocks.ts";
import { renderKeys } from "../../src/render/renderKeys.ts";
import { type FixtureOptions, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { loadSite } from "../helpers/site.ts";

const CLOCK = DateTime.fromISO("2026-11-28T12:00:00+08:00");
const ASSETS = { css: "/a.css", printCss: "/p.css", js: "/a.js", icon: "/i.svg", searchJs: "/s.js" };

const ARTICLES: FixtureOptions["articles"] = {
  "baotou.md": { fields: validFields({ tags: ["rare earths"], top: true }) },
  "fund.md": { fields: validFields({ headline: "Fund", date: "2016-11-04 09:00" }) },
  "mine.md": { fields: validFields({ headline: "Mine", date: "2016-11-03 09:00" }) },
};

function siteWith(views: readonly [string, number][]): Site {
  const popular = {
    exportedAt: "2026-11-28T10:00:00+08:00",
    pages: views.map(([path, n]) => ({ path, views: n })),
  };
  const content = makeFixtureContent({ site: { perPage: 2 }, articles: ARTICLES, popular });
  return loadSite({ content: contentFolder(content), mode: "production", clock: CLOCK, env: {} });
}

/** Every page's render key by URL, and the shared file's key. */
function keysOf(site: Site) {
  const keyOf = renderKeys({ site, images: new Map(), assets: ASSETS, bodyKeys: new Map() });
  const pages = new Map(site.routes.map((route) => [route.url, keyOf(route)]));
  const shared = sharedBlocksGroup({ site, assets: ASSETS, images: new Map(), bodies: new Map() }).key;
  return { pages, shared };
}

describe("the sidebar blocks in render keys", () => {
  test("a new analytics export changes the shared file's key and the inline pages', no other page's", () => {
    const before = siteWith([["/economy/2016-11-05/baotou/", 10]]);
    const after = siteWith([["/economy/2016-11-03/mine/", 30]]);
    const old = keysOf(before);
    const now = keysOf(after);
    assert.notEqual(now.shared, old.shared);
    const changed = [...now.pages].filter(([url, key]) => old.pages.get(url) !== key).map(([url]) => url);
    const inline = after.routes
      .filter((route) => sidebarPlacement(route) === "inline")
      .map((route) => route.url);
    assert.deepEqual(changed.sort(), [...inline].sort());
    assert.ok(inline.includes("/") && inline.includes("/economy/") && inline.includes("/most-popular/"));
    for (const url of [
      "/economy/2016-11-05/baotou/",
      "/economy/page/2/",
      "/topics/rare-earths/",
      "/top-news/",
    ]) {
      assert.ok(!changed.includes(url), url);
    }
  });

  test("each page that shows a sidebar says how; pages without one say none", () => {
    const site = siteWith([]);
    const placement = new Map(site.routes.map((route) => [route.url, sidebarPlacement(route)]));
    assert.equal(placement.get("/"), "inline");
    assert.equal(placement.get("/economy/"), "inline");
    assert.equal(placement.get("/biz/"), "inline");
    assert.equal(placement.get("/most-popular/"), "inline");
    assert.equal(placement.get("/economy/page/2/"), "shared file");
    assert.equal(placement.get("/topics/rare-earths/"), "shared file");
    assert.equal(placement.get("/top-news/"), "shared file");
    assert.equal(placement.get("/economy/2016-11-05/baotou/"), "shared file");
    assert.equal(placement.get("/search/"), "none");
    assert.equal(placement.get("/about-us/"), "none");
  });
});
