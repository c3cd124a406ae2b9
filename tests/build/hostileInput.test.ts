import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { PROJECT, problemLinesOf, readPage, runBuild, runCheck, tempOutput } from "../helpers/build.ts";
import { articleText, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

/**
 * Hostile and careless input, from the adversarial review: each case is refused by
 * `npm run check` and by the build with the same `path:line: field: message`, printed once,
 * without a stack trace; or, where the input is fine but awkward, published correctly.
 */

/** The build's clock in these tests (helpers/build.ts), as the site's zone writes it. */
const CLOCK = DateTime.fromSeconds(1_795_600_000, { zone: "Asia/Shanghai" });
const RECENT = CLOCK.minus({ hours: 3 }).toFormat("yyyy-MM-dd HH:mm");
const LONG = "a".repeat(300);

/** A folder beside the content folder, holding what must never be published. */
function outsideFolder(): string {
  const outside = mkdtempSync(path.join(tmpdir(), "newsdesk-outside-"));
  writeFileSync(
    path.join(outside, "private.jpg"),
    readFileSync(path.join(PROJECT, "layouts/assets/logo.png")),
  );
  writeFileSync(
    path.join(outside, "article.md"),
    articleText({ fields: validFields({ headline: "Secret" }) }),
  );
  return outside;
}

/** Every problem both commands printed: the same lines, each once; the build adds only its summary. */
function assertSameProblems(content: string, env: NodeJS.ProcessEnv = {}): string[] {
  const checked = runCheck(content, env);
  const built = runBuild(content, tempOutput(), env);
  assert.equal(checked.status, 1, checked.stdout + checked.stderr);
  assert.equal(built.status, 1, built.stdout + built.stderr);
  const fromCheck = problemLinesOf(checked.stdout + checked.stderr).filter(
    (line) => !/: warning: /.test(line),
  );
  const fromBuild = problemLinesOf(built.stderr).filter((line) => !/: warning: /.test(line));
  assert.deepEqual(fromBuild, fromCheck, "check and build report the same errors");
  assert.equal(new Set(fromBuild).size, fromBuild.length, "each problem is printed once");
  for (const output of [checked.stdout + checked.stderr, built.stdout + built.stderr]) {
    assert.doesNotMatch(output, /\n\s+at |\[11ty\]|Error:/, "no stack trace, nothing from Eleventy");
  }
  // The build prints the problems (warnings too), a blank line and one summary: nothing else.
  const buildLines = built.stderr.trim().split("\n");
  assert.match(buildLines.at(-1) ?? "", /^\d+ errors? in the (content|settings); nothing was published\.$/);
  assert.equal(buildLines.at(-2), "");
  assert.equal(buildLines.length, problemLinesOf(built.stderr).length + 2, built.stderr);
  return fromBuild;
}

function assertHas(lines: readonly string[], ...starts: string[]): void {
  for (const start of starts) {
    assert.ok(
      lines.some((line) => line.startsWith(start)),
      `missing: ${start}\nprinted:\n${lines.join("\n")}`,
    );
  }
}

describe("hostile and careless content is refused with the same words by check and build", () => {
  test("paths out of the content folder, links, loops, non-pictures, long names, aliases, nesting", () => {
    const outside = outsideFolder();
    const content = makeFixtureContent({
      sections: [
        ...JSON.parse(readFileSync(path.join(PROJECT, "content/_data/sections.json"), "utf8")),
        { slug: LONG, title: "Long", sections: [] },
        { slug: "img", title: "Images", sections: [] },
      ],
      articles: {
        "good.md": { fields: validFields() },
        "lead-outside.md": {
          fields: validFields({
            headline: "Lead outside",
            image: { src: `../${path.basename(outside)}/private.jpg`, alt: "A" },
          }),
        },
        "body-outside.md": {
          fields: validFields({ headline: "Body outside" }),
          body: `First.\n\n![A smelter](../${path.basename(outside)}/private.jpg)`,
        },
        "linked-picture.md": {
          fields: validFields({ headline: "Linked picture", image: { src: "images/linked.jpg", alt: "A" } }),
        },
        "fake-picture.md": {
          fields: validFields({ headline: "Fake picture", image: { src: "images/fake.jpg", alt: "A" } }),
        },
        "folder-picture.md": {
          fields: validFields({ headline: "Folder picture", image: { src: "images/folder", alt: "A" } }),
        },
        "long-slug.md": { fields: validFields({ headline: "Long slug", slug: LONG }) },
        "long-tag.md": { fields: validFields({ headline: "Long tag", tags: [LONG] }) },
        "nul-alias.md": articleText({ fields: validFields({ headline: "NUL", aliases: '["/a\\0b/"]' }) }),
        "control.md": articleText({ fields: validFields({ headline: '"Bell \\a in the headline"' }) }),
        "bomb.md": `---\n${[
          'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
          "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
          "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
          "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
          "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
          "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
          "tags: [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
        ].join("\n")}\nheadline: Bomb\n---\nText.\n`,
        "deep-list.md": {
          fields: validFields({ headline: "Deep list" }),
          body: Array.from({ length: 2000 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n"),
        },
        "deep-quote.md": {
          fields: validFields({ headline: "Deep quote" }),
          body: `First.\n\n${">".repeat(150)} deep`,
        },
        "year-zero.md": { fields: validFields({ headline: "Year zero", date: "0000-01-01 08:00" }) },
        // An editor's own folder and a near miss of the file name: never published, the second said.
        ".trash/deleted.md": { fields: validFields({ headline: "Deleted story" }) },
        "Story.MD": { fields: validFields({ headline: "Upper case" }) },
      },
    });
    mkdirSync(path.join(content, "images/folder"), { recursive: true });
    writeFileSync(path.join(content, "images/fake.jpg"), "%PDF-1.4 not a picture");
    symlinkSync(path.join(outside, "private.jpg"), path.join(content, "images/linked.jpg"));
    symlinkSync(path.join(outside, "article.md"), path.join(content, "articles/linked.md"));
    symlinkSync("loop.md", path.join(content, "articles/loop.md"));

    const lines = assertSameProblems(content);
    assertHas(
      lines,
      `_data/sections.json:1: sections: "Long": slug "${"a".repeat(40)}…" gives an address of 300 characters`,
      `articles/lead-outside.md:7: image.src: "../${path.basename(outside)}/private.jpg" leads outside the content folder`,
      `articles/body-outside.md:10: body: picture "../${path.basename(outside)}/private.jpg" leads outside the content folder`,
      'articles/linked-picture.md:7: image.src: "images/linked.jpg" leads outside the content folder',
      "articles/linked.md:1: file: is a link to a file outside the content folder",
      "articles/loop.md:1: file: is a symbolic link that leads back to itself",
      'articles/fake-picture.md:7: image.src: "images/fake.jpg" is not a picture newsdesk can publish',
      'articles/folder-picture.md:7: image.src: "images/folder" is a folder',
      "articles/long-slug.md:7: slug: gives an address of 300 characters; keep it to 150 or fewer",
      `articles/long-tag.md:7: tags: "${"a".repeat(40)}…" gives an address of 300 characters`,
      "articles/nul-alias.md:7: aliases.0: holds an invisible control character (U+0000)",
      "articles/control.md:2: headline: holds an invisible control character (U+0007)",
      "articles/bomb.md:3: front matter: the front matter repeats a value with the YAML alias *a",
      "articles/deep-list.md:22: body: quotes or lists are nested more than 30 levels deep here",
      "articles/deep-quote.md:10: body: quotes or lists are nested more than 30 levels deep here",
      '_data/sections.json:1: sections: "Images": slug "img" is a name the site itself uses',
      'articles/year-zero.md:3: date: "0000-01-01 08:00" is before 1901; check the year',
    );
    assert.ok(!lines.some((line) => line.includes("deleted.md")), "a hidden folder is the editor's own");
    assert.match(
      runCheck(content).stdout,
      /articles\/Story\.MD:1: warning: file: is not read: only files ending in \.md are; rename it to Story\.md/,
    );
    assert.ok(!lines.some((line) => line.startsWith("articles/good.md")), lines.join("\n"));
  });

  test("an alias may not take the place of any page, feed, sitemap, asset, picture or the search index", () => {
    const targets = [
      "/",
      "/search/",
      "/topics/",
      "/top-news/",
      "/404.html",
      "/assets/site.0123456789.js",
      "/feeds/atom.xml",
      "/feeds/economy/rss.xml/",
      "/sitemap.xml",
      "/robots.txt",
      "/img/x/",
      "/pagefind/",
      "/economy/",
      "/about-us/",
    ];
    const content = makeFixtureContent({
      articles: {
        "good.md": { fields: validFields() },
        "other.md": { fields: validFields({ headline: "Other", date: "2016-11-04 09:00" }) },
        "hostile.md": `---\n${Object.entries(validFields({ headline: "Hostile" }))
          .map(([key, value]) => `${key}: ${String(value)}`)
          .join("\n")}\naliases:\n${[...targets, "/economy/2016-11-01/old-name/"]
          .map((target) => `  - "${target}"`)
          .join("\n")}\n---\nText.\n`,
      },
    });
    const lines = assertSameProblems(content);
    assert.equal(lines.length, targets.length, lines.join("\n"));
    assertHas(
      lines,
      "articles/hostile.md:8: aliases: / would overwrite the home page; an alias may not replace it",
      "articles/hostile.md:9: aliases: /search/ would overwrite the search page",
      "articles/hostile.md:12: aliases: /404.html would overwrite the page shown for a missing address (404)",
      "articles/hostile.md:13: aliases: /assets/site.0123456789.js would overwrite the site's style sheets, scripts and icons",
      "articles/hostile.md:14: aliases: /feeds/atom.xml would overwrite the Atom feed of the site",
      "articles/hostile.md:15: aliases: /feeds/economy/rss.xml/ would overwrite the RSS feed of the Economy section",
      "articles/hostile.md:18: aliases: /img/x/ would overwrite the site's processed pictures",
      "articles/hostile.md:19: aliases: /pagefind/ would overwrite the search index",
      "articles/hostile.md:20: aliases: /economy/ would overwrite the Economy section page",
      "articles/hostile.md:21: aliases: /about-us/ would overwrite the page ",
    );
  });

  for (const [name, value, message] of [
    [
      "SITE_URL",
      "javascript:alert(1)",
      'environment: SITE_URL: "javascript:alert(1)" must start with https://',
    ],
    [
      "SITE_URL",
      "https://news example.org/",
      'environment: SITE_URL: "https://news example.org/" is not a web address',
    ],
    ["PATH_PREFIX", '/x"><img src=y onerror=alert(1)>/', "environment: PATH_PREFIX: the path"],
    [
      "SOURCE_DATE_EPOCH",
      "99999999999999",
      "environment: SOURCE_DATE_EPOCH: must be whole seconds since 1970",
    ],
    [
      "SOURCE_DATE_EPOCH",
      "yesterday",
      'environment: SOURCE_DATE_EPOCH: must be whole seconds since 1970, from 0 to 253402300799 (the end of 9999), not "yesterday"',
    ],
  ] as const) {
    test(`${name}=${value} is named and refused`, () => {
      const content = makeFixtureContent({ articles: { "good.md": { fields: validFields() } } });
      const lines = assertSameProblems(content, { [name]: value });
      assert.equal(lines.length, 1);
      assertHas(lines, message);
    });
  }

  test("a time zone that is not a zone name is named in site.json, not blamed on every article", () => {
    const content = makeFixtureContent({
      site: { timeZone: "UTC+8" },
      articles: { "good.md": { fields: validFields() } },
    });
    const lines = assertSameProblems(content);
    assert.deepEqual(
      lines.map((line) => line.replace(/:\d+:/, ":N:")),
      ["_data/site.json:N: timeZone: is not a time zone name; write one like Asia/Shanghai or Europe/London"],
    );
  });

  test("articles/ as a file, not a folder", () => {
    const content = makeFixtureContent({ articles: {} });
    rmSync(path.join(content, "articles"), { recursive: true, force: true });
    writeFileSync(path.join(content, "articles"), "not a folder");
    assertHas(assertSameProblems(content), "articles:1: file: must be a folder, not a file");
  });

  test("a language that is not a BCP 47 tag is named in site.json", () => {
    const content = makeFixtureContent({
      site: { language: "English" },
      articles: { "good.md": { fields: validFields() } },
    });
    assertHas(assertSameProblems(content), '_data/site.json:6: language: "English" is not a language tag');
  });
});

describe("the output folder", () => {
  test("is never the content folder, the project or a folder of other files: the build refuses and deletes nothing", () => {
    const content = makeFixtureContent({ articles: { "good.md": { fields: validFields() } } });
    const elsewhere = mkdtempSync(path.join(tmpdir(), "newsdesk-notes-"));
    writeFileSync(path.join(elsewhere, "notes.txt"), "mine");
    for (const [output, message] of [
      [content, "holds or is inside the content folder"],
      [path.join(content, "articles"), "holds or is inside the content folder"],
      [PROJECT, "holds this project"],
      [elsewhere, "holds files that are not a site newsdesk built"],
    ] as const) {
      const result = runBuild(content, output);
      assert.equal(result.status, 1, output);
      assert.match(
        result.stderr,
        new RegExp(`^The build failed: .*${message}.*; nothing was published\\.$`, "m"),
      );
    }
    assert.equal(readFileSync(path.join(elsewhere, "notes.txt"), "utf8"), "mine");
    assert.ok(readFileSync(path.join(content, "articles/good.md"), "utf8").includes("Baotou"));
  });
});

describe("awkward but valid input is published correctly", () => {
  test("pictures written to reach another host (https:\\\\, http:host, a reference) become links, never loaded", () => {
    const content = makeFixtureContent({
      articles: {
        "remote.md": {
          fields: validFields(),
          body: [
            "First.",
            '<img src="https:\\\\evil.example/w.png" alt="a">',
            '<img src="http:evil.example/x.png" alt="b">',
            "![c][r]",
            "",
            "[r]: http:evil.example/z.png",
          ].join("\n\n"),
        },
      },
    });
    const output = tempOutput();
    const built = runBuild(content, output);
    assert.equal(built.status, 0, built.stderr);
    const page = readPage(output, "/economy/2016-11-05/remote/");
    assert.doesNotMatch(page, /<img[^>]*evil\.example/);
    assert.match(page, /<a href="http:evil\.example\/z\.png">c<\/a>/);
  });

  test("a picture broken past its first bytes: the build names the picture and who uses it", () => {
    const content = makeFixtureContent({
      articles: { "lead.md": { fields: validFields({ image: { src: "images/bad.jpg", alt: "A" } }) } },
    });
    mkdirSync(path.join(content, "images"));
    writeFileSync(path.join(content, "images/bad.jpg"), Buffer.from("\xff\xd8\xff\xe0garbage", "latin1"));
    const built = runBuild(content, tempOutput(), {
      NEWSDESK_IMAGE_CACHE: mkdtempSync(path.join(tmpdir(), "newsdesk-cache-")),
    });
    assert.equal(built.status, 1);
    assert.match(
      built.stderr,
      /^\S*images\/bad\.jpg:1: file: could not be read as a picture \(.+\); save it again as JPEG or PNG \(used by \S*articles\/lead\.md\)$/m,
    );
    assert.doesNotMatch(built.stderr, /\n\s+at /);
  });

  test("a site.json saved with a byte-order mark, and an export dated in the future", () => {
    const content = makeFixtureContent({
      popular: { exportedAt: "2030-01-01T00:00:00+08:00", pages: [] },
      articles: { "good.md": { fields: validFields() } },
    });
    const siteFile = path.join(content, "_data/site.json");
    writeFileSync(siteFile, `\uFEFF${readFileSync(siteFile, "utf8")}`);
    const output = tempOutput();
    const built = runBuild(content, output);
    assert.equal(built.status, 0, built.stderr);
    assert.match(
      built.stderr,
      /popular\.json:2: warning: exportedAt: the export says it was made \d+ hours from now/,
    );
    assert.match(readPage(output, "/"), /id="block-popular"><a href="\/most-popular\/">Latest</);
  });

  for (const [language, news, locale] of [
    ["en-GB", "en", "en_GB"],
    ["zh-Hans", "zh-cn", "zh_CN"],
  ] as const) {
    test(`language ${language}: ${news} in the news sitemap, ${locale} for Open Graph, even with an article of the last 48 hours`, () => {
      const content = makeFixtureContent({
        site: { language },
        articles: { "fresh.md": { fields: validFields({ headline: "Fresh", date: RECENT }) } },
      });
      const output = tempOutput();
      const built = runBuild(content, output);
      assert.equal(built.status, 0, built.stderr);
      const newsSitemap = readFileSync(path.join(output, "news-sitemap.xml"), "utf8");
      assert.match(newsSitemap, new RegExp(`<news:language>${news}</news:language>`));
      const home = readPage(output, "/");
      assert.match(home, new RegExp(`<html lang="${language}">`));
      assert.match(home, new RegExp(`<meta property="og:locale" content="${locale}"/>`));
    });
  }

  test("titles holding <, &, quotes and ]]> keep every feed and sitemap well-formed XML; a cut-off popular.json is a warning", () => {
    const sections = JSON.parse(readFileSync(path.join(PROJECT, "content/_data/sections.json"), "utf8")) as {
      slug: string;
      title: string;
      sections: { slug: string; title: string }[];
    }[];
    const politics = sections.flatMap((top) => top.sections).find((section) => section.slug === "politics");
    assert.ok(politics);
    politics.title = `Politics <Live> & "Now" ]]>`;
    const content = makeFixtureContent({
      sections,
      site: { name: "Eastbridge <News> & Co" },
      popular: '{ "exportedAt": "2026-11-25T10:00:00+08:00", "pages": [ { "path": "/pol',
      articles: {
        "tricky.md": articleText({
          fields: validFields({
            headline: `"A <b>bold</b> & \\"quoted\\" ]]> headline"`,
            section: "politics",
            date: RECENT,
            tags: ["<script>", "R&D"],
          }),
          body: "It starts with <em>HTML</em> & an ampersand ]]> here.",
        }),
      },
    });
    const output = tempOutput();
    const built = runBuild(content, output);
    assert.equal(built.status, 0, built.stderr);
    assert.match(
      built.stderr,
      /_data\/popular\.json:1: warning: json: not valid JSON: .*; the block shows the latest articles until the export is fixed/,
    );
    const files = [
      "feeds/atom.xml",
      "feeds/rss.xml",
      "feeds/politics/atom.xml",
      "feeds/politics/rss.xml",
      "feeds/news/atom.xml",
      "sitemap.xml",
      "news-sitemap.xml",
    ];
    for (const file of files) {
      const xml = readFileSync(path.join(output, file), "utf8");
      assert.equal(XMLValidator.validate(xml), true, `${file} is not well-formed:\n${xml.slice(0, 2000)}`);
    }
    assert.match(
      readFileSync(path.join(output, "feeds/politics/atom.xml"), "utf8"),
      /label="Politics &lt;Live> &amp; &quot;Now&quot; \]\]>"/,
    );
    assert.match(
      readPage(output, "/"),
      /<h2 class="block-title" id="block-popular"><a href="\/most-popular\/">Latest<\/a><\/h2>/,
    );
  });
});
