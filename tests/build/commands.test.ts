import assert from "node:assert/strict";
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { parse as parseYaml } from "yaml";
import { PROJECT } from "../helpers/build.ts";
import { articleText, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

/** The real commands, as `npm run check` and `npm run new` run them. */
function run(script: "check" | "new", args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const base: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH: "1795600000" };
  delete base.NEWSDESK_EDITOR;
  delete base.NEWSDESK_CONTENT;
  return spawnSync(process.execPath, ["--import", "tsx", `src/cli/${script}.ts`, ...args], {
    cwd: PROJECT,
    encoding: "utf8",
    env: { ...base, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

const check = (content: string, ...args: string[]) => run("check", ["--content", content, ...args]);

/** Problem lines without the fixture folder's path: `articles/x.md:4: section: ...`. */
function problemLines(stdout: string): string[] {
  return stdout
    .split("\n")
    .filter((line) => /^\S+\.(md|json):\d+: /.test(line))
    .map((line) => line.replace(/^.*?newsdesk-fixture-[^/]+\//, ""));
}

function withoutEditor(): Record<string, unknown> {
  const { editor: _editor, ...fields } = validFields();
  return fields;
}

const FORM = /^[^\s:]+:\d+: (warning: )?[a-z. ]+: \S/;

describe("npm run check", () => {
  test("clean content: exit 0, says there are no problems", () => {
    const content = makeFixtureContent({
      articles: {
        "2016/11/a.md": { fields: validFields() },
        "2016/11/b.md": { fields: validFields({ headline: "Another story", tags: ["Baotou"] }) },
      },
    });
    const result = check(content);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, "2 articles checked: no problems\n");
    assert.equal(result.stderr, "");
  });

  const broken = () =>
    makeFixtureContent({
      articles: {
        // Contract errors, one of each kind.
        "section.md": { fields: validFields({ section: "econmy" }) },
        "top-section.md": { fields: validFields({ section: "news" }) },
        "editor.md": { fields: withoutEditor() },
        "tags.md": { fields: validFields({ tags: "rare earths" }) },
        "top.md": { fields: validFields({ top: "yes" }) },
        "date.md": { fields: validFields({ date: "2016-02-30 12:36" }) },
        "date-form.md": { fields: validFields({ date: "05/11/2016" }) },
        "field.md": { fields: validFields({ sumary: "A summary." }) },
        "yaml.md": "---\nheadline: Shenzhen: drones deliver lunch\n---\nText.\n",
        "no-front-matter.md": "Just text.\n",
        "image.md": { fields: validFields({ image: { src: "images/x.jpg" } }) },
        "image-src.md": { fields: validFields({ image: { src: "images/x.jpg", alt: "A smelter" } }) },
        "empty.md": articleText({ fields: validFields(), body: "" }),
        // An editorial error: a picture without alt text, on line 10.
        "alt.md": { fields: validFields({ headline: "Alt" }), body: "First.\n\n![](images/x.jpg)" },
        // Editorial warnings.
        "long.md": { fields: validFields({ headline: `Long ${"x".repeat(120)}` }) },
        "link.md": {
          fields: validFields({ headline: "Link" }),
          body: "First.\n\nSee [the story](/economy/2016-11-05/no-such-story/).",
        },
        "same-1.md": { fields: validFields({ headline: "Same story", tags: ["rare earths"] }) },
        "same-2.md": { fields: validFields({ headline: "SAME  story", tags: ["Rare Earths"] }) },
      },
    });

  test("every contract error and editorial warning, errors first, as path:line: field: message; exit 1", () => {
    const result = check(broken());
    assert.equal(result.status, 1, result.stderr);
    assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /, "no stack trace");
    const lines = problemLines(result.stdout);
    for (const line of lines) assert.match(line, FORM);
    const firstWarning = lines.findIndex((line) => line.includes(": warning: "));
    assert.ok(firstWarning > 0);
    assert.ok(
      lines.slice(firstWarning).every((line) => line.includes(": warning: ")),
      "errors first",
    );

    const expected = [
      'articles/alt.md:10: body: image "images/x.jpg" has no alt text',
      'articles/date-form.md:3: date: "05/11/2016" is not a date; write it as 2016-11-05 12:36',
      'articles/date.md:3: date: "2016-02-30 12:36" is not a real date or time',
      "articles/editor.md:1: editor: is required but missing",
      "articles/empty.md:8: body: the article has no text below the front matter",
      'articles/field.md:7: sumary: unknown field (did you mean "summary"?)',
      "articles/image.md:7: image.alt: is required but missing",
      "articles/image-src.md:7: image.src: no file at ",
      'articles/alt.md:10: body: picture "images/x.jpg": no file at ',
      "articles/no-front-matter.md:1: front matter: missing: start the file with a line `---`",
      'articles/section.md:4: section: unknown section "econmy" (did you mean "economy"?)',
      'articles/tags.md:7: tags: must be a list, not text "rare earths"',
      'articles/top-section.md:4: section: "news" is a top section; name one of its sections: politics',
      'articles/top.md:7: top: must be true or false, not text "yes"',
      "articles/yaml.md:2: front matter: the front matter is not valid YAML",
      "articles/link.md:10: warning: body: link to /economy/2016-11-05/no-such-story/, which is not an article on this site",
      "articles/long.md:1: warning: headline: is 125 characters long",
      'articles/same-2.md:1: warning: headline: "SAME  story" is also the headline of ',
      // A tie: the spelling the topic page shows (alphabetical first) is the one to use.
      'articles/same-1.md:1: warning: tags: "rare earths" and "Rare Earths" (in ',
    ];
    for (const start of expected) {
      assert.ok(
        lines.some((line) => line.startsWith(start)),
        `missing: ${start}\n${lines.join("\n")}`,
      );
    }
    assert.equal(firstWarning, 15);
    assert.equal(lines.length, 19);
    assert.match(result.stdout, /\n\n15 errors, 4 warnings in 18 articles\n$/);
  });

  test("--json: one JSON object with the counts and every problem, nothing else", () => {
    const result = check(broken(), "--json");
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as {
      errors: number;
      warnings: number;
      problems: { severity: string; file: string; line: number; field: string; message: string }[];
    };
    assert.equal(report.errors, report.problems.filter((p) => p.severity === "error").length);
    assert.equal(report.warnings, report.problems.filter((p) => p.severity === "warning").length);
    assert.equal(report.errors, 15);
    assert.equal(report.warnings, 4);
    const alt = report.problems.find((p) => p.file.endsWith("articles/alt.md"));
    assert.deepEqual(alt && { ...alt, file: path.basename(alt.file), message: alt.message.slice(0, 34) }, {
      severity: "error",
      file: "alt.md",
      line: 10,
      field: "body",
      message: 'image "images/x.jpg" has no alt te',
    });
    assert.deepEqual(Object.keys(report.problems[0] ?? {}), ["severity", "file", "line", "field", "message"]);
  });

  test("warnings only: listed, exit 0", () => {
    const content = makeFixtureContent({
      articles: {
        "a.md": { fields: validFields({ tags: ["rare earths"] }) },
        "b.md": { fields: validFields({ headline: "Other", tags: ["Rare Earths"] }) },
      },
    });
    const result = check(content);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      problemLines(result.stdout).map((line) => line.split(" (in ")[0]),
      ['articles/a.md:1: warning: tags: "rare earths" and "Rare Earths"'],
    );
    assert.match(result.stdout, /\n\n1 warning in 2 articles\n$/);
    const json = JSON.parse(check(content, "--json").stdout);
    assert.deepEqual([json.errors, json.warnings], [0, 1]);
  });

  test("a missing content folder is reported as a problem, not a crash", () => {
    const result = check(path.join(makeFixtureContent({ articles: {} }), "nowhere"));
    assert.equal(result.status, 1);
    assert.match(result.stdout, /nowhere\/_data\/site\.json:1: file: is missing/);
    assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /);
  });
});

describe("npm run new", () => {
  const emptySite = () => makeFixtureContent({ articles: {} });
  const newArticle = (content: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    run("new", ["--content", content, ...args], env);

  function frontMatter(file: string): Record<string, unknown> {
    const text = readFileSync(file, "utf8");
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    assert.ok(match, text);
    assert.ok((match[2] ?? "").trim(), "a placeholder first paragraph");
    return parseYaml(match[1] ?? "") as Record<string, unknown>;
  }

  /** What an editor does next: replace the placeholder paragraph with the story. */
  function writeStory(file: string): void {
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/\n---\n[\s\S]*$/, "\n---\nThe story itself, in the editor's words.\n"));
  }

  test("writes articles/<yyyy>/<MM>/<slug>.md with every required field; the check asks for the story, then passes", () => {
    const content = emptySite();
    const result = newArticle(content, [
      "--section",
      "economy",
      "--editor",
      "Mo Hong'e",
      "--date",
      "2026-11-27 18:30",
      "Baotou upgrades rare earths tech",
    ]);
    assert.equal(result.status, 0, result.stderr);
    const file = path.join(content, "articles/2026/11/baotou-upgrades-rare-earths-tech.md");
    assert.match(result.stdout, /articles\/2026\/11\/baotou-upgrades-rare-earths-tech\.md/);
    assert.match(
      result.stdout,
      /http:\/\/localhost:8080\/economy\/2026-11-27\/baotou-upgrades-rare-earths-tech\//,
    );
    assert.deepEqual(frontMatter(file), {
      headline: "Baotou upgrades rare earths tech",
      date: "2026-11-27 18:30",
      section: "economy",
      source: "Eastbridge News",
      editor: "Mo Hong'e",
    });
    // Until the placeholder paragraph is replaced, the article cannot be published by accident.
    const unwritten = check(content);
    assert.equal(unwritten.status, 1);
    assert.match(
      unwritten.stdout,
      /baotou-upgrades-rare-earths-tech\.md:\d+: body: still holds the placeholder text/,
    );
    writeStory(file);
    const checked = check(content);
    assert.equal(checked.status, 0, checked.stdout);
    assert.equal(checked.stdout, "1 article checked: no problems\n");
  });

  test("without --date: now, in the site's zone; --source and --tags", () => {
    const content = emptySite();
    const before = DateTime.now().setZone("Asia/Shanghai").startOf("minute");
    const result = newArticle(content, [
      "--section",
      "video",
      "--editor",
      "Xu Lin",
      "--source",
      "CGTN",
      "--tags",
      "Kashgar, Xinjiang",
      "Kashgar naan bakers fire up their ovens",
    ]);
    assert.equal(result.status, 0, result.stderr);
    const written = /(\S*articles\/(\d{4})\/(\d{2})\/kashgar-naan-bakers-fire-up-their-ovens\.md)/.exec(
      result.stdout,
    );
    assert.ok(written, result.stdout);
    const fields = frontMatter(path.resolve(PROJECT, written[1] ?? ""));
    const date = DateTime.fromFormat(String(fields.date), "yyyy-MM-dd HH:mm", { zone: "Asia/Shanghai" });
    assert.ok(date >= before && date <= DateTime.now(), `${fields.date} is now`);
    assert.equal(`${written[2]}/${written[3]}`, date.toFormat("yyyy/MM"));
    assert.deepEqual([fields.source, fields.tags], ["CGTN", ["Kashgar", "Xinjiang"]]);
    writeStory(path.resolve(PROJECT, written[1] ?? ""));
    assert.equal(check(content).status, 0);
  });

  test("never overwrites: exit 1 naming the file, which is left unchanged", () => {
    const content = emptySite();
    const args = ["--section", "economy", "--editor", "X", "--date", "2026-11-27 18:30", "Same headline"];
    assert.equal(newArticle(content, args).status, 0);
    const file = path.join(content, "articles/2026/11/same-headline.md");
    writeFileSync(file, "an editor's work\n");
    const again = newArticle(content, args);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /articles\/2026\/11\/same-headline\.md already exists; nothing was written/);
    assert.equal(readFileSync(file, "utf8"), "an editor's work\n");
  });

  test("an unknown section: exit 1 with a suggestion, nothing written", () => {
    const content = emptySite();
    const result = newArticle(content, ["--section", "econmy", "--editor", "X", "Headline"]);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, 'section: unknown section "econmy" (did you mean "economy"?)\n');
    assert.equal(existsSync(path.join(content, "articles")), false);
  });

  test("a top section with sections: exit 1 listing them", () => {
    const result = newArticle(emptySite(), ["--section", "travel", "--editor", "X", "Headline"]);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /"travel" is a top section; name one of its sections: travel-news, travel-types, events/,
    );
  });

  test("no editor and no terminal to ask: exit 1 with a clear message", () => {
    const content = emptySite();
    const result = newArticle(content, ["--section", "economy", "Headline"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no editor: add --editor "Your Name", or set NEWSDESK_EDITOR/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.equal(existsSync(path.join(content, "articles")), false);
  });

  test("no headline and no terminal: exit 1 saying how to give one", () => {
    const result = newArticle(emptySite(), ["--section", "economy"], { NEWSDESK_EDITOR: "X" });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no headline: write it after the command/);
  });

  test("NEWSDESK_EDITOR is the editor when --editor is not given", () => {
    const content = emptySite();
    const result = newArticle(content, ["--section", "economy", "--date", "2026-11-27 18:30", "Headline"], {
      NEWSDESK_EDITOR: "Wang Fan",
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(frontMatter(path.join(content, "articles/2026/11/headline.md")).editor, "Wang Fan");
  });

  test("a headline with a colon and quotes round-trips through YAML and passes the check", () => {
    const content = emptySite();
    const headline = `Shenzhen: drones "deliver" lunch, it's 'fast' - #1 [pilot]`;
    const result = newArticle(content, ["--section", "sci-tech", "--date", "2026-11-27 18:30", headline], {
      NEWSDESK_EDITOR: "Mo Hong'e",
    });
    assert.equal(result.status, 0, result.stderr);
    const dir = path.join(content, "articles/2026/11");
    const [name] = readdirSync(dir);
    assert.equal(name, "shenzhen-drones-deliver-lunch-it-s-fast-1-pilot.md");
    assert.equal(frontMatter(path.join(dir, name ?? "")).headline, headline);
    writeStory(path.join(dir, name ?? ""));
    const checked = check(content);
    assert.equal(checked.status, 0, checked.stdout);
  });

  test("a --date that is not a date: exit 1 with the checker's message", () => {
    const result = newArticle(emptySite(), ["--section", "economy", "--date", "05/11/2026", "Headline"], {
      NEWSDESK_EDITOR: "X",
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /date: "05\/11\/2026" is not a date; write it as 2016-11-05 12:36/);
  });
});
