import assert from "node:assert/strict";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import {
  cacheOf,
  differingFiles,
  hashFolder,
  readPage,
  runBuild,
  runCheck,
  startBuild,
  tempOutput,
} from "../helpers/build.ts";
import { articleText, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

const content = makeFixtureContent({ articles: { "good.md": { fields: validFields() } } });
const output = tempOutput();
let goodHash = "";
/** A cold build: what these tests are about is the staging folder and its swap. */
const FULL = ["--full"];

before(() => {
  const first = runBuild(content, output);
  assert.equal(first.status, 0, first.stderr);
  goodHash = hashFolder(output);
});

function leftovers(): string[] {
  return readdirSync(path.dirname(output)).filter((name) => name !== "_site");
}

describe("a failed build leaves the published site exactly as it was", () => {
  test("bad content: every problem listed, exit 1, no stack trace, _site untouched", () => {
    const broken = makeFixtureContent({
      articles: {
        "good.md": { fields: validFields({ headline: "Changed headline" }) },
        "bad.md": articleText({ fields: validFields({ section: "econmy" }) }),
        "worse.md": "---\nheadline: a: b\n---\nText",
      },
    });
    const result = runBuild(broken, output);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /articles\/bad\.md:4: section: unknown section "econmy" \(did you mean "economy"\?\)/,
    );
    assert.match(result.stderr, /articles\/worse\.md:2: front matter: the front matter is not valid YAML/);
    assert.match(result.stderr, /2 errors in the content; nothing was published\./);
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace for an editor's mistake");
    assert.equal(hashFolder(output), goodHash);
    assert.deepEqual(leftovers(), []);
  });

  // Once every page is written to the staging folder; and in the search index's own thread.
  for (const phase of ["pages", "search"]) {
    test(`a failure after ${phase}: exit 1, _site untouched, no staging folder left`, () => {
      writeFileSync(
        path.join(content, "articles/good.md"),
        articleText({ fields: validFields({ headline: "New" }) }),
      );
      const result = runBuild(content, output, { NEWSDESK_FAIL_AT: phase });
      assert.equal(result.status, 1);
      assert.match(result.stderr, /nothing was published/);
      assert.match(result.stderr, new RegExp(`failing after ${phase}`));
      assert.equal(hashFolder(output), goodHash);
      assert.deepEqual(leftovers(), []);
    });
  }

  test("an interrupted build: _site untouched, staging removed", async () => {
    const child = startBuild(content, output, FULL);
    const staging = () => existsSync(`${output}.staging-${child.pid}`);
    for (let waited = 0; !staging() && waited < 20_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) =>
      child.on("exit", (exitCode) => resolve(exitCode)),
    );
    assert.equal(code, 130);
    assert.equal(hashFolder(output), goodHash);
    assert.deepEqual(leftovers(), []);
  });

  for (const [fault, folder] of [
    ["output-eacces", "where _site/ is built: permission denied (EACCES)"],
    ["output-enospc", "where _site/ is built: the disk is full (ENOSPC)"],
    ["cache-eacces", ": permission denied (EACCES)"],
  ] as const) {
    test(`a folder that cannot be written (${fault}): one line naming it, exit 1, _site untouched`, () => {
      const result = runBuild(content, output, { NEWSDESK_FAIL_AT: fault }, FULL);
      assert.equal(result.status, 1);
      assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
      assert.match(
        result.stderr,
        new RegExp(`^cannot write to .+${escapeRegExp(folder)}; nothing was published\\.$`, "m"),
      );
      assert.equal(hashFolder(output), goodHash);
      assert.deepEqual(leftovers(), []);
    });
  }

  test("a build killed between the two renames of the swap: the next check puts the last site back", () => {
    const killed = runBuild(content, output, { NEWSDESK_FAIL_AT: "swap" }, FULL);
    assert.equal(killed.signal, "SIGKILL");
    assert.ok(!existsSync(output), "the window this test is about: _site/ is set aside");
    const checked = runCheck(content, {}, ["--output", output]);
    assert.equal(checked.status, 0, checked.stderr);
    assert.match(
      checked.stderr,
      /_site\/ was missing: a build was stopped while publishing, so the site it replaced \(_site\.old-\d+\) is back in place/,
    );
    assert.match(checked.stderr, /removed _site\.staging-\d+, left by a build that was stopped/);
    assert.equal(hashFolder(output), goodHash);
    assert.deepEqual(leftovers(), []);
  });

  test("after a full build killed in its swap, the next build builds on the site put back, as a cold build would", () => {
    // The content changed since the site put back (the tests above edited it): the build
    // stopped in its swap kept a state of the site it never published, which must not be used.
    const next = runBuild(content, output);
    assert.equal(next.status, 0, next.stderr);
    assert.doesNotMatch(next.stdout, /^Full build/m);
    const cold = tempOutput();
    assert.equal(runBuild(content, cold, {}, FULL).status, 0);
    assert.deepEqual(differingFiles(output, cold), []);
    assert.match(readPage(output, "/economy/2016-11-05/good/"), /New/);
    goodHash = hashFolder(output);
  });

  test("kill -9 during a build: its staging folder is cleared by the next build", async () => {
    const child = startBuild(content, output, FULL);
    const staging = `${output}.staging-${child.pid}`;
    for (let waited = 0; !existsSync(staging) && waited < 20_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    assert.deepEqual(leftovers(), [path.basename(staging)]);
    const next = runBuild(content, output);
    assert.equal(next.status, 0, next.stderr);
    assert.match(
      next.stderr,
      new RegExp(`removed ${escapeRegExp(path.basename(staging))}, left by a build that was stopped`),
    );
    assert.deepEqual(leftovers(), []);
    goodHash = hashFolder(output);
  });

  test("an old site that cannot be deleted: the new one is published and the build says exactly that", () => {
    writeFileSync(
      path.join(content, "articles/good.md"),
      articleText({ fields: validFields({ headline: "Published despite" }) }),
    );
    // With no state from the last build, its site is deleted rather than kept as the standby.
    rmSync(cacheOf(output), { recursive: true, force: true });
    const result = runBuild(content, output, { NEWSDESK_FAIL_AT: "retire-eacces" });
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /nothing was published/);
    assert.match(
      result.stderr,
      /warning: the new site is published, but the previous one could not be deleted from \S+_site\.old-\d+ \(EACCES\)/,
    );
    assert.match(readPage(output, "/economy/2016-11-05/good/"), /Published despite/);
    assert.equal(leftovers().length, 1);
    writeFileSync(
      path.join(content, "articles/good.md"),
      articleText({ fields: validFields({ headline: "New" }) }),
    );
    const next = runBuild(content, output);
    assert.equal(next.status, 0, next.stderr);
    assert.deepEqual(leftovers(), []);
  });

  test("a good build then replaces the site", () => {
    const result = runBuild(content, output);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(path.join(output, "economy/2016-11-05/good/index.html")));
    assert.match(readPage(output, "/economy/2016-11-05/good/"), /<h1 class="headline">New<\/h1>/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
