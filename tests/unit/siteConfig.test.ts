import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { readDataFile } from "../../src/content/readDataFile.ts";
import { siteConfigSchema } from "../../src/domain/siteConfig.ts";
import { makeFixtureContent } from "../helpers/fixtureSite.ts";

function readSite(site: Record<string, unknown>) {
  const dir = makeFixtureContent({ articles: {}, site });
  const text = readFileSync(path.join(dir, "_data/site.json"), "utf8");
  return { file: readDataFile(contentFolder(dir), "_data/site.json", siteConfigSchema), text };
}

describe("site.json's host", () => {
  test("is optional, and one of the hosts newsdesk knows the limits of", () => {
    assert.equal(readSite({}).file.value?.host, undefined);
    for (const host of ["github-pages", "cloudflare-pages", "netlify", "s3"])
      assert.equal(readSite({ host }).file.value?.host, host);
  });

  test("misspelt: the file, the line, the field and the likely name", () => {
    const { file, text } = readSite({ host: "netlfy" });
    const line = text.split("\n").findIndex((l) => l.includes('"host"')) + 1;
    assert.equal(file.value, undefined);
    assert.deepEqual(
      file.problems.map((p) => ({ ...p, file: p.file.replace(/^.*newsdesk-fixture-[^/]+\//, "") })),
      [
        {
          severity: "error",
          file: "_data/site.json",
          line,
          field: "host",
          message:
            'unknown host "netlfy" (did you mean "netlify"?); write one of github-pages, cloudflare-pages, netlify, s3, or leave host out',
        },
      ],
    );
    assert.match(
      readSite({ host: "GitHub Pages" }).file.problems[0]?.message ?? "",
      /did you mean "github-pages"/,
    );
  });
});

describe("site.json's webEditor.branch", () => {
  const withBranch = (branch: string) =>
    readSite({ webEditor: { repo: "eastbridge/newsroom", branch, authUrl: "https://auth.example.org" } });

  test("takes any name git takes, and main when left out", () => {
    for (const branch of ["main", "release/2026", "news-desk_1", "x.lockx", "a@b", "@x", "rédaction"])
      assert.equal(withBranch(branch).file.value?.webEditor?.branch, branch);
    const leftOut = readSite({
      webEditor: { repo: "eastbridge/newsroom", authUrl: "https://auth.example.org" },
    });
    assert.equal(leftOut.file.value?.webEditor?.branch, "main");
  });

  test("refuses what git refuses, on its file, line and field, saying why", () => {
    const { file, text } = withBranch("a..b");
    assert.equal(file.value, undefined);
    assert.deepEqual(
      file.problems.map((p) => ({ ...p, file: p.file.replace(/^.*newsdesk-fixture-[^/]+\//, "") })),
      [
        {
          severity: "error",
          file: "_data/site.json",
          line: text.split("\n").findIndex((l) => l.includes('"branch"')) + 1,
          field: "webEditor.branch",
          message: '"a..b" cannot be the web editor\'s branch: it holds ..; write one like main',
        },
      ],
    );
  });

  const refused: Record<string, string> = {
    "": "it is empty",
    "-x": "it starts with -",
    "/x": "it starts with /",
    "x/": "it ends with /",
    "x.": "it ends with .",
    "a//b": "it holds // (an empty part between slashes)",
    "a..b": "it holds ..",
    "a@{1}": "it holds @{",
    "@": "@ alone is git's short name for HEAD",
    HEAD: "HEAD is git's name for the commit checked out",
    ".hidden": "a part of it (between slashes) starts with .",
    "a/.b": "a part of it (between slashes) starts with .",
    "x.lock": "a part of it (between slashes) ends with .lock",
    "a.lock/b": "a part of it (between slashes) ends with .lock",
    "a b": "it holds a space or a control character",
    "a\tb": "it holds a space or a control character",
    "a\x7fb": "it holds a space or a control character",
  };
  for (const character of "#%")
    refused[`a${character}b`] = "it holds # or %, which the web editor cannot send to GitHub";
  refused.cms = "the web editor keeps its own branches in cms/";
  refused["cms/main"] = "the web editor keeps its own branches in cms/";
  for (const character of "~^:?*[\\") refused[`a${character}b`] = "it holds one of ~ ^ : ? * [ \\";
  for (const [branch, why] of Object.entries(refused))
    test(`refuses ${JSON.stringify(branch)}: ${why}`, () => {
      assert.deepEqual(
        withBranch(branch).file.problems.map((p) => p.message),
        [`"${branch}" cannot be the web editor's branch: ${why}; write one like main`],
      );
    });
});
