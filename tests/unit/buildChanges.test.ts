import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildChangesText, changesInARow, parseBuildChanges } from "../../src/output/buildChanges.ts";

describe("the build's changes list", () => {
  test("is tab-separated lines, sorted, and reads back as written", () => {
    const changes = {
      kind: "incremental" as const,
      written: ["sitemap.xml", "economy/2026-11-28/some-story/index.html", "economy/index.html"],
      removed: ["economy/2026-11-20/old-story/index.html"],
    };
    const text = buildChangesText(changes);
    assert.equal(
      text,
      [
        "kind\tincremental",
        "written\teconomy/2026-11-28/some-story/index.html",
        "written\teconomy/index.html",
        "written\tsitemap.xml",
        "removed\teconomy/2026-11-20/old-story/index.html",
        "",
      ].join("\n"),
    );
    assert.deepEqual(parseBuildChanges(text), {
      changes: { ...changes, written: [...changes.written].sort() },
    });
  });

  test("of a build that changed nothing, or could not compare, reads too", () => {
    assert.deepEqual(parseBuildChanges("kind\tincremental\n"), {
      changes: { kind: "incremental", written: [], removed: [] },
    });
    assert.deepEqual(parseBuildChanges("kind\tfull\nwritten\tindex.html"), {
      changes: { kind: "full", written: ["index.html"], removed: [] },
    });
  });

  test("names the first line not in its form", () => {
    for (const [text, line, problem] of [
      ["", 1, /first line must be "kind"/],
      ["kind\tpartial\n", 1, /"incremental" or "full"/],
      ["written\tindex.html\n", 1, /first line must be "kind"/],
      ["kind\tfull\nwritten index.html\n", 2, /"written" or "removed", a tab, and a path/],
      ["kind\tfull\nwritten\tindex.html\nadded\tx.html\n", 3, /"written" or "removed"/],
      [
        "kind\tincremental\nwritten\ta.html\nremoved\ta.html\n",
        3,
        /a\.html is listed as both written and removed/,
      ],
    ] as const) {
      const parsed = parseBuildChanges(text);
      assert.ok("problem" in parsed, JSON.stringify(text));
      assert.equal(parsed.line, line, JSON.stringify(text));
      assert.match(parsed.problem, problem);
    }
  });

  test("refuses paths that would leave the site folder, since uploaders read and delete by them", () => {
    for (const file of [
      "../secrets.txt",
      "economy/../../x",
      "/etc/passwd",
      "a\\b.html",
      "a//b.html",
      "./index.html",
      "",
    ]) {
      const parsed = parseBuildChanges(`kind\tincremental\nremoved\t${file}\n`);
      assert.ok("problem" in parsed, file);
      assert.equal(parsed.line, 2);
      assert.match(parsed.problem, /is not a path inside the site folder/);
    }
  });

  test("of two builds in a row: what the second did wins, nothing the first did is lost", () => {
    const first = {
      kind: "incremental" as const,
      written: ["a.html", "b.html"],
      removed: ["c.html", "d.html"],
    };
    const second = { kind: "incremental" as const, written: ["d.html", "e.html"], removed: ["b.html"] };
    assert.deepEqual(changesInARow(first, second), {
      kind: "incremental",
      written: ["a.html", "d.html", "e.html"],
      removed: ["b.html", "c.html"],
    });
    assert.equal(changesInARow(first, { ...second, kind: "full" }).kind, "full");
  });

  test("names the site it was made to, which a merge keeps from the first build", () => {
    const changes = { kind: "incremental" as const, from: "Ab_c-9", written: ["a.html"], removed: [] };
    const text = buildChangesText(changes);
    assert.equal(text, "kind\tincremental\nfrom\tAb_c-9\nwritten\ta.html\n");
    assert.deepEqual(parseBuildChanges(text), { changes });
    assert.deepEqual(parseBuildChanges("kind\tincremental\nfrom\ta b\n"), {
      line: 2,
      problem: 'the line "from" must name a site by its fingerprint (letters, digits, - and _)',
    });
    // Only as the second line: elsewhere it is no line of the list.
    assert.equal(
      (parseBuildChanges("kind\tincremental\nwritten\ta.html\nfrom\tx\n") as { line: number }).line,
      3,
    );
    const later = { kind: "incremental" as const, from: "later", written: ["b.html"], removed: [] };
    assert.equal(changesInARow(changes, later).from, "Ab_c-9");
  });
});
