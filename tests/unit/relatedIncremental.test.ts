import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { deserialize, serialize } from "node:v8";
import { DateTime } from "luxon";
import { type ArticleContext, readArticle } from "../../src/content/readArticle.ts";
import type { Article } from "../../src/domain/article.ts";
import { fingerprint } from "../../src/domain/fingerprint.ts";
import { buildSectionTree, sectionTreeSchema } from "../../src/domain/section.ts";
import { type RelatedMemory, relatedNews } from "../../src/model/related/related.ts";
import { seededRandom } from "../../tools/seededRandom.ts";

/**
 * Related news updated from the last build's memory equals related news computed cold,
 * after every step of a seeded random history of a newsroom of about 200 articles; the
 * memory goes through node:v8 between steps, as the build state on disk does.
 */

const ZONE = "Asia/Shanghai";
const COUNT = 6;
/** Another history: `SEED=7 node --import tsx --test tests/unit/relatedIncremental.test.ts`. */
const SEED = Number(process.env.SEED ?? 20261129);
const STEPS = 40;
const SECTIONS = [
  "politics",
  "business",
  "society",
  "sports",
  "economy",
  "events",
  "food",
  "photo",
  "voices",
];
/** Sections of a few lone articles only, so that a fill runs out of its section (and of its top section: video). */
const RARE_SECTIONS = ["odd", "video"];
/** Stories, each with the words that tell it apart; filler words are shared by all. */
const STORIES = [
  "Donglin footbridge collapse Yanshui rescuers girders inspectors",
  "Corvina typhoon landfall Zhanhai ferries evacuation gusts",
  "Chengxi panda twins cubs keepers enclosure bamboo",
  "Shenlan submersible trench dive Sanya hull sonar",
  "Lotus franchise outbreak inspectors kitchens noodles recall",
  "Baotou lanthanum smelters magnets oxide cerium",
  "Harbin ice sculptures Songhua festival lanterns carvers",
  "Kashgar naan bakers ovens bazaar sesame dough",
  "marathon runners pacers finish hydration course",
  "Wenchang rocket launch probe orbit booster telemetry",
  "Liuzhou snail broth vendors bamboo shoots",
  "Yangcheng crab season lake traders harvest",
].map((story) => story.split(" "));
const FILLER = (
  "council report budget weather market traffic school hospital bridge river port railway " +
  "village factory museum festival police court harbour airport mayor province county " +
  "visitors workers farmers students officials engineers residents volunteers"
).split(" ");
const TAGS = (
  "Donglin,typhoons,pandas,deep sea,food safety,rare earths,Harbin,Xinjiang,Hainan,bridges,zoos,space," +
  "Guangxi,crabs,festivals,weather,ports,railways,courts,schools,museums,farming,tourism,energy"
).split(",");

interface Draft {
  story: number;
  headline: string;
  body: string;
  section: string;
  date: DateTime;
  tags: string[];
  draft: boolean;
  expires: DateTime | undefined;
}

function fileText(draft: Draft): string {
  const lines = [
    `headline: ${draft.headline}`,
    `date: ${draft.date.toFormat("yyyy-MM-dd HH:mm")}`,
    `section: ${draft.section}`,
    "source: Eastbridge News",
    "editor: Mo Hong'e",
    `tags: ${JSON.stringify(draft.tags)}`,
    ...(draft.draft ? ["draft: true"] : []),
    ...(draft.expires ? [`expires: ${draft.expires.toFormat("yyyy-MM-dd HH:mm")}`] : []),
  ];
  return `---\n${lines.join("\n")}\n---\n${draft.body}\n`;
}

