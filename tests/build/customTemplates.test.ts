import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { PROJECT, readPage, tempOutput } from "../helpers/build.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

/**
 * A newsroom adds its own Eleventy template (in layouts/custom/) and its own Eleventy
 * plugin (in .eleventy.ts), the Eleventy way; both build alongside newsdesk's pages, and
 * the template's output is one of the site's, which no alias may take.
 */
function newsroomProject(): string {
  const project = mkdtempSync(path.join(tmpdir(), "newsdesk-project-"));
  for (const entry of ["src", "layouts", "package.json", "tsconfig.json"]) {
    cpSync(path.join(PROJECT, entry), path.join(project, entry), { recursive: true });
  }
  symlinkSync(path.join(PROJECT, "node_modules"), path.join(project, "node_modules"));
  writeFileSync(
    path.join(project, ".eleventy.ts"),
    readFileSync(path.join(PROJECT, ".eleventy.ts"), "utf8").replace(
      "  eleventyConfig.addPlugin(newsdeskPlugin);",
      [
        "  eleventyConfig.addPlugin(newsdeskPlugin);",
        "  // The newsroom's own plugin: a filter and some data of its own.",
        "  eleventyConfig.addPlugin((config: EleventyConfig) => {",
        '    config.addFilter("shout", (text: string) => text.toUpperCase() + "!");',
        '    config.addGlobalData("desk", { phone: "+86 10 0000 0000" });',
        "  });",
      ].join("\n"),
    ),
  );
  mkdirSync(path.join(project, "layouts/custom"), { recursive: true });
  writeFileSync(
    path.join(project, "layouts/custom/latest.liquid"),
    [
      "---",
      "permalink: /latest-headlines/index.html",
      "---",
      "<ul>{% for article in newsdesk.site.articles limit: 2 %}<li>{{ article.headline | shout }}</li>{% endfor %}</ul>",
      "<p>Desk: {{ desk.phone }}</p>",
    ].join("\n"),
  );
  return project;
}

function buildIn(project: string, content: string, output: string) {
  return spawnSync(
    process.execPath,
    ["--import", "tsx", "src/cli/build.ts", "--content", content, "--output", output],
    {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, SOURCE_DATE_EPOCH: "1795600000" },
    },
  );
}

describe("a newsroom's own Eleventy template and plugin", () => {
  const project = newsroomProject();

  test("build alongside newsdesk's pages, with the site model as their data", () => {
    const content = makeFixtureContent({
      articles: {
        "one.md": { fields: validFields({ headline: "First story" }) },
        "two.md": { fields: validFields({ headline: "Second story", date: "2016-11-04 10:00" }) },
      },
    });
    const output = tempOutput();
    const built = buildIn(project, content, output);
    assert.equal(built.status, 0, built.stderr);
    const page = readPage(output, "/latest-headlines/");
    assert.match(page, /<li>FIRST STORY!<\/li><li>SECOND STORY!<\/li>/);
    assert.match(page, /Desk: \+86 10 0000 0000/);
    assert.match(readPage(output, "/economy/2016-11-05/one/"), /<h1 class="headline">First story<\/h1>/);
  });

  test("its output is one of the site's: an alias may not take its place", () => {
    const content = makeFixtureContent({
      articles: { "one.md": { fields: validFields({ aliases: ["/latest-headlines/"] }) } },
    });
    const built = buildIn(project, content, tempOutput());
    assert.equal(built.status, 1);
    assert.match(
      built.stderr,
      /articles\/one\.md:7: aliases: \/latest-headlines\/ would overwrite the newsroom's template \S*latest\.liquid; an alias may not replace it/,
    );
  });
});
