import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { editorialProblems, pinProblems } from "../../src/content/editorialChecks.ts";
import { type ArticleContext, readArticle } from "../../src/content/readArticle.ts";
import type { Article } from "../../src/domain/article.ts";
import { formatProblem } from "../../src/domain/problem.ts";
import { buildSectionTree, sectionTreeSchema } from "../../src/domain/section.ts";
import { articleText, validFields } from "../helpers/fixtureSite.ts";

const { tree } = buildSectionTree(
  sectionTreeSchema.parse(JSON.parse(readFileSync("content/_data/sections.json", "utf8"))),
);
const context: ArticleContext = {
  tree,
  zone: "Asia/Shanghai",
  clock: DateTime.fromISO("2026-11-28T00:00:00Z"),
  checkPicture: () => undefined,
};
const CONFIG = {
  baseUrl: "https://news.example.org",
  pathPrefix: "/",
  checkPicture: (src: string) =>
    src.includes("..") ? `"${src}" leads outside the content folder` : undefined,
};

/** An article read through the contract, as the site model gets it. validFields has 5 fields: the body starts on line 8. */
function article(id: string, fields: Record<string, unknown> = {}, body?: string): Article {
  const text = articleText({ fields: validFields(fields), ...(body === undefined ? {} : { body }) });
  const { value, problems } = readArticle(`content/articles/${id}`, id, text, context, id);
  assert.deepEqual(problems, []);
  assert.ok(value);
  return value;
}

function check(articles: Article[], config = CONFIG): string[] {
  const known = new Set(articles.map((a) => a.url));
  return editorialProblems(articles, known, config).map(formatProblem);
}

function body(...lines: string[]): string {
  return lines.join("\n");
}

describe("images without alt text are errors, on their own line", () => {
  test("Markdown image with empty alt", () => {
    const problems = check([
      article("a.md", {}, body("First paragraph.", "", "![](images/x.jpg)", "", "![ ](images/y.jpg)")),
    ]);
    assert.deepEqual(problems, [
      'content/articles/a.md:10: body: image "images/x.jpg" has no alt text; describe it for readers who cannot see it: ![What the picture shows](images/x.jpg)',
      'content/articles/a.md:12: body: image "images/y.jpg" has no alt text; describe it for readers who cannot see it: ![What the picture shows](images/y.jpg)',
    ]);
  });

  test("Markdown image with alt text, and a reference image without", () => {
    const problems = check([
      article(
        "a.md",
        {},
        body("First.", "![Workers at a smelter](images/x.jpg)", "![][pic]", "", "[pic]: images/y.jpg"),
      ),
    ]);
    assert.equal(problems.length, 1);
    assert.match(
      problems[0] ?? "",
      /^content\/articles\/a\.md:10: body: image "images\/y\.jpg" has no alt text/,
    );
  });

  test("raw <img> without alt, with an empty alt, or over several lines", () => {
    const problems = check([
      article(
        "a.md",
        {},
        body(
          "First.",
          '<img src="images/x.jpg">',
          "<img src='images/y.jpg' alt=''>",
          '<img alt="Workers" src="images/fine.jpg">',
          '<img data-alt="not it" alt=Fine src="images/fine2.jpg">',
          "<img",
          '  src="images/z.jpg"',
          '  data-alt="not alt text">',
        ),
      ),
    ]);
    assert.deepEqual(
      problems.map((p) => p.replace(/; describe.*/, "")),
      [
        'content/articles/a.md:9: body: <img> "images/x.jpg" has no alt text',
        'content/articles/a.md:10: body: <img> "images/y.jpg" has no alt text',
        'content/articles/a.md:13: body: <img> "images/z.jpg" has no alt text',
      ],
    );
  });

  test("images shown as code, or commented out, are not images", () => {
    const text = body(
      "First.",
      "```html",
      '<img src="x.jpg">',
      "![](x.jpg)",
      "```",
      "Write `![](x.jpg)` or ``<img src=x>`` to add a picture.",
      "<!-- <img src=old.jpg> -->",
      "![](after-code.jpg)",
    );
    assert.deepEqual(
      check([article("a.md", {}, text)]).map((p) => p.split(": body")[0]),
      ["content/articles/a.md:15"],
    );
  });
});

describe("headline length", () => {
  test("over 110 characters is a warning; 110 is fine", () => {
    const long = `Baotou ${"x".repeat(104)}`;
    assert.equal(long.length, 111);
    assert.deepEqual(
      check([article("a.md", { headline: long }), article("b.md", { headline: long.slice(1) })]),
      [
        "content/articles/a.md:1: warning: headline: is 111 characters long; keep it to 110 or fewer so it fits in lists and search results",
      ],
    );
  });

  test("characters, not UTF-16 units: 110 Chinese characters with a rare one are fine", () => {
    const headline = `𠀋${"包".repeat(109)}`;
    assert.deepEqual(check([article("a.md", { headline, slug: "baotou" })]), []);
  });
});

