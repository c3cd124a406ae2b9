import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import { BUILD_CHANGES_NAME, parseBuildChanges } from "../../src/output/buildChanges.ts";
import { cacheOf, fileHashes, PROJECT, runBuild, tempOutput } from "../helpers/build.ts";
import { LOCAL_CREDENTIALS, type LocalBucket, startLocalBucket } from "../helpers/localBucket.ts";

/**
 * `npm run upload:s3` against an S3-compatible server on this machine (s3rver), with the
 * sample site: the first upload makes the bucket equal the site folder; after a build that
 * changes an article, only the files of the build's own changes list are sent (and they are
 * exactly the files whose bytes changed).
 */
const EPOCH = "1795838400";
const runAsync = promisify(execFile);
/** Where a second copy of the site goes: a new prefix, which holds no site yet. */
const OTHER_PREFIX = "copy/";
const PREFIX = "edition/";

/** Why the upload cannot be tested here: without rclone it skips, under CI it never skips. */
function rcloneSkipReason(): string | undefined {
  if (spawnSync("rclone", ["version"]).status === 0) return undefined;
  const reason = "rclone not found: install it with 'apt-get install -y rclone'";
  if (process.env.CI === "true") throw new Error(`${reason}; CI must run the upload tests`);
  return reason;
}

function md5(file: string): string {
  return createHash("md5").update(readFileSync(file)).digest("hex");
}

