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
