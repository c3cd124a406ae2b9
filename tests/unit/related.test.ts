import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { contentFolder } from "../../src/content/contentFolder.ts";
import type { Article } from "../../src/domain/article.ts";
import { relatedNews } from "../../src/model/related/related.ts";
import { forEachTerm, stripMarkdown } from "../../src/model/related/textTerms.ts";
import type { Site } from "../../src/model/site.ts";
import { type FixtureOptions, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { loadSite } from "../helpers/site.ts";

const CLOCK = DateTime.fromISO("2026-11-28T12:00:00+08:00");
const STORIES = path.resolve(import.meta.dirname, "../fixtures/related-stories");
const DISTRACTORS = "distractors";

function load(articles: FixtureOptions["articles"]): Site {
  return loadSite({
    content: contentFolder(makeFixtureContent({ articles })),
    mode: "production",
    clock: CLOCK,
    env: {},
  });
}

/** The labelled fixture: `<story>/<file>.md`, and `distractors/<file>.md` that belong to no story. */
function storyArticles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of readdirSync(STORIES).sort()) {
    for (const name of readdirSync(path.join(STORIES, folder)).sort()) {
      if (name.endsWith(".md"))
        files[`${folder}/${name}`] = readFileSync(path.join(STORIES, folder, name), "utf8");
    }
  }
  return files;
}

const storyOf = (article: Article) => article.id.split("/")[0] ?? "";
const urls = (articles: readonly Article[]) => articles.map((a) => a.url);

function byHeadline(site: Site, headline: string): Article {
  const article = site.articles.find((a) => a.headline === headline);
  assert.ok(article, headline);
  return article;
}