describe("npm run upload:s3", { skip: rcloneSkipReason() }, () => {
  const work = mkdtempSync(path.join(tmpdir(), "newsdesk-upload-test-"));
  const content = path.join(work, "content");
  const site = tempOutput();
  const changesFile = path.join(cacheOf(site), BUILD_CHANGES_NAME);
  let bucket: LocalBucket;

  const build = () => {
    const result = runBuild(content, site, { SOURCE_DATE_EPOCH: EPOCH });
    assert.equal(result.status, 0, result.stderr);
  };
  // Run without blocking: the bucket's server answers from this process.
  const upload = async (...extra: string[]) => {
    const args = ["--bucket", bucket.name, "--endpoint", bucket.endpoint, "--prefix", PREFIX];
    // A later --prefix wins.
    const { stdout, stderr } = await runAsync(
      process.execPath,
      ["--import", "tsx", "src/cli/uploadS3.ts", ...args, "--site", site, "--changes", changesFile, ...extra],
      { cwd: PROJECT, env: { ...process.env, ...LOCAL_CREDENTIALS } },
    ).catch((error: { stdout: string; stderr: string }) => {
      assert.fail(`the upload failed:\n${error.stdout}\n${error.stderr}`);
    });
    return stdout + stderr;
  };
  /** Every file of the site is an object under the prefix with its bytes, and there is nothing else. */
  const assertBucketIsSite = async (prefix = PREFIX) => {
    const objects = await bucket.objects(prefix);
    const files = readdirSync(site, { recursive: true, encoding: "utf8" })
      .filter((name) => statSync(path.join(site, name)).isFile())
      .sort();
    assert.deepEqual([...objects.keys()].sort(), files);
    for (const file of files) {
      const stored = objects.get(file);
      assert.equal(stored?.etag, md5(path.join(site, file)), file);
      assert.equal(stored?.size, statSync(path.join(site, file)).size, file);
    }
  };

  before(async () => {
    cpSync(path.join(PROJECT, "content"), content, { recursive: true });
    bucket = await startLocalBucket();
  });
  after(async () => {
    await bucket?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test("after a build, the bucket equals the site folder: keys, bytes, Content-Type and Cache-Control", async () => {
    build();
    // What an earlier site left under the prefix goes; what is outside it stays.
    await bucket.put(`${PREFIX}economy/2016-01-01/gone/index.html`, "an old page");
    await bucket.put("elsewhere/keep.html", "not the site's");

    const said = await upload();
    assert.match(said, /no \.cache|could not compare/);
    await assertBucketIsSite();
    assert.equal(await (await bucket.get("elsewhere/keep.html")).text(), "not the site's");

    const files = [...fileHashes(site).keys()];
    const find = (pattern: RegExp) => {
      const file = files.find((name) => pattern.test(name));
      assert.ok(file, `the sample site has no file like ${pattern}`);
      return file;
    };
    const year = "public, max-age=31536000, immutable";
    const minutes = "public, max-age=300";
    for (const [file, contentType, cacheControl] of [
      ["index.html", "text/html; charset=utf-8", minutes],
      [find(/^economy\/\d{4}-\d\d-\d\d\/[^/]+\/index\.html$/), "text/html; charset=utf-8", minutes],
      [find(/^assets\/site\.[0-9a-f]{10}\.css$/), "text/css; charset=utf-8", year],
      [find(/^assets\/site\.[0-9a-f]{10}\.js$/), "text/javascript; charset=utf-8", year],
      [find(/^img\/.+\.avif$/), "image/avif", year],
      [find(/^img\/.+\.jpeg$/), "image/jpeg", year],
      // A fixed name, which crawlers cache by URL: not kept for a year.
      ["assets/logo.png", "image/png", minutes],
      ["feeds/atom.xml", "application/xml", minutes],
      ["sitemap.xml", "application/xml", minutes],
      ["robots.txt", "text/plain; charset=utf-8", minutes],
      [find(/^pagefind\/[^/]+\/fragment\/.+\.pf_fragment$/), "application/octet-stream", minutes],
    ] as const) {
      const response = await bucket.get(`${PREFIX}${file}`);
      assert.equal(response.status, 200, file);
      assert.equal(response.headers.get("content-type"), contentType, file);
      assert.equal(response.headers.get("cache-control"), cacheControl, file);
      assert.ok(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(site, file))), file);
    }
  });

  test("after a build that changes one article, only the files of the changes list are sent, and the bucket still equals the site", async () => {
    const before = fileHashes(site);
    const articles = path.join(content, "articles/2026/09");
    appendFileSync(
      path.join(articles, "runaway-alpaca-leads-police-on-chase-in-hangzhou.md"),
      "\nThe alpaca, named Duoduo, is back at the farm.\n",
    );
    rmSync(path.join(articles, "hairy-crab-season-opens-at-yangcheng-lake.md"));
    build();
    const parsed = parseBuildChanges(readFileSync(changesFile, "utf8"));
    assert.ok("changes" in parsed);
    const { kind, written, removed } = parsed.changes;
    const now = fileHashes(site);
    assert.equal(kind, "incremental");
    assert.deepEqual(
      [...written].sort(),
      [...now]
        .filter(([file, hash]) => before.get(file) !== hash)
        .map(([file]) => file)
        .sort(),
    );
    assert.deepEqual([...removed].sort(), [...before.keys()].filter((file) => !now.has(file)).sort());
    assert.ok(written.some((file) => file.includes("runaway-alpaca")));
    assert.ok(removed.some((file) => file.includes("hairy-crab")));
    assert.ok(written.length < before.size / 2, `${written.length} of ${before.size} files written`);

    bucket.clearLog();
    // The bucket holds the site the list was made to: only the list is sent, nothing compared.
    assert.match(await upload(), /^The last build wrote \d+ files and removed \d+\.$/m);
    assert.deepEqual([...bucket.log.stored].sort(), written.map((file) => `${PREFIX}${file}`).sort());
    // The marker goes first and comes back last: stopped in between, the bucket names no site.
    const marker = `${PREFIX}.newsdesk-site`;
    assert.equal(bucket.log.deleted[0], marker);
    assert.equal(bucket.log.stored.at(-1), marker);
    assert.deepEqual(bucket.log.deleted.slice(1).sort(), removed.map((file) => `${PREFIX}${file}`).sort());
    await assertBucketIsSite();
  });

  test("a changes list made to another site than the bucket holds (a new prefix): everything is compared, the marker sent last", async () => {
    const parsed = parseBuildChanges(readFileSync(changesFile, "utf8"));
    assert.ok("changes" in parsed && parsed.changes.kind === "incremental" && parsed.changes.from);
    bucket.clearLog();
    const said = await upload("--prefix", OTHER_PREFIX);
    assert.match(said, /does not hold the site the last build changed \(it has no newsdesk site/);
    await assertBucketIsSite(OTHER_PREFIX);
    assert.equal(bucket.log.stored.at(-1), `${OTHER_PREFIX}.newsdesk-site`);
  });

  test("--full compares the whole folder with the bucket and sends nothing when they are the same", async () => {
    bucket.clearLog();
    const said = await upload("--full");
    assert.match(said, /0 files to upload, 0 to delete/);
    assert.deepEqual(bucket.log, { stored: [], deleted: [] });
  });
});

describe("npm run upload:s3 refuses, before it touches a bucket", () => {
  const refusal = (site: string, changes: string | undefined, ...extra: string[]) => {
    const work = mkdtempSync(path.join(tmpdir(), "newsdesk-upload-refused-"));
    const changesFile = path.join(work, "changes.txt");
    if (changes !== undefined) writeFileSync(changesFile, changes);
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/uploadS3.ts",
        "--bucket",
        "newsroom",
        "--site",
        site,
        "--changes",
        changesFile,
        ...extra,
      ],
      { cwd: PROJECT, encoding: "utf8", env: { ...process.env, ...LOCAL_CREDENTIALS } },
    );
    assert.equal(result.status, 1);
    assert.equal(result.stdout, "");
    return result.stderr.trim();
  };
  const builtSite = () => {
    const site = mkdtempSync(path.join(tmpdir(), "newsdesk-upload-site-"));
    for (const file of ["index.html", "404.html"]) writeFileSync(path.join(site, file), "<p>page</p>");
    return site;
  };

  test("a folder that is not a site newsdesk built", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "newsdesk-notes-"));
    assert.match(
      refusal(folder, undefined),
      /is not a site newsdesk built \(it has no index\.html and 404\.html\): run npm run build first$/,
    );
  });

  test("a changes list not in its form, naming its line", () => {
    const said = refusal(builtSite(), "kind\tincremental\nwritten\tindex.html\nremoved\t../../etc/passwd\n");
    assert.match(
      said,
      /changes\.txt:3: "\.\.\/\.\.\/etc\/passwd" is not a path inside the site folder; run npm run build again, or upload with --full$/,
    );
  });

  test("a changes list of another folder", () => {
    const said = refusal(builtSite(), "kind\tincremental\nwritten\teconomy/2026-11-28/story/index.html\n");
    assert.match(
      said,
      /lists economy\/2026-11-28\/story\/index\.html, which .* does not have: the list is not this folder's/,
    );
  });

  test("no bucket named", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/uploadS3.ts"], {
      cwd: PROJECT,
      encoding: "utf8",
    });
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^--bucket must name a bucket, like my-newsroom\nusage: npm run upload:s3 -- --bucket NAME/,
    );
  });
});
