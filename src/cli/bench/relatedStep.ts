import { parseArgs } from "node:util";
import { contentFolder } from "../../content/contentFolder.ts";
import { buildClock } from "../../site/buildClock.ts";
import { loadSite } from "../../site/model.ts";

/**
 * The related-news step alone, for `npm run bench -- --related-only`: reads and checks the
 * content, then computes every article's related list once, and reports the times as JSON.
 */
const { values } = parseArgs({ options: { content: { type: "string" } } });
const phases: Record<string, number> = {};
const site = loadSite({
  content: contentFolder(values.content ?? "content"),
  mode: "production",
  clock: buildClock(),
  onPhase: (phase, ms) => {
    phases[phase] = ms / 1000;
  },
});
const started = performance.now();
let listed = 0;
for (const article of site.articles) listed += site.related(article).length;
phases.related = (performance.now() - started) / 1000;
console.log(JSON.stringify({ articles: site.articles.length, listed, phases }));