describe("links to article addresses that do not exist", () => {
  const target = () => article("2016/11/target.md", { headline: "Target" });

  test("root-relative and absolute links, with the line, and a suggestion with the same slug", () => {
    const problems = check([
      target(),
      article(
        "2016/11/a.md",
        {},
        body(
          "See [the story](/economy/2016-11-05/target/) and [this](/economy/2016-11-05/target).",
          "Also [it](https://news.example.org/economy/2016-11-05/target/?ref=x#top).",
          "Broken: [old](/economy/2016-11-04/target/).",
          "",
          "Broken too: https://news.example.org/economy/2016-11-05/missing-story/.",
          '<a href="/sports/2016-11-05/nope">raw</a>',
          "A [reference][ref] to a story that is gone.",
          "",
          "[ref]: /politics/2016-01-01/gone/",
          "[unused]: /politics/2016-01-01/never-shown/",
        ),
      ),
    ]);
    assert.deepEqual(problems, [
      "content/articles/2016/11/a.md:10: warning: body: link to /economy/2016-11-04/target/, which is not an article on this site (did you mean /economy/2016-11-05/target/?)",
      "content/articles/2016/11/a.md:12: warning: body: link to /economy/2016-11-05/missing-story/, which is not an article on this site",
      "content/articles/2016/11/a.md:13: warning: body: link to /sports/2016-11-05/nope/, which is not an article on this site",
      "content/articles/2016/11/a.md:14: warning: body: link to /politics/2016-01-01/gone/, which is not an article on this site",
    ]);
    // A reference defined and never used is no link a reader sees: nothing to warn about.
  });

  test("links that are not article addresses, or on other hosts, are not checked", () => {
    const problems = check([
      article(
        "a.md",
        {},
        body(
          "[About](/about-us/) [Economy](/economy/) [topic](/topics/baotou/) [img](/images/x.jpg)",
          "[elsewhere](https://other.example.com/economy/2016-11-05/x/) //economy/2016-11-05/x/",
        ),
      ),
    ]);
    assert.deepEqual(problems, []);
  });

  test("with a path prefix: links with or without the prefix, absolute links under the base URL", () => {
    const config = { ...CONFIG, baseUrl: "https://example.org/newsroom", pathPrefix: "/newsroom/" };
    const problems = check(
      [
        target(),
        article(
          "2016/11/a.md",
          {},
          body(
            "[a](/newsroom/economy/2016-11-05/target/) [b](https://example.org/newsroom/economy/2016-11-05/target/)",
            "[c](https://example.org/newsroom/economy/2016-11-05/gone/) [d](https://example.org/economy/2016-11-05/x/)",
          ),
        ),
      ],
      config,
    );
    assert.deepEqual(problems, [
      "content/articles/2016/11/a.md:9: warning: body: link to /economy/2016-11-05/gone/, which is not an article on this site",
    ]);
  });

  test("a link to an address in knownUrls (an alias, say) is fine", () => {
    const a = article("a.md", {}, "See [the old address](/economy/2016-01-01/old-address/).");
    assert.deepEqual(
      editorialProblems([a], new Set([a.url, "/economy/2016-01-01/old-address/"]), CONFIG),
      [],
    );
  });
});

describe("the same headline on the same day", () => {
  test("case and spacing do not count; both files are named", () => {
    const problems = check([
      article("a.md", { headline: "Baotou upgrades rare earths tech" }),
      article("b.md", { headline: "BAOTOU upgrades  rare earths Tech" }),
      article("c.md", { headline: "Baotou upgrades rare earths tech", date: "2016-11-06 09:00" }),
    ]);
    assert.deepEqual(problems, [
      'content/articles/b.md:1: warning: headline: "BAOTOU upgrades  rare earths Tech" is also the headline of content/articles/a.md on 2016-11-05; readers cannot tell them apart, so change one of them',
    ]);
  });

  test("the day is the site's day: 23:30 and 00:30 Beijing time are different days", () => {
    const problems = check([
      article("a.md", { date: "2016-11-05 23:30" }),
      article("b.md", { date: "2016-11-06 00:30" }),
    ]);
    assert.deepEqual(problems, []);
  });
});

describe("tags spelt differently in case or spacing", () => {
  test("one warning per variant spelling, naming the files of both spellings", () => {
    const problems = check([
      article("a.md", { tags: ["rare earths", "Baotou"] }),
      article("b.md", { tags: ["rare earths"] }),
      article("b2.md", { tags: ["rare earths"] }),
      article("c.md", { tags: ["Rare Earths"] }),
      article("d.md", { tags: ["Rare  Earths"] }),
      article("e.md", { tags: ["RareEarths", "Baotou"] }),
    ]).filter((p) => p.includes(": tags: "));
    assert.deepEqual(problems, [
      'content/articles/c.md:1: warning: tags: "Rare Earths" (also in content/articles/d.md) and "rare earths" (in content/articles/a.md, content/articles/b.md, content/articles/b2.md) differ only in case or spacing; write "rare earths" everywhere',
      'content/articles/e.md:1: warning: tags: "RareEarths" and "rare earths" (in content/articles/a.md, content/articles/b.md, content/articles/b2.md) differ only in case or spacing; write "rare earths" everywhere',
    ]);
  });

  test("many articles: file lists are cut short, and the work is linear", () => {
    const articles = Array.from({ length: 2000 }, (_, i) =>
      article(`n${String(i).padStart(4, "0")}.md`, {
        tags: [i % 2 ? "Rare Earths" : "rare earths"],
        headline: "Same headline",
      }),
    );
    const started = performance.now();
    const problems = check(articles);
    assert.ok(performance.now() - started < 1000, "no pairwise comparisons");
    const tagWarnings = problems.filter((p) => p.includes(": tags: "));
    assert.equal(tagWarnings.length, 1);
    assert.match(tagWarnings[0] ?? "", /and 996 more\)/);
    assert.equal(problems.filter((p) => p.includes(": headline: ")).length, 1999);
  });
});

describe("related pins across files", () => {
  test("a pin that names no article file, with the closest that does", () => {
    const a = article("2016/11/a.md", { related: ["2016/11/folow-up.md", "2016/11/b.md"] });
    assert.deepEqual(
      pinProblems([a], new Set(["2016/11/a.md", "2016/11/b.md", "2016/11/follow-up.md"])).map(formatProblem),
      [
        'content/articles/2016/11/a.md:7: related: no article "2016/11/folow-up.md" in content/articles (did you mean "2016/11/follow-up.md"?)',
      ],
    );
  });
});
