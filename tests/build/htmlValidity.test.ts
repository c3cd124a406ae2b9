import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { PROJECT, runBuild, tempOutput } from "../helpers/build.ts";
import { JAVA, javaSkipReason, VNU_JAR } from "../helpers/java.ts";

// 2026-11-28 12:00 Beijing time: every sample article is out.
const EPOCH = "1795838400";
const skip = javaSkipReason();
const output = tempOutput();

/** One message of the Nu HTML Checker's JSON output. */
interface VnuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly url?: string;
  readonly lastLine?: number;
  readonly firstColumn?: number;
  readonly lastColumn?: number;
  readonly message: string;
  readonly extract?: string;
}

/** `file:line:column: message` and the markup around it, with the path relative to the site. */
function describeMessage(site: string, message: VnuMessage): string {
  const file = message.url ? path.relative(site, decodeURIComponent(message.url.replace(/^file:/, ""))) : "?";
  const where = `${file}:${message.lastLine ?? "?"}:${message.firstColumn ?? message.lastColumn ?? "?"}`;
  const extract = message.extract ? `\n    ${message.extract.replaceAll("\n", " ")}` : "";
  return `${where}: ${message.type}: ${message.message}${extract}`;
}

before(() => {
  if (skip) return;
  const result = runBuild(`${PROJECT}/content`, output, { SOURCE_DATE_EPOCH: EPOCH });
  assert.equal(result.status, 0, result.stderr);
});

describe("the built sample site's HTML (Nu HTML Checker)", { skip }, () => {
  test("every page is valid HTML: no errors in any .html file", () => {
    const pages = readdirSync(output, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".html"),
    );
    assert.ok(pages.length > 200, `only ${pages.length} HTML files were built`);
    // One Java process for the whole folder: starting the checker costs more than checking a page.
    const result = spawnSync(
      JAVA,
      ["-jar", VNU_JAR, "--errors-only", "--format", "json", "--skip-non-html", output],
      { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
    );
    assert.equal(result.error, undefined, String(result.error));
    // The checker writes its report to stderr; anything else there (a Java error) fails the parse.
    const report = `${result.stdout}${result.stderr}`.trim();
    let messages: VnuMessage[];
    try {
      messages = (JSON.parse(report) as { messages: VnuMessage[] }).messages;
    } catch {
      assert.fail(`the checker did not report JSON (exit ${result.status}):\n${report.slice(0, 4000)}`);
    }
    const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal");
    assert.deepEqual(
      errors.map((m) => describeMessage(output, m)),
      [],
      `${errors.length} HTML errors:\n${errors.map((m) => describeMessage(output, m)).join("\n")}`,
    );
    assert.equal(result.status, 0, report.slice(0, 4000));
  });
});
