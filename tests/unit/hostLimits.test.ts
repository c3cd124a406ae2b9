import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { HOSTS } from "../../src/domain/hosts.ts";
import { hostLimitWarnings, type SiteTotals, siteTotals } from "../../src/output/hostLimits.ts";

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/** A site of `files` small files, with the extremes a test sets. */
function totals(overrides: Partial<SiteTotals>): SiteTotals {
  return {
    files: 500,
    bytes: 10 * MIB,
    largestFile: { path: "index.html", bytes: 40_000 },
    fullestFolder: { path: "economy", entries: 300 },
    longestPath: { path: "economy/2026-11-28/a/index.html", bytes: 31 },
    ...overrides,
  };
}

describe("the totals of a build's output", () => {
  test("count files and bytes, and find the largest file, the fullest folder and the longest path", () => {
    const manifest = new Map([
      ["index.html", { size: 30_000 }],
      ["economy/index.html", { size: 20_000 }],
      ["economy/2026-11-28/a/index.html", { size: 9_000 }],
      ["economy/2026-11-28/b/index.html", { size: 9_000 }],
      ["economy/2026-11-28/c/index.html", { size: 9_000 }],
      ["economy/2026-11-28/d/index.html", { size: 9_000 }],
      ["economy/2026-11-28/e/index.html", { size: 9_000 }],
      ["img/x-1200.avif", { size: 200_000 }],
      // Two bytes a letter in UTF-8: keys are counted in bytes.
      ["topics/données-économiques/index.html", { size: 5_000 }],
    ]);
    assert.deepEqual(siteTotals(manifest), {
      files: 9,
      bytes: 300_000,
      largestFile: { path: "img/x-1200.avif", bytes: 200_000 },
      // a/ to e/: folders are entries too (the top holds four).
      fullestFolder: { path: "economy/2026-11-28", entries: 5 },
      longestPath: { path: "topics/données-économiques/index.html", bytes: 39 },
    });
  });

  test("of an empty site are zero, with no extremes", () => {
    assert.deepEqual(siteTotals(new Map()), {
      files: 0,
      bytes: 0,
      largestFile: undefined,
      fullestFolder: undefined,
      longestPath: undefined,
    });
  });
});

describe("host limits", () => {
  test("no host named, no warnings, however large the site", () => {
    assert.deepEqual(hostLimitWarnings(undefined, totals({ files: 10_000_000, bytes: 100 * GIB })), []);
  });

  test("a small site fits every host", () => {
    for (const host of HOSTS) assert.deepEqual(hostLimitWarnings(host, totals({})), [], host);
  });

  test("GitHub Pages: a published site of at most 1 GB (1 GiB, as actions/deploy-pages counts)", () => {
    assert.deepEqual(hostLimitWarnings("github-pages", totals({ bytes: GIB })), []);
    const [warning, ...more] = hostLimitWarnings("github-pages", totals({ bytes: GIB + 1 }));
    assert.deepEqual(more, []);
    assert.match(warning ?? "", /^the site is 1\.00 GiB, and GitHub Pages publishes sites of at most 1 GB/);
    assert.match(warning ?? "", /docs\/publishing\.md/);
  });

  test("Cloudflare Pages: 20,000 files on the Free plan, 100,000 on paid plans, 25 MiB a file", () => {
    assert.deepEqual(hostLimitWarnings("cloudflare-pages", totals({ files: 20_000 })), []);
    const [free, ...more] = hostLimitWarnings("cloudflare-pages", totals({ files: 20_001 }));
    assert.deepEqual(more, []);
    assert.match(
      free ?? "",
      /^the site has 20,001 files, and Cloudflare Pages takes at most 20,000 on its Free plan \(100,000 on Workers Paid plans/,
    );
    const [any, ...again] = hostLimitWarnings("cloudflare-pages", totals({ files: 100_001 }));
    assert.deepEqual(again, [], "one warning: the stricter limit says nothing more");
    assert.match(
      any ?? "",
      /^the site has 100,001 files, and Cloudflare Pages takes at most 100,000 on any plan/,
    );

    const largest = { path: "video/briefing.mp4", bytes: 25 * MIB };
    assert.deepEqual(hostLimitWarnings("cloudflare-pages", totals({ largestFile: largest })), []);
    const [tooLarge] = hostLimitWarnings(
      "cloudflare-pages",
      totals({ largestFile: { ...largest, bytes: 25 * MIB + 1 } }),
    );
    assert.match(
      tooLarge ?? "",
      /^video\/briefing\.mp4 is 25\.0 MiB, and Cloudflare Pages takes files of at most 25 MiB/,
    );
  });

  test("Netlify: at most 54,000 entries in one folder, whatever the whole site holds", () => {
    assert.deepEqual(hostLimitWarnings("netlify", totals({ files: 2_000_000, bytes: 50 * GIB })), []);
    const crowded = new Map(Array.from({ length: 54_001 }, (_, n) => [`img/p${n}.avif`, { size: 100 }]));
    const [warning, ...more] = hostLimitWarnings("netlify", siteTotals(crowded));
    assert.deepEqual(more, []);
    assert.match(
      warning ?? "",
      /^the folder \/img\/ holds 54,001 files and folders, and Netlify takes at most 54,000 files in one folder/,
    );
    crowded.delete("img/p0.avif");
    assert.deepEqual(hostLimitWarnings("netlify", siteTotals(crowded)), []);
  });

  test("S3 and R2: keys of at most 1,024 bytes", () => {
    const path = (bytes: number) => ({
      path: `economy/2026-11-28/${"x".repeat(bytes - 30)}/index.html`,
      bytes,
    });
    assert.deepEqual(hostLimitWarnings("s3", totals({ longestPath: path(1024), files: 10_000_000 })), []);
    const [warning] = hostLimitWarnings("s3", totals({ longestPath: path(1025) }));
    assert.match(warning ?? "", /is 1,025 bytes long, and a bucket's keys are at most 1,024 bytes/);
  });
});
