import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatProblem } from "../../src/domain/problem.ts";
import { outputCollisions, type PlannedOutput } from "../../src/output/siteOutputs.ts";

const alias = (path: string, line = 7): PlannedOutput => ({
  path,
  name: "an alias of a.md",
  source: { file: "content/articles/a.md", line, field: "aliases" },
});

describe("output collisions", () => {
  const site: PlannedOutput[] = [
    { path: "index.html", name: "the home page" },
    { path: "feeds/atom.xml", name: "the Atom feed of the site" },
    { path: "img/", name: "the site's processed pictures" },
  ];

  test("the same file, a place inside a folder the build fills, and a place inside a file are refused by name", () => {
    const problems = outputCollisions([
      ...site,
      alias("index.html", 7),
      alias("img/a/index.html", 8),
      alias("feeds/atom.xml/index.html", 9),
      alias("old/index.html", 10),
      alias("Feeds/Atom.xml", 11),
    ]).map(formatProblem);
    assert.deepEqual(problems, [
      "content/articles/a.md:7: aliases: / would overwrite the home page; an alias may not replace it; remove this alias",
      "content/articles/a.md:8: aliases: /img/a/ would overwrite the site's processed pictures; an alias may not replace it; remove this alias",
      "content/articles/a.md:9: aliases: /feeds/atom.xml/ would overwrite the Atom feed of the site; an alias may not replace it; remove this alias",
      "content/articles/a.md:11: aliases: /Feeds/Atom.xml would overwrite the Atom feed of the site (on file systems that do not tell capitals apart); an alias may not replace it; remove this alias",
    ]);
  });

  test("a folder the build fills may not hold what came before it either", () => {
    assert.throws(
      () =>
        outputCollisions([
          { path: "img/x.html", name: "a page" },
          { path: "img/", name: "the pictures" },
        ]),
      /the pictures over a page/,
    );
  });

  test("the later of two outputs is the one at fault", () => {
    const page = {
      path: "x/index.html",
      name: "the page x.md",
      source: { file: "x.md", line: 1, field: "url" },
    };
    const [problem] = outputCollisions([page, alias("x/index.html")]);
    assert.equal(problem?.file, "content/articles/a.md");
  });
});