describe("related news", () => {
  const stories = load(storyArticles());

  test("the fixture: stories of six or more articles with no tag shared inside a story", () => {
    const byStory = new Map<string, Article[]>();
    for (const article of stories.articles) {
      byStory.set(storyOf(article), [...(byStory.get(storyOf(article)) ?? []), article]);
    }
    const labels = [...byStory.keys()].filter((label) => label !== DISTRACTORS);
    assert.ok(labels.length >= 5);
    for (const label of labels) {
      const members = byStory.get(label) ?? [];
      assert.ok(members.length >= 6, label);
      assert.ok(new Set(members.map((a) => a.section)).size >= 3, `${label}: sections`);
      const tags = members.flatMap((a) => a.tags.map((tag) => tag.slug));
      assert.equal(new Set(tags).size, tags.length, `${label}: a tag is shared`);
    }
  });

  test("precision@5: the story's own articles come first, across sections and without shared tags", (t) => {
    const storyMembers = stories.articles.filter((a) => storyOf(a) !== DISTRACTORS);
    const misses: string[] = [];
    const precisions = storyMembers.map((article) => {
      const top = stories.related(article).slice(0, 5);
      for (const other of top) {
        if (storyOf(other) !== storyOf(article)) misses.push(`${article.headline} -> ${other.headline}`);
      }
      return top.filter((other) => storyOf(other) === storyOf(article)).length / 5;
    });
    const mean = precisions.reduce((sum, p) => sum + p, 0) / precisions.length;
    t.diagnostic(`mean precision@5 over ${precisions.length} story articles: ${mean.toFixed(3)}`);
    for (const miss of misses) t.diagnostic(`off-story: ${miss}`);
    assert.ok(mean >= 0.9, `mean precision@5 ${mean.toFixed(3)} is below 0.9`);
  });

  test("never the article itself, and full lists when there are enough articles", () => {
    for (const article of stories.articles) {
      const related = stories.related(article);
      assert.ok(!related.includes(article), article.headline);
      assert.equal(related.length, stories.config.relatedCount, article.headline);
      assert.equal(new Set(related).size, related.length, `${article.headline}: a repeat`);
    }
  });

  test("two builds give the same lists, whatever order the engine is given the articles in", () => {
    const again = load(storyArticles());
    const lists = (site: Site) => site.articles.map((a) => [a.url, urls(site.related(a))]);
    assert.deepEqual(lists(again), lists(stories));
    const reversed = relatedNews({
      listed: [...stories.articles].reverse(),
      pages: [],
      count: stories.config.relatedCount,
    });
    for (const article of stories.articles) {
      assert.deepEqual(urls(reversed.related(article)), urls(stories.related(article)));
    }
  });

  test("equal scores: the newer first, then by URL", () => {
    const body = "Lanthanum smelters in Baotou raised output of polishing powder for display glass.";
    const twin = (headline: string, date: string, slug: string) => ({
      fields: validFields({ headline, date, slug }),
      body,
    });
    const site = load({
      "query.md": twin("Baotou lanthanum smelters raise output", "2016-11-05 12:00", "query"),
      "b.md": twin("Baotou lanthanum smelters raise output", "2016-11-04 12:00", "b-twin"),
      "a.md": twin("Baotou lanthanum smelters raise output", "2016-11-04 12:00", "a-twin"),
      "later.md": twin("Baotou lanthanum smelters raise output", "2016-11-06 12:00", "later"),
      "other.md": {
        fields: validFields({ headline: "Tea harvest starts in Anxi", section: "photo" }),
        body: "Pickers in Anxi began the autumn oolong harvest on terraced hillsides.",
      },
    });
    const query = site.articles.find((a) => a.slug === "query");
    assert.ok(query);
    assert.deepEqual(
      site.related(query).map((a) => a.slug),
      ["later", "a-twin", "b-twin"],
    );
  });

  test("no words in common: the same section's articles nearest in time, then the top section's", () => {
    const sports = (headline: string, date: string, body: string) => ({
      fields: validFields({ headline, date, section: "sports" }),
      body,
    });
    const site = load({
      "far.md": sports("Rowing regatta on West Lake", "2016-10-01 09:00", "Crews raced eights on West Lake."),
      "near.md": sports("Chess league final", "2016-11-04 20:00", "Grandmasters met in the chess final."),
      "next.md": sports("Ski resorts open early", "2016-11-08 08:00", "Snow cannons prepared slopes."),
      "alone.md": sports("Xq zv wu", "2016-11-05 12:00", "Qwv zxy plk vrm."),
      "politics.md": {
        fields: validFields({
          headline: "Budget vote passes",
          date: "2016-11-05 10:00",
          section: "politics",
        }),
        body: "Deputies approved the budget.",
      },
      "photo.md": {
        fields: validFields({ headline: "Autumn colours", date: "2016-11-05 11:00", section: "photo" }),
        body: "Maple leaves in Beijing.",
      },
    });
    const alone = byHeadline(site, "Xq zv wu");
    assert.deepEqual(
      site.related(alone).map((a) => a.headline),
      ["Chess league final", "Ski resorts open early", "Rowing regatta on West Lake", "Budget vote passes"],
    );
  });

  test("an expired article keeps a related list on its page but is in no one's list", () => {
    const about = (headline: string, date: string, extra: Record<string, unknown> = {}) => ({
      fields: validFields({ headline, date, ...extra }),
      body: "Baotou smelters shipped more lanthanum and cerium oxide to magnet makers in Ningbo.",
    });
    const site = load({
      "old.md": about("Baotou oxide shipments rise", "2016-11-01 09:00", { expires: "2016-12-01" }),
      "new.md": about("Baotou oxide shipments climb again", "2016-11-03 09:00"),
      "more.md": about("Ningbo magnet makers buy Baotou oxide", "2016-11-04 09:00", { section: "business" }),
      "other.md": {
        fields: validFields({ headline: "Port volumes", section: "photo" }),
        body: "Container throughput rose in Qingdao.",
      },
    });
    const page = (slug: string) => {
      const route = site.routes.find((r) => r.kind === "article" && r.article.slug === slug);
      assert.ok(route?.kind === "article", slug);
      return route.article;
    };
    assert.equal(page("old").state, "expired");
    assert.deepEqual(
      site.related(page("old")).map((a) => a.slug),
      ["new", "more"],
    );
    for (const article of site.articles) {
      assert.ok(!site.related(article).includes(page("old")), article.slug);
    }
  });

  test("a rare tag shared links two articles without words in common", () => {
    const site = load({
      "a.md": {
        fields: validFields({
          headline: "Qinling tunnel breakthrough",
          tags: ["Qinling"],
          section: "business",
        }),
        body: "Boring machines met under the mountains.",
      },
      "b.md": {
        fields: validFields({ headline: "Golden monkeys counted", tags: ["Qinling"], section: "photo" }),
        body: "Rangers tallied primate troops in reserves.",
      },
      "c.md": {
        fields: validFields({ headline: "Harvest festival", section: "culture" }),
        body: "Villagers danced for the harvest.",
      },
      "d.md": {
        fields: validFields({ headline: "Port volumes", section: "economy" }),
        body: "Container throughput rose.",
      },
    });
    const a = byHeadline(site, "Qinling tunnel breakthrough");
    assert.equal(site.related(a)[0]?.headline, "Golden monkeys counted");
  });
});

describe("text terms", () => {
  const terms = (text: string) => {
    const found: string[] = [];
    forEachTerm(stripMarkdown(text), (term) => found.push(term));
    return found;
  };

  test("Markdown syntax, link targets, HTML and stop words are left out; plurals and endings fold", () => {
    assert.deepEqual(
      terms(
        "The **bridges** of [Donglin](https://example.org/donglin-bridges) were <em>closed</em> &amp; China's ![cranes](images/crane.jpg) `x`",
      ),
      ["bridg", "donglin", "clos", "china", "cran"],
    );
    assert.deepEqual(terms("```\nconst bridge = 1;\n```\nFlooding floods flooded"), [
      "flood",
      "flood",
      "flood",
    ]);
    assert.deepEqual(terms("He said 2016 was a year of 10 percent growth, don't you agree"), [
      "growth",
      "dont",
      "agre",
    ]);
  });

  test("a word capitalized inside a sentence is marked as a name; one that starts a sentence is not", () => {
    const names: string[] = [];
    forEachTerm("Rescuers reached Donglin. Divers searched the Yanshui River", (term, capitalized) => {
      if (capitalized) names.push(term);
    });
    assert.deepEqual(names, ["donglin", "yanshui", "river"]);
  });
});
