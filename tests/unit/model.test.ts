import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { ContentError, formatProblem } from "../../src/domain/problem.ts";
import type { BuildMode } from "../../src/model/site.ts";
import { type FixtureOptions, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { loadSite } from "../helpers/site.ts";

const CLOCK = DateTime.fromISO("2026-11-28T12:00:00+08:00");

function load(options: FixtureOptions, mode: BuildMode = "production") {
  return loadSite({ content: contentFolder(makeFixtureContent(options)), mode, clock: CLOCK, env: {} });
}

function problemsOf(options: FixtureOptions): string[] {
  try {
    load(options);
  } catch (error) {
    assert.ok(error instanceof ContentError);
    return error.problems
      .map(formatProblem)
      .map((line) => line.replace(/[^\s]*newsdesk-fixture-[^/]+\//g, ""));
  }
  assert.fail("expected the content to be refused");
}

describe("site model", () => {
  test("two articles that would get the same URL: both files are named, the later one at fault", () => {
    const problems = problemsOf({
      articles: {
        "a/baotou.md": { fields: validFields() },
        "b/baotou.md": { fields: validFields({ headline: "Another" }) },
      },
    });
    assert.deepEqual(problems, [
      "articles/b/baotou.md:1: url: /economy/2016-11-05/baotou/ would overwrite the article articles/a/baotou.md; change the slug (or the file name)",
    ]);
  });

  test("every problem in every file is reported in one run, errors sorted by file", () => {
    const problems = problemsOf({
      articles: {
        "one.md": { fields: validFields({ section: "econmy" }) },
        "two.md": { fields: validFields({ date: "2016-02-30" }) },
        "three.md": "no front matter",
      },
    });
    assert.equal(problems.length, 3);
    assert.match(problems[0] ?? "", /^articles\/one\.md:4: section/);
    assert.match(problems[1] ?? "", /^articles\/three\.md:1: front matter/);
    assert.match(problems[2] ?? "", /^articles\/two\.md:3: date/);
  });

  test("production keeps drafts and scheduled articles out of every list; the preview shows them", () => {
    const options: FixtureOptions = {
      articles: {
        "live.md": { fields: validFields({ headline: "Live", top: true }) },
        "draft.md": { fields: validFields({ headline: "Draft", draft: true, top: true }) },
        "later.md": { fields: validFields({ headline: "Later", date: "2026-11-28 12:30", top: true }) },
      },
    };
    const production = load(options);
    assert.deepEqual(
      production.articles.map((a) => a.headline),
      ["Live"],
    );
    assert.deepEqual(
      production.topStories.map((a) => a.headline),
      ["Live"],
    );
    assert.equal(production.routes.filter((r) => r.kind === "article").length, 1);
    const preview = load(options, "preview");
    assert.deepEqual(
      preview.articles.map((a) => `${a.headline}:${a.state}`),
      ["Later:scheduled", "Draft:draft", "Live:published"],
    );
  });

  test("section listings are newest first and paginated; top sections gather their sections", () => {
    const articles: FixtureOptions["articles"] = {};
    for (let i = 0; i < 45; i++) {
      const day = String(1 + (i % 28)).padStart(2, "0");
      articles[`e${i}.md`] = {
        fields: validFields({
          headline: `Story ${i}`,
          date: `2016-10-${day} ${String(i % 24).padStart(2, "0")}:00`,
        }),
      };
    }
    articles["photo.md"] = { fields: validFields({ section: "photo" }) };
    const site = load({ articles });
    const economy = site.routes.filter((r) => r.kind === "listing" && r.page.listing.url === "/economy/");
    assert.deepEqual(
      economy.map((r) => r.url),
      ["/economy/", "/economy/page/2/", "/economy/page/3/"],
    );
    const first = economy[0];
    assert.ok(first?.kind === "listing");
    assert.equal(first.page.articles.length, 20);
    const times = first.page.articles.map((a) => a.date.toMillis());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const biz = site.routes.find((r) => r.kind === "listing" && r.url === "/biz/");
    assert.ok(biz?.kind === "listing");
    assert.equal(biz.page.listing.articles.length, 45);
  });

  test("most popular: ranked by views, unknown paths warned, stale exports fall back to Latest", () => {
    const articles = {
      "a.md": { fields: validFields({ headline: "A" }) },
      "b.md": { fields: validFields({ headline: "B" }) },
    };
    const fresh = load({
      articles,
      popular: {
        exportedAt: "2026-11-28T06:00:00+08:00",
        pages: [
          { path: "/economy/2016-11-05/a", views: 10 },
          { path: "/economy/2016-11-05/b/", views: 99 },
          { path: "/gone/", views: 50 },
        ],
      },
    });
    assert.equal(fresh.sidebar.popular.isLatest, false);
    assert.deepEqual(
      fresh.sidebar.popular.articles.map((a) => a.headline),
      ["B", "A"],
    );
    assert.ok(fresh.warnings.some((w) => w.field === "pages.path" && w.message.includes('"/gone/"')));

    const stale = load({ articles, popular: { exportedAt: "2026-11-25T06:00:00+08:00", pages: [] } });
    assert.equal(stale.sidebar.popular.isLatest, true);
    assert.equal(stale.sidebar.popular.articles.length, 2);
    assert.equal(load({ articles }).sidebar.popular.isLatest, true);
  });

  test("related news: never the article itself, same section, nearest in time", () => {
    const site = load({
      articles: {
        "a.md": { fields: validFields({ headline: "A", date: "2016-11-01" }) },
        "b.md": { fields: validFields({ headline: "B", date: "2016-11-02" }) },
        "c.md": { fields: validFields({ headline: "C", date: "2016-11-10" }) },
        "p.md": { fields: validFields({ headline: "P", date: "2016-11-02", section: "photo" }) },
      },
    });
    const b = site.articles.find((a) => a.headline === "B");
    assert.ok(b);
    assert.deepEqual(
      site.related(b).map((a) => a.headline),
      ["A", "C"],
    );
  });

  test("related pins come first; a pin to an article this build does not publish is skipped with a warning", () => {
    const site = load({
      articles: {
        "a.md": {
          fields: validFields({ headline: "A", date: "2016-11-01", related: ["far.md", "draft.md"] }),
        },
        "b.md": { fields: validFields({ headline: "B", date: "2016-11-02" }) },
        "far.md": { fields: validFields({ headline: "Far", date: "2010-01-01", section: "photo" }) },
        "draft.md": { fields: validFields({ headline: "Draft", date: "2016-11-03", draft: true }) },
      },
    });
    const a = site.articles.find((article) => article.headline === "A");
    assert.ok(a);
    assert.deepEqual(
      site.related(a).map((article) => article.headline),
      ["Far", "B"],
    );
    assert.ok(
      site.warnings.some(
        (w) => w.field === "related" && w.message.startsWith('"draft.md" is not published in this build'),
      ),
    );
  });

  test("SITE_URL and PATH_PREFIX from the environment win over site.json", () => {
    const site = loadSite({
      content: contentFolder(makeFixtureContent({ articles: { "a.md": { fields: validFields() } } })),
      mode: "production",
      clock: CLOCK,
      env: { SITE_URL: "https://user.github.io/newsroom/" },
    });
    assert.equal(site.config.pathPrefix, "/newsroom/");
    assert.equal(site.config.baseUrl, "https://user.github.io/newsroom");
  });
});
