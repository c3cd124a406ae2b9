import assert from "node:assert/strict";
import { test } from "node:test";
import { articleBodyHtml } from "../../src/markdown/bodyHtml.ts";
import { renderBodies } from "../../src/workers/bodyPool.ts";

const BODY = (n: number) =>
  `Paragraph ${n} with *emphasis*.\n\n<!-- a note -->\n\n| a | b |\n|---|---|\n| ${n} | x |\n\n<script>alert(${n})</script>\n\n- one\n- two\n`;

test("bodies rendered over worker threads equal bodies rendered in-thread, each under its own file", async () => {
  // Workers from 100 bodies on (a build starts them from thousands), so several batches go to each.
  const items = Array.from({ length: 600 }, (_, n) => ({ file: `content/articles/a${n}.md`, body: BODY(n) }));
  const bodies = await renderBodies(items, new Map(), "Table", { workersFrom: 100 });
  assert.equal(bodies.size, items.length);
  for (const n of [0, 63, 64, 599]) {
    const html = bodies.get(`content/articles/a${n}.md`);
    assert.equal(html, await articleBodyHtml({ file: "x.md", body: BODY(n) }, new Map(), "Table"));
    assert.match(html ?? "", new RegExp(`<td>${n}</td>`));
    assert.doesNotMatch(html ?? "", /<script|<!--|>\n/);
  }
});

test("a few bodies are rendered in-thread, minified and sanitised", async () => {
  const bodies = await renderBodies([{ file: "p.md", body: BODY(1) }], new Map(), "Table");
  assert.equal(
    bodies.get("p.md"),
    '<p>Paragraph 1 with <em>emphasis</em>.</p><div class="table-wrap" tabindex="0" role="region" aria-label="Table"><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>x</td></tr></tbody></table></div><ul><li>one</li><li>two</li></ul>',
  );
});
