import assert from "node:assert/strict";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import sharp from "sharp";
import { parse, stringify } from "yaml";
import { parseBuildChanges } from "../../src/output/buildChanges.ts";
import { siteInFolder } from "../../src/output/siteMarker.ts";
import { generateNewsroom } from "../../tools/bench/generateArticles.ts";
import { seededRandom } from "../../tools/seededRandom.ts";
import {
  cacheOf,
  fileHashes,
  hashFolder,
  PROJECT,
  readPage,
  runBuild,
  runCheck,
  startBuild,
  tempOutput,
} from "../helpers/build.ts";
import { articleText, makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

/**
 * An incremental build (the state of the last build on disk, the standby copy of the site)
 * must write exactly what a cold build of the same files and clock writes. A seeded random
 * sequence of the changes a newsroom makes (adds, edits, deletes, renames, section moves,
 * re-slugs with and without an alias, drafts, schedules, expiries, tags, dates, a fresh
 * analytics export, a plain page edited, lead pictures given and their files replaced, a
 * `--full` build between incremental ones, time passing) is applied to a 200-article site, and after every step
 * the incremental site is compared with a cold build, file by file and byte for byte; the
 * change list it writes must name exactly the files that differ from the site before.
 */
// Longer sequences: `npm run bench -- --sequence N` (the same test, more steps, other seeds).
const SEED = Number(process.env.NEWSDESK_SEQUENCE_SEED ?? 20261129);
const ARTICLES = 200;
const STEPS = Number(process.env.NEWSDESK_SEQUENCE_STEPS ?? 20);
const START = DateTime.fromISO("2026-11-28T12:00:00+08:00");

interface Article {
  readonly file: string;
  readonly front: Record<string, unknown>;
  readonly body: string;
}

function readArticle(file: string): Article {
  const text = readFileSync(file, "utf8");
  const [, yaml = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { file, front: parse(yaml) as Record<string, unknown>, body };
}

function writeArticle(article: Article): void {
  mkdirSync(path.dirname(article.file), { recursive: true });
  writeFileSync(
    article.file,
    `---\n${stringify(article.front, { flowCollectionPadding: false })}---\n${article.body}`,
  );
}

function articleFiles(content: string): string[] {
  return readdirSync(path.join(content, "articles"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(content, "articles", name));
}

const stamp = (date: DateTime) => date.setZone("Asia/Shanghai").toFormat("yyyy-MM-dd HH:mm");

/** The changes a newsroom makes, each applied to the content folder at the clock. */
function changes(content: string, rand: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const sections = ["economy", "politics", "society", "sci-tech", "culture", "sports", "travel-news"];
  const someArticle = () => readArticle(pick(articleFiles(content)));
  let added = 0;
  return {
    add(clock: DateTime, future = false): string {
      added++;
      const date = future
        ? clock.plus({ hours: 1 + Math.floor(rand() * 12) })
        : clock.minus({ hours: Math.floor(rand() * 60) });
      const file = path.join(content, "articles", "new", `breaking-story-${added}.md`);
      writeArticle({
        file,
        front: {
          headline: `Breaking story ${added} on ${pick(["rail", "trade", "floods", "the moon probe"])}`,
          date: stamp(date),
          section: pick(sections),
          source: "Eastbridge News",
          editor: "Mo Hong'e",
          tags: [pick(["rail", "trade", "floods", "space"]), "breaking"],
        },
        body: `A new story about ${pick(["rail freight", "export figures", "river levels", "a lunar landing"])} broke today.\n\nMore details followed in the afternoon.\n`,
      });
      return future ? "add a scheduled article" : "add an article";
    },
    editText(): string {
      const article = someArticle();
      writeArticle({
        ...article,
        body: `${article.body}\nA correction to the figures was added later in the day.\n`,
      });
      return "edit an article's text";
    },
    editHeadline(): string {
      const article = someArticle();
      writeArticle({
        ...article,
        front: { ...article.front, headline: `${String(article.front.headline)} (updated)` },
      });
      return "edit a headline";
    },
    remove(): string {
      rmSync(someArticle().file);
      return "delete an article";
    },
    rename(): string {
      const article = someArticle();
      renameSync(article.file, article.file.replace(/\.md$/, "-renamed.md"));
      return "rename a file (its address changes)";
    },
    move(): string {
      const article = someArticle();
      writeArticle({ ...article, front: { ...article.front, section: pick(sections) } });
      return "move an article to another section";
    },
    reslug(withAlias: boolean, clock: DateTime): string {
      const article = someArticle();
      const date = DateTime.fromFormat(String(article.front.date), "yyyy-MM-dd HH:mm", {
        zone: "Asia/Shanghai",
      });
      const slug = String(article.front.slug ?? path.basename(article.file, ".md"));
      const old = `/${String(article.front.section)}/${date.toFormat("yyyy-MM-dd")}/${slug}/`;
      const front = { ...article.front, slug: `${slug}-new` } as Record<string, unknown>;
      if (withAlias && date <= clock) front.aliases = [...((article.front.aliases as string[]) ?? []), old];
      writeArticle({ ...article, front });
      return withAlias ? "re-slug an article with an alias" : "re-slug an article without an alias";
    },
    draft(): string {
      const article = someArticle();
      const front = { ...article.front };
      if (front.draft) delete front.draft;
      else front.draft = true;
      writeArticle({ ...article, front });
      return front.draft ? "draft an article" : "undraft an article";
    },
    expire(clock: DateTime): string {
      const article = someArticle();
      writeArticle({ ...article, front: { ...article.front, expires: stamp(clock.plus({ hours: 2 })) } });
      return "set an expiry two hours ahead";
    },
    retag(): string {
      const article = someArticle();
      writeArticle({
        ...article,
        front: { ...article.front, tags: [pick(["rail", "trade", "floods", "space"]), "retagged"] },
      });
      return "change an article's tags";
    },
    redate(clock: DateTime): string {
      const article = someArticle();
      writeArticle({
        ...article,
        front: { ...article.front, date: stamp(clock.minus({ hours: Math.floor(rand() * 100) })) },
      });
      return "change an article's date";
    },
    editPage(): string {
      const pages = readdirSync(path.join(content, "pages"))
        .filter((name) => name.endsWith(".md"))
        .sort();
      const page = path.join(content, "pages", pick(pages));
      writeFileSync(page, `${readFileSync(page, "utf8")}\nUpdated by the desk.\n`);
      return "edit a plain page";
    },
    picture(pictures: readonly string[]): string {
      const article = someArticle();
      const src = pick(pictures);
      writeArticle({ ...article, front: { ...article.front, image: { src, alt: `The scene in ${src}` } } });
      return "give an article a lead picture";
    },
    redrawPicture(pictures: readonly string[], drawings: readonly string[]): string {
      copyFileSync(pick(drawings), path.join(content, pick(pictures)));
      return "replace a picture's file";
    },
    popular(site: string, clock: DateTime): string {
      const pages = readdirSync(site, { recursive: true, encoding: "utf8" })
        .filter((name) => /^[a-z-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/index\.html$/.test(name))
        .sort();
      const top = Array.from({ length: 5 }, () => pick(pages)).map((page, n) => ({
        path: `/${page.replace(/index\.html$/, "")}`,
        views: 5000 - n * 700,
      }));
      const unique = top.filter((entry, n) => top.findIndex((other) => other.path === entry.path) === n);
      writeFileSync(
        path.join(content, "_data/popular.json"),
        JSON.stringify({ exportedAt: clock.toISO(), pages: unique }, null, 2),
      );
      return "a fresh analytics export";
    },
  };
}

describe("an incremental build writes what a cold build writes", () => {
  test(`${STEPS} random steps on ${ARTICLES} articles, compared with a cold build after each`, async () => {
    const work = path.join(tmpdir(), `newsdesk-incremental-${process.pid}`);
    rmSync(work, { recursive: true, force: true });
    const content = path.join(work, "content");
    generateNewsroom(ARTICLES, content, SEED, START, PROJECT);
    // Small search parts, so that a change re-indexes one part of several.
    const siteFile = path.join(content, "_data/site.json");
    writeFileSync(
      siteFile,
      JSON.stringify({ ...JSON.parse(readFileSync(siteFile, "utf8")), searchPartSize: 40 }),
    );
    // Pictures for articles to use, and other drawings to put in their place.
    const drawings = await Promise.all(
      ["#884422", "#224488", "#228844"].map(async (colour, n) => {
        const file = path.join(work, `drawing-${n}.jpg`);
        await sharp({ create: { width: 320, height: 180, channels: 3, background: colour } })
          .jpeg()
          .toFile(file);
        return file;
      }),
    );
    const pictures = ["images/steps/harbour.jpg", "images/steps/market.jpg"];
    mkdirSync(path.join(content, "images/steps"), { recursive: true });
    for (const [n, picture] of pictures.entries())
      copyFileSync(drawings[n] as string, path.join(content, picture));
    const site = tempOutput();
    const rand = seededRandom(SEED);
    const change = changes(content, rand);
    let clock = START;
    // One picture cache for every build, as a newsroom's: the cold builds process nothing again.
    const imageCache = path.join(work, "image-cache");
    const env = () => ({
      SOURCE_DATE_EPOCH: String(Math.floor(clock.toSeconds())),
      NEWSDESK_IMAGE_CACHE: imageCache,
    });
    // Two articles show the pictures from the start, so that replacing a file changes pages.
    for (const picture of pictures) change.picture([picture]);
    // Half way, a full build at least once, whatever the sequence: the next one is incremental again.
    let full = false;

    const first = runBuild(content, site, env());
    assert.equal(first.status, 0, first.stderr);
    let before = fileHashes(site);
    let siteBefore = siteInFolder(site);
    const steps: ((clock: DateTime) => string)[] = [
      (c) => change.add(c),
      (c) => change.add(c, true),
      () => change.editText(),
      () => change.editHeadline(),
      () => change.remove(),
      () => change.rename(),
      () => change.move(),
      (c) => change.reslug(true, c),
      (c) => change.reslug(false, c),
      () => change.draft(),
      (c) => change.expire(c),
      () => change.retag(),
      (c) => change.redate(c),
      (c) => change.popular(site, c),
      () => change.editPage(),
      () => change.picture(pictures),
      () => change.redrawPicture(pictures, drawings),
      () => {
        full = true;
        return "a full build (--full), the next one incremental again";
      },
    ];
    for (let step = 1; step <= STEPS; step++) {
      const done = [0, 1].map(() => (pick(steps, rand) as (c: DateTime) => string)(clock));
      full ||= step === Math.ceil(STEPS / 2);
      clock = clock.plus({ hours: Math.floor(rand() * 8) });
      const incremental = runBuild(content, site, env(), full ? ["--full"] : []);
      assert.equal(incremental.status, 0, `step ${step} (${done.join(", ")}): ${incremental.stderr}`);
      assert.match(incremental.stdout, /files? written, [\d,]+ removed, [\d,]+ unchanged/);
      if (full) assert.match(incremental.stdout, /^Full build: --full was given/m);
      else assert.doesNotMatch(incremental.stdout, /^Full build/m, `step ${step} should be incremental`);
      full = false;

      const cold = tempOutput();
      const fresh = runBuild(content, cold, env(), ["--full"]);
      assert.equal(fresh.status, 0, fresh.stderr);
      const [got, want] = [fileHashes(site), fileHashes(cold)];
      const differing = [...new Set([...got.keys(), ...want.keys()])].filter(
        (file) => got.get(file) !== want.get(file),
      );
      assert.deepEqual(differing, [], `step ${step} (${done.join(", ")}): the sites differ`);

      const listed = parseBuildChanges(
        readFileSync(path.join(cacheOf(site), "last-build-changes.txt"), "utf8"),
      );
      assert.ok("changes" in listed);
      const { kind, from, written, removed } = listed.changes;
      assert.equal(kind, "incremental");
      // Made to the site before, as its marker named it: an uploader checks the bucket holds it.
      assert.equal(from, siteBefore, `step ${step}: the list's site`);
      const changed = [...new Set([...before.keys(), ...got.keys()])].filter(
        (file) => before.get(file) !== got.get(file),
      );
      assert.deepEqual(
        [...written.map((file) => `written\t${file}`), ...removed.map((file) => `removed\t${file}`)].sort(),
        changed.map((file) => `${got.has(file) ? "written" : "removed"}\t${file}`).sort(),
        `step ${step}: the change list`,
      );
      siteBefore = siteInFolder(site);
      before = got;
      rmSync(path.dirname(cold), { recursive: true, force: true });
      rmSync(cacheOf(cold), { recursive: true, force: true });
    }
    assert.ok(existsSync(site));
  });
});

function pick<T>(items: readonly T[], rand: () => number): T {
  return items[Math.floor(rand() * items.length)] as T;
}

describe("an incremental build that fails or is stopped leaves the site as it was, and the next is right", () => {
  const content = makeFixtureContent({
    articles: {
      "one.md": { fields: validFields({ headline: "Port traffic rises" }) },
      "two.md": { fields: validFields({ headline: "Rail freight grows", date: "2016-11-06 10:00" }) },
    },
  });
  const site = tempOutput();
  const edit = (headline: string) =>
    writeFileSync(path.join(content, "articles/one.md"), articleText({ fields: validFields({ headline }) }));
  const assertLikeCold = () => {
    const cold = tempOutput();
    assert.equal(runBuild(content, cold, {}, ["--full"]).status, 0);
    assert.deepEqual(fileHashes(site), fileHashes(cold));
  };

  test("the first builds: cold, then incremental", () => {
    assert.equal(runBuild(content, site).status, 0);
    const second = runBuild(content, site);
    assert.equal(second.status, 0, second.stderr);
    assert.doesNotMatch(second.stdout, /Full build/);
    assert.match(second.stdout, /^0 files written, 0 removed, \d+ unchanged$/m);
  });

  for (const [moment, how] of [
    ["pages", "fails once its pages are written"],
    ["standby", "is killed (-9) while changing the standby copy"],
  ] as const) {
    test(`a build that ${how}: the site as it was; the next build is right`, () => {
      const good = hashFolder(site);
      edit(`Edited before the ${moment} failure`);
      const failed = runBuild(content, site, { NEWSDESK_FAIL_AT: moment });
      assert.notEqual(failed.status, 0);
      assert.equal(hashFolder(site), good);
      const next = runBuild(content, site);
      assert.equal(next.status, 0, next.stderr);
      assert.match(readPage(site, "/economy/2016-11-05/one/"), new RegExp(`before the ${moment} failure`));
      assertLikeCold();
    });
  }

  test("a build killed between the renames that publish it: the next check puts the site back", () => {
    const good = hashFolder(site);
    edit("Edited before the swap");
    const killed = runBuild(content, site, { NEWSDESK_FAIL_AT: "swap" });
    assert.equal(killed.signal, "SIGKILL");
    const checked = runCheck(content, {}, ["--output", site]);
    assert.equal(checked.status, 0, checked.stderr);
    assert.equal(hashFolder(site), good);
    const next = runBuild(content, site);
    assert.equal(next.status, 0, next.stderr);
    assertLikeCold();
  });

  test("a build killed after publishing, before its state is in place: the next build takes its state", () => {
    edit("Edited before the commit");
    const killed = runBuild(content, site, { NEWSDESK_FAIL_AT: "commit" });
    assert.equal(killed.signal, "SIGKILL");
    assert.match(readPage(site, "/economy/2016-11-05/one/"), /Edited before the commit/);
    const stoppedList = readFileSync(path.join(cacheOf(site), "last-build-changes.txt"), "utf8");
    assert.match(stoppedList, /^written\teconomy\/2016-11-05\/one\/index\.html$/m);
    const next = runBuild(content, site);
    assert.equal(next.status, 0, next.stderr);
    assert.doesNotMatch(next.stdout, /Full build/);
    assert.match(next.stdout, /^0 files written, 0 removed/m);
    // Its list may never have been uploaded: the next build's list carries it.
    assert.equal(readFileSync(path.join(cacheOf(site), "last-build-changes.txt"), "utf8"), stoppedList);
    assertLikeCold();
  });

  test("two builds at once: the second says which process builds and changes nothing", async () => {
    // A site large enough that the first build still holds its lock when the second starts.
    const content = path.join(tmpdir(), `newsdesk-lock-${process.pid}`);
    rmSync(content, { recursive: true, force: true });
    generateNewsroom(400, content, SEED, START, PROJECT);
    const site = tempOutput();
    const first = startBuild(content, site);
    // The first build's lock (a killed build above may have left one of its own).
    const held = () =>
      existsSync(path.join(cacheOf(site), "state")) &&
      readdirSync(path.join(cacheOf(site), "state")).some((dir) => {
        const lock = path.join(cacheOf(site), "state", dir, "lock");
        return existsSync(lock) && readFileSync(lock, "utf8") === String(first.pid);
      });
    for (let waited = 0; !held() && waited < 20_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const second = runBuild(content, site);
    await new Promise((resolve) => first.on("exit", resolve));
    assert.equal(second.status, 1);
    assert.match(second.stderr, new RegExp(`another build \\(process ${first.pid}\\) is building`));
    assert.equal(first.exitCode, 0);
    assert.ok(existsSync(path.join(site, "index.html")));
  });
});
