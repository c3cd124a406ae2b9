import { parseArgs } from "node:util";
import { deserialize, serialize } from "node:v8";
import { contentFolder } from "../../src/content/contentFolder.ts";
import type { Article } from "../../src/domain/article.ts";
import { buildClock } from "../../src/domain/buildClock.ts";
import { type RelatedMemory, relatedNews } from "../../src/model/related/related.ts";
import { checkedSite } from "../../src/pipeline/checkSite.ts";

/**
 * The related-news step alone, for `npm run bench -- --related-only`: reads and checks the
 * content, computes every article's related list cold, then updates them from the memory
 * (through node:v8, as the build state on disk) after one article added, one edited and
 * one deleted, and reports the times, the lists each update computed and the memory's
 * size as JSON.
 */
const { values } = parseArgs({ options: { content: { type: "string" } } });
const seconds = (since: number) => (performance.now() - since) / 1000;
let started = performance.now();
const { site } = checkedSite({
  folder: contentFolder(values.content ?? "content"),
  mode: "production",
  clock: buildClock(),
});
const phases: Record<string, number> = { "read and check": seconds(started) };
const count = site.config.relatedCount;

started = performance.now();
const cold = relatedNews({ listed: site.articles, pages: site.articles, count });
let listed = 0;
for (const article of site.articles) listed += cold.related(article).length;
phases["related, cold"] = seconds(started);

started = performance.now();
const bytes = serialize(cold.memory);
phases["memory to bytes (v8)"] = seconds(started);
started = performance.now();
let memory = deserialize(bytes) as RelatedMemory;
phases["memory from bytes"] = seconds(started);

// One article added (the newest, with another's text), one edited (a sentence more), one deleted.
const at = (i: number) => site.articles[i] as Article;
const newest = at(0);
const edited = at(Math.floor(site.articles.length / 2));
const deleted = at(site.articles.length - 1);
const added: Article = {
  ...newest,
  file: `${newest.file}.added.md`,
  id: `${newest.id}.added`,
  version: `${newest.version}-added`,
  slug: `${newest.slug}-added`,
  url: `${newest.url}added/`,
  date: newest.date.plus({ minutes: 1 }),
  body: edited.body,
};
const changedText: Article = {
  ...edited,
  version: `${edited.version}-edited`,
  body: `${edited.body}\n\nThe ministry said the ${newest.headline.toLowerCase()} would go ahead.`,
};
const withAdded = [added, ...site.articles];
const withEdit = withAdded.map((article) => (article === edited ? changedText : article));
const withDelete = withEdit.filter((article) => article !== deleted);
const recomputed: Record<string, number> = {};
for (const [change, articles] of [
  ["add", withAdded],
  ["edit", withEdit],
  ["delete", withDelete],
] as const) {
  started = performance.now();
  const update = relatedNews({ listed: articles, pages: articles, count }, memory);
  phases[`related after one ${change}`] = seconds(started);
  recomputed[change] = update.recomputed;
  memory = deserialize(serialize(update.memory)) as RelatedMemory;
}
console.log(
  JSON.stringify({
    articles: site.articles.length,
    listed,
    phases,
    recomputed,
    memoryBytes: bytes.length,
  }),
);
