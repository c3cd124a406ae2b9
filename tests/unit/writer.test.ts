import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import type { OutputGroup } from "../../src/output/outputFile.ts";
import { type WriterReport, writerInto } from "../../src/output/writer.ts";

function folder(): string {
  return mkdtempSync(path.join(tmpdir(), "newsdesk-writer-"));
}

const published = (report: WriterReport) => ({ manifest: report.manifest, groups: report.groups });

test("a second run in the same folder makes nothing whose key is the same, and removes what the site lost", async () => {
  const dir = folder();
  const first = writerInto({ folder: dir });
  await first.put("a/index.html", "key a", () => "<p>a</p>");
  await first.put("b/index.html", "key b", () => "<p>b</p>");
  const report = await first.finish();
  assert.deepEqual(report.written, ["a/index.html", "b/index.html"]);

  const made: string[] = [];
  const second = writerInto({ folder: dir, published: published(report), holds: report.manifest });
  await second.put("a/index.html", "key a", () => {
    made.push("a");
    return "<p>changed, but the key says it is not</p>";
  });
  const again = await second.finish();
  assert.deepEqual(made, [], "a file whose key is the same is not made again");
  assert.equal(again.unchanged, 1);
  assert.deepEqual(again.removed, ["b/index.html"]);
  assert.equal(readFileSync(path.join(dir, "a/index.html"), "utf8"), "<p>a</p>");
  assert.deepEqual(readdirSync(dir), ["a"], "the folder a removed page leaves empty goes too");
});

test("a file made again with the same bytes counts as unchanged and is not written", async () => {
  const dir = folder();
  const first = writerInto({ folder: dir });
  await first.put("page.html", "key 1", () => "same");
  const report = await first.finish();
  const before = statSync(path.join(dir, "page.html"));

  const second = writerInto({ folder: dir, published: published(report), holds: report.manifest });
  await second.put("page.html", "key 2", () => "same");
  const again = await second.finish();
  assert.deepEqual(again.written, []);
  assert.equal(again.unchanged, 1);
  assert.equal(again.manifest.get("page.html")?.key, "key 2", "the new key is recorded");
  assert.equal(statSync(path.join(dir, "page.html")).mtimeMs, before.mtimeMs);
});

test("the standby copy: what it lacks is linked from the published site, what changed is a new file", async () => {
  const site = folder();
  const first = writerInto({ folder: site });
  await first.put("same.html", "k same", () => "unchanged page");
  await first.put("edited.html", "k old", () => "old text");
  await first.put("gone.html", "k gone", () => "a page the next site has not");
  const report = await first.finish();
  // The standby: a copy of an older site that lacks same.html and has a stale page of its own.
  const standby = folder();
  cpSync(path.join(site, "edited.html"), path.join(standby, "edited.html"));
  const { manifest } = report;
  const holds = new Map([
    ["edited.html", manifest.get("edited.html") ?? { key: "", hash: "", size: 0 }],
    ["stale.html", { key: "k", hash: "h", size: 1 }],
  ]);
  cpSync(path.join(site, "gone.html"), path.join(standby, "stale.html"));

  const writer = writerInto({ folder: standby, published: published(report), holds, linkFrom: site });
  await writer.put("same.html", "k same", () => {
    throw new Error("not made again");
  });
  await writer.put("edited.html", "k new", () => "new text");
  const done = await writer.finish();

  assert.equal(statSync(path.join(standby, "same.html")).ino, statSync(path.join(site, "same.html")).ino);
  assert.equal(readFileSync(path.join(standby, "edited.html"), "utf8"), "new text");
  assert.equal(
    readFileSync(path.join(site, "edited.html"), "utf8"),
    "old text",
    "the published site is untouched",
  );
  assert.deepEqual(readdirSync(standby).sort(), ["edited.html", "same.html"]);
  assert.deepEqual(done.written, ["edited.html"]);
  assert.deepEqual(done.removed, ["gone.html"]);
});

test("a linked file is replaced, never written into: the published copy keeps its bytes", async () => {
  const site = folder();
  const first = writerInto({ folder: site });
  await first.put("page.html", "k1", () => "published bytes");
  const report = await first.finish();
  const standby = folder();
  const linking = writerInto({ folder: standby, published: published(report), linkFrom: site });
  await linking.put("page.html", "k1", () => "unused");
  const linked = await linking.finish();
  assert.equal(statSync(path.join(standby, "page.html")).nlink, 2);

  const next = writerInto({
    folder: standby,
    published: published(report),
    holds: linked.manifest,
    linkFrom: site,
  });
  await next.put("page.html", "k2", () => "new bytes");
  await next.finish();
  assert.equal(readFileSync(path.join(site, "page.html"), "utf8"), "published bytes");
  assert.equal(readFileSync(path.join(standby, "page.html"), "utf8"), "new bytes");
});

test("a group is made again only when its key changes, and files it no longer makes go", async () => {
  const dir = folder();
  let makes = 0;
  const group = (key: string, urls: readonly string[]): OutputGroup => ({
    name: "feed economy",
    key,
    make: () => {
      makes++;
      return urls.map((url) => ({ url, content: `${key} ${url}` }));
    },
  });
  const toFile = (url: string) => url.slice(1);
  const first = writerInto({ folder: dir });
  await first.putGroup(group("k1", ["/feeds/atom.xml", "/feeds/rss.xml"]), toFile);
  const report = await first.finish();

  const second = writerInto({ folder: dir, published: published(report), holds: report.manifest });
  await second.putGroup(group("k1", ["/feeds/atom.xml", "/feeds/rss.xml"]), toFile);
  const same = await second.finish();
  assert.equal(makes, 1);
  assert.equal(same.unchanged, 2);

  const third = writerInto({ folder: dir, published: published(same), holds: same.manifest });
  await third.putGroup(group("k2", ["/feeds/atom.xml"]), toFile);
  const changed = await third.finish();
  assert.equal(makes, 2);
  assert.deepEqual(changed.removed, ["feeds/rss.xml"]);
  assert.deepEqual(readdirSync(path.join(dir, "feeds")), ["atom.xml"]);
  assert.equal(readFileSync(path.join(dir, "feeds/atom.xml"), "utf8"), "k2 /feeds/atom.xml");
});

test("kept files stay, cleared ones leave the folder, and a path outside the site is refused", async () => {
  const dir = folder();
  const first = writerInto({ folder: dir });
  await first.put("pagefind/all/index.json", "k", () => "{}");
  await first.put("custom.html", "k", () => "by Eleventy");
  const report = await first.finish();

  const second = writerInto({ folder: dir, published: published(report), holds: report.manifest });
  await second.keep((file) => file.startsWith("pagefind/"));
  await second.clear((file) => file === "custom.html");
  await assert.rejects(
    second.put("../outside.html", "k", () => "x"),
    /outside the site/,
  );
  const kept = await second.finish();
  assert.deepEqual(kept.removed, ["custom.html"]);
  assert.ok(kept.manifest.has("pagefind/all/index.json"));
  assert.deepEqual(readdirSync(dir), ["pagefind"]);
});