/** A newsroom's files, changed one step at a time. */
function newsroom(seed: number) {
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  let clock = DateTime.fromISO("2026-11-28T12:00:00", { zone: ZONE });
  const files = new Map<string, Draft>();
  let made = 0;

  /** A word no other article has. */
  const lone = () => Array.from({ length: 7 }, () => pick([..."bcdfghjklmnpqrstvwxz"])).join("");
  // Story -1: an article of its own, whose list is filled by nearest in time.
  const words = (story: number, n: number) =>
    Array.from({ length: n }, () =>
      rand() < 0.3 ? (story < 0 ? lone() : pick(STORIES[story] ?? [])) : pick(FILLER),
    );
  const body = (story: number) =>
    Array.from({ length: 3 }, () => {
      const sentence = words(story, 10 + Math.floor(rand() * 8)).join(" ");
      return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
    }).join(" ");
  const date = () => {
    const existing = [...files.values()];
    // Now and then the very minute of another article, so that equal times are ordered by URL.
    if (existing.length > 0 && rand() < 0.1) return pick(existing).date;
    return clock.minus({ minutes: 30 + Math.floor(rand() * 60 * 24 * 90) }).startOf("minute");
  };
  const section = (story: number) => (story < 0 && rand() < 0.3 ? pick(RARE_SECTIONS) : pick(SECTIONS));
  const tags = (story: number) =>
    story >= 0 && rand() < 0.5 ? [...new Set([pick(TAGS), ...(rand() < 0.3 ? [pick(TAGS)] : [])])] : [];
  const add = () => {
    const story = rand() < 0.15 ? -1 : Math.floor(rand() * STORIES.length);
    made++;
    files.set(`${String(made).padStart(4, "0")}.md`, {
      story,
      headline: `${words(story, 5).join(" ")} ${made}`,
      body: body(story),
      section: section(story),
      date: date(),
      tags: tags(story),
      draft: false,
      expires: undefined,
    });
  };
  const some = () => pick([...files.values()]);

  /** One random change; its name, and whether it is one article's. */
  /** Random changes, each to one article but for the clock's. */
  const changes: Record<string, () => void> = {
    add,
    "edit text": () => {
      const draft = some();
      draft.body = rand() < 0.5 ? body(draft.story) : `${draft.body} ${words(draft.story, 6).join(" ")}.`;
    },
    "edit headline": () => {
      const draft = some();
      draft.headline = `${words(draft.story, 4).join(" ")} ${made}`;
    },
    delete: () => {
      files.delete(pick([...files.keys()]));
    },
    "change tags": () => {
      const draft = some();
      draft.tags = tags(draft.story);
    },
    "move section": () => {
      const draft = some();
      draft.section = section(draft.story);
    },
    "change date": () => {
      some().date = date();
    },
    draft: () => {
      some().draft = true;
    },
    undraft: () => {
      const draft = [...files.values()].find((d) => d.draft);
      if (draft) draft.draft = false;
    },
    expire: () => {
      some().expires = clock.minus({ minutes: 1 });
    },
    schedule: () => {
      some().date = clock.plus({ hours: 1 + Math.floor(rand() * 48) });
    },
  };
  const CLOCK_MOVES = "time passes";

  for (let i = 0; i < 190; i++) add();
  return {
    files,
    clock: () => clock,
    /** Applies a random change, keeping between 150 and 240 articles (one scale of the weights). */
    step(): { readonly name: string; readonly single: boolean } {
      const names = Object.keys(changes).filter(
        (name) => !(name === "add" && files.size >= 240) && !(name === "delete" && files.size <= 150),
      );
      // Now and then the clock moves: scheduled articles come out, others expire.
      if (rand() < 0.1) {
        clock = clock.plus({ hours: 2 + Math.floor(rand() * 30) });
        return { name: CLOCK_MOVES, single: false };
      }
      const name = pick(names);
      changes[name]?.();
      return { name, single: true };
    },
  };
}

const tree = buildSectionTree(
  sectionTreeSchema.parse(
    JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../content/_data/sections.json"), "utf8")),
  ),
).tree;

/**
 * The articles as a build reads them at the clock: new objects each time (as a build that
 * loads its state from disk has), each counting the reads of its body in `bodyReads`.
 */
function readNewsroom(files: ReadonlyMap<string, Draft>, clock: DateTime, bodyReads: Set<string>) {
  const context: ArticleContext = { tree, zone: ZONE, clock, checkPicture: () => undefined };
  const listed: Article[] = [];
  const pages: Article[] = [];
  for (const [name, draft] of files) {
    const file = `content/articles/${name}`;
    const text = fileText(draft);
    const { value, problems } = readArticle(file, name, text, context, fingerprint(`${name}\n${text}`));
    assert.ok(value, `${name}: ${problems.map((p) => p.message).join("; ")}`);
    const { body } = value;
    const article = Object.defineProperty({ ...value }, "body", {
      get: () => {
        bodyReads.add(name);
        return body;
      },
    }) as Article;
    if (article.state === "published") listed.push(article);
    if (article.state === "published" || article.state === "expired") pages.push(article);
  }
  return { listed, pages };
}

