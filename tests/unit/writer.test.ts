import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { writerInto } from "../../src/output/writer.ts";

function folder(): string {
  return mkdtempSync(path.join(tmpdir(), "newsdesk-writer-"));
}

test("a second run with the same keys makes nothing and writes nothing, and removes what the site lost", async () => {
  const dir = folder();
  const first = writerInto(dir);
  await first.put("a/index.html", "key a", () => "<p>a</p>");
  await first.put("b/index.html", "key b", () => "<p>b</p>");
  const report = await first.finish();
  assert.equal(report.written, 2);

  const made: string[] = [];
  const second = writerInto(dir, report);
  await second.put("a/index.html", "key a", () => {
    made.push("a");
    return "<p>changed, but the key says it is not</p>";
  });
  const again = await second.finish();
  assert.deepEqual(made, [], "a file whose key is the same is not made again");
  assert.equal(again.unchanged, 1);
  assert.equal(again.removed, 1);
  assert.equal(readFileSync(path.join(dir, "a/index.html"), "utf8"), "<p>a</p>");
  assert.deepEqual(readdirSync(dir), ["a"]);
});

test("a file made again with the same bytes is not written again", async () => {
  const dir = folder();
  const first = writerInto(dir);
  await first.put("page.html", "key 1", () => "same");
  const report = await first.finish();
  const before = statSync(path.join(dir, "page.html")).mtimeMs;
  writeFileSync(path.join(dir, "marker"), "");

  const second = writerInto(dir, report);
  await second.put("page.html", "key 2", () => "same");
  const again = await second.finish();
  assert.equal(again.written, 0);
  assert.equal(again.unchanged, 1);
  assert.equal(again.manifest.get("page.html")?.key, "key 2", "the new key is recorded");
  assert.equal(statSync(path.join(dir, "page.html")).mtimeMs, before);
});

test("a group is made again only when its key changes, and files it no longer makes go", async () => {
  const dir = folder();
  let makes = 0;
  const group = (key: string, urls: readonly string[]) => ({
    name: "feed economy",
    key,
    make: () => {
      makes++;
      return urls.map((url) => ({ url, content: `${key} ${url}` }));
    },
  });
  const toFile = (url: string) => url.slice(1);
  const first = writerInto(dir);
  await first.putGroup(group("k1", ["/feeds/atom.xml", "/feeds/rss.xml"]), toFile);
  const report = await first.finish();

  const second = writerInto(dir, report);
  await second.putGroup(group("k1", ["/feeds/atom.xml", "/feeds/rss.xml"]), toFile);
  const same = await second.finish();
  assert.equal(makes, 1);
  assert.equal(same.unchanged, 2);

  const third = writerInto(dir, same);
  await third.putGroup(group("k2", ["/feeds/atom.xml"]), toFile);
  const changed = await third.finish();
  assert.equal(makes, 2);
  assert.equal(changed.removed, 1);
  assert.deepEqual(readdirSync(path.join(dir, "feeds")), ["atom.xml"]);
  assert.equal(readFileSync(path.join(dir, "feeds/atom.xml"), "utf8"), "k2 /feeds/atom.xml");
});

test("kept files stay and a path outside the site is refused", async () => {
  const dir = folder();
  const first = writerInto(dir);
  await first.put("pagefind/1/index.json", "k", () => "{}");
  const report = await first.finish();

  const second = writerInto(dir, report);
  second.keep((file) => file.startsWith("pagefind/"));
  await assert.rejects(
    second.put("../outside.html", "k", () => "x"),
    /outside the site/,
  );
  const kept = await second.finish();
  assert.equal(kept.removed, 0);
  assert.ok(kept.manifest.has("pagefind/1/index.json"));
});
