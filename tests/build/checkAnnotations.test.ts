import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { runCheck } from "../helpers/build.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

/**
 * The pull-request check (.github/workflows/check-pull-request.yml) runs
 * `npm run check -- --format github`: each problem a GitHub annotation on its file and line,
 * then the one-line summary, also written to the job's summary.
 */
describe("npm run check -- --format github", () => {
  test("annotates each mistake on its file and line, errors first, and sums up in the job", () => {
    const { editor: _editor, ...withoutEditor } = validFields();
    const content = makeFixtureContent({
      articles: {
        "2016/11/no-editor.md": { fields: withoutEditor },
        "2016/11/picture.md": {
          fields: validFields({ headline: "Harbour cranes arrive" }),
          body: "A first paragraph.\n\n![](images/missing.jpg)",
        },
        "2016/11/colon.md": { fields: validFields({ headline: "Harbour cranes: 50% more" }) },
      },
    });
    const summaryFile = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-summary-")), "summary.md");
    const result = runCheck(content, { GITHUB_STEP_SUMMARY: summaryFile }, ["--format", "github"]);
    assert.equal(result.status, 1, result.stderr);
    const fixture = path.relative(process.cwd(), content).split(path.sep).join("/");
    const lines = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => line.replaceAll(fixture, "content"));
    assert.deepEqual(lines.slice(0, 3), [
      '::error file=content/articles/2016/11/colon.md,line=2,title=front matter::front matter: the front matter is not valid YAML: Nested mappings are not allowed in compact mappings; a value with `: ` or starting with a quote or bracket needs "double quotes" around it',
      "::error file=content/articles/2016/11/no-editor.md,line=1,title=editor::editor: is required but missing; write it like `editor: Mo Hong'e`",
      '::error file=content/articles/2016/11/picture.md,line=10,title=body::body: image "images/missing.jpg" has no alt text; describe it for readers who cannot see it: ![What the picture shows](images/missing.jpg)',
    ]);
    assert.ok(
      lines.slice(0, -1).every((line) => /^::(error|warning) file=[^,]+,line=\d+,title=[^:]+::\S/.test(line)),
    );
    assert.match(lines.at(-1) ?? "", /^\d+ errors?(, \d+ warnings?)? in 3 articles$/);
    assert.equal(readFileSync(summaryFile, "utf8"), `❌ npm run check: ${lines.at(-1)}\n`);
  });
});
