import { parseArgs } from "node:util";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { buildClock } from "../../src/domain/buildClock.ts";
import { checkedSite } from "../../src/pipeline/checkSite.ts";

/**
 * The related-news step alone, for `npm run bench -- --related-only`: reads and checks the
 * content, then computes every article's related list once, and reports the times as JSON.
 */
const { values } = parseArgs({ options: { content: { type: "string" } } });
const started = performance.now();
const { site } = checkedSite({
  folder: contentFolder(values.content ?? "content"),
  mode: "production",
  clock: buildClock(),
});
const checked = performance.now();
let listed = 0;
for (const article of site.articles) listed += site.related(article).length;
const phases = {
  "read and check": (checked - started) / 1000,
  related: (performance.now() - checked) / 1000,
};
console.log(JSON.stringify({ articles: site.articles.length, listed, phases }));