const urls = (articles: readonly Article[]) => articles.map((a) => a.url);

describe("related news from the last build's memory", () => {
  test("equals a cold computation after every step of a random history, computing little", (t) => {
    const room = newsroom(SEED);
    const start = readNewsroom(room.files, room.clock(), new Set());
    let memory: RelatedMemory = relatedNews({ ...start, count: COUNT }).memory;
    let versions = new Map([...start.pages].map((a) => [a.id, a.version]));
    const singles: number[] = [];
    for (let step = 1; step <= STEPS; step++) {
      const { name, single } = room.step();
      const reads = new Set<string>();
      const now = readNewsroom(room.files, room.clock(), reads);
      const stored = deserialize(serialize(memory)) as RelatedMemory;
      const updated = relatedNews({ ...now, count: COUNT }, stored);
      const readForUpdate = [...reads];
      // Cold, from the articles in another order.
      const cold = relatedNews({
        listed: [...now.listed].reverse(),
        pages: [...now.pages].reverse(),
        count: COUNT,
      });
      const label = `step ${step} (${name})`;
      for (const article of now.pages) {
        assert.deepEqual(
          urls(updated.related(article)),
          urls(cold.related(article)),
          `${label}: ${article.id}`,
        );
      }
      // Only new and changed texts were read.
      const unchanged = now.pages.filter((a) => versions.get(a.id) === a.version).map((a) => a.id);
      assert.deepEqual(
        unchanged.filter((id) => readForUpdate.includes(id)),
        [],
        `${label}: unchanged articles' text read again`,
      );
      assert.equal(cold.recomputed, new Set(now.pages).size);
      t.diagnostic(`${label}: ${updated.recomputed} of ${now.pages.length} lists computed`);
      if (single) {
        singles.push(updated.recomputed);
        // A term whose frequency crosses a power of two moves the vectors of every article with it.
        assert.ok(
          updated.recomputed <= now.pages.length / 3,
          `${label}: ${updated.recomputed} lists computed of ${now.pages.length}`,
        );
      }
      memory = updated.memory;
      versions = new Map(now.pages.map((a) => [a.id, a.version]));
    }
    assert.ok(singles.length >= 30, `${singles.length} one-article steps`);
    const median = [...singles].sort((a, b) => a - b)[Math.floor(singles.length / 2)] ?? 0;
    assert.ok(median <= 12, `one article's change computed ${median} lists (median)`);
  });
});

describe("related news computed again in full", () => {
  const room = newsroom(SEED);
  const first = readNewsroom(room.files, room.clock(), new Set());
  const memory = relatedNews({ ...first, count: COUNT }).memory;
  const lists = (news: ReturnType<typeof relatedNews>, articles: readonly Article[]) =>
    articles.map((a) => urls(news.related(a)));

  test("when the list length changes", () => {
    const updated = relatedNews({ ...first, count: COUNT - 2 }, memory);
    assert.equal(updated.recomputed, first.pages.length);
    assert.deepEqual(
      lists(updated, first.pages),
      lists(relatedNews({ ...first, count: COUNT - 2 }), first.pages),
    );
  });

  test("when the number of articles crosses a power of two, which moves every weight", () => {
    const pages = first.pages.slice(0, 120);
    const listed = first.listed.filter((a) => pages.includes(a));
    const updated = relatedNews({ listed, pages, count: COUNT }, memory);
    assert.equal(updated.recomputed, pages.length);
    assert.deepEqual(lists(updated, pages), lists(relatedNews({ listed, pages, count: COUNT }), pages));
  });

  test("when the memory is of another layout", () => {
    const other = { ...memory, format: 0 } as unknown as RelatedMemory;
    assert.equal(relatedNews({ ...first, count: COUNT }, other).recomputed, first.pages.length);
  });
});
