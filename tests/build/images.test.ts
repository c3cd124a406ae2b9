import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, test } from "node:test";
import sharp from "sharp";
import { type PictureBucket, pictureBucketOf } from "../../layouts/admin/pictureBuckets.ts";
import { articleFileText } from "../../src/content/articleFile.ts";
import { adminPictureBucketUrl } from "../../src/domain/urls.ts";
import { differingFiles, readPage, runBuild, tempOutput } from "../helpers/build.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

const cache = mkdtempSync(path.join(tmpdir(), "newsdesk-image-cache-"));
const env = { NEWSDESK_IMAGE_CACHE: cache };
let content = "";
let first = "";
const output = tempOutput();

async function drawPicture(file: string, colour: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: colour } })
    .jpeg()
    .toFile(file);
}

before(async () => {
  content = makeFixtureContent({
    articles: {
      "story.md": {
        fields: validFields({
          image: {
            src: "images/lead.jpg",
            alt: "Workers at a smelter",
            caption: "The smelter",
            credit: "Li Wei",
          },
        }),
        body: "First paragraph.\n\n![Magnets on a bench](images/body.jpg)\n\nLast paragraph.",
      },
      "photos.md": {
        fields: validFields({
          headline: "Snow over the grassland",
          section: "photo",
          gallery: [
            { src: "images/lead.jpg", alt: "First view" },
            { src: "images/body.jpg", alt: "Second view", caption: "Later" },
          ],
        }),
      },
    },
  });
  await drawPicture(path.join(content, "images/lead.jpg"), "#884422");
  await drawPicture(path.join(content, "images/body.jpg"), "#224488");
  const result = runBuild(content, output, env);
  assert.equal(result.status, 0, result.stderr);
  first = result.stdout;
});

describe("pictures", () => {
  test("the lead picture: AVIF and WebP with a JPEG fallback, several widths, size set, caption and credit", () => {
    const html = readPage(output, "/economy/2016-11-05/story/");
    const figure = html.match(/<figure class="lead-image">.*?<\/figure>/)?.[0] ?? "";
    assert.match(
      figure,
      /<source type="image\/avif" srcset="\/img\/[^"]+ 480w, \/img\/[^"]+ 800w, \/img\/[^"]+ 1200w"/,
    );
    assert.match(figure, /<source type="image\/webp"/);
    assert.match(
      figure,
      /<img src="\/img\/[^"]+\.jpeg" srcset="[^"]+" sizes="[^"]+" width="1200" height="675" alt="Workers at a smelter"/,
    );
    assert.match(figure, /fetchpriority="high"/);
    assert.match(figure, /<figcaption>The smelter<span class="credit"> Li Wei<\/span><\/figcaption>/);
  });

  test("pictures in the body and galleries load lazily, with width and height", () => {
    const body =
      readPage(output, "/economy/2016-11-05/story/").match(/<div class="article-body">.*?<\/div>/)?.[0] ?? "";
    assert.match(
      body,
      /<picture><source type="image\/avif".*alt="Magnets on a bench" decoding="async" loading="lazy"><\/picture>/,
    );
    const page = readPage(output, "/photo/2016-11-05/photos/");
    const gallery = page.slice(page.indexOf('<div class="gallery">'), page.indexOf('class="related"'));
    assert.equal([...gallery.matchAll(/<figure class="gallery-item">/g)].length, 2);
    assert.equal(
      [...gallery.matchAll(/ width="1200" height="675" alt="[^"]+" decoding="async" loading="lazy">/g)]
        .length,
      2,
    );
    assert.match(gallery, /<figcaption>Later<\/figcaption>/);
  });

  test("every processed file the pages use is in the site", () => {
    const html = readPage(output, "/economy/2016-11-05/story/");
    for (const [, url] of html.matchAll(/(\/img\/[^" ,]+)/g)) {
      assert.ok(existsSync(path.join(output, url ?? "")), url);
    }
  });

  test("processed pictures are cached between builds: a second build processes none", () => {
    assert.match(first, /pictures: [1-9]\d* processed, 0 from the cache/);
    const fromCache = tempOutput();
    const again = runBuild(content, fromCache, env);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /pictures: 0 processed, [1-9]\d* from the cache/);
    // The cached pictures are the ones processing makes: the same site, byte for byte.
    assert.deepEqual(differingFiles(output, fromCache), []);
  });

  test("the web editor's preview finds each processed picture in its bucket, not in the editor's page", () => {
    const html = readPage(output, "/economy/2016-11-05/story/");
    const lead = html.match(/<figure class="lead-image">.*?<img src="([^"]+)"/)?.[1];
    assert.ok(lead);
    for (const source of ["images/lead.jpg", "images/body.jpg"]) {
      const file = path.join(output, adminPictureBucketUrl(pictureBucketOf(source)));
      const bucket = new Map(JSON.parse(readFileSync(file, "utf8")) as PictureBucket);
      assert.ok(bucket.get(source)?.fallback.src.startsWith("/img/"), `${source} in ${file}`);
    }
    const leadBucket = path.join(output, adminPictureBucketUrl(pictureBucketOf("images/lead.jpg")));
    assert.equal(
      (JSON.parse(readFileSync(leadBucket, "utf8")) as PictureBucket).find(
        ([source]) => source === "images/lead.jpg",
      )?.[1].fallback.src,
      lead,
    );
    assert.doesNotMatch(readFileSync(path.join(output, "admin/index.html"), "utf8"), /\/img\//);
  });

  test("a picture redrawn and a new one: an incremental build's buckets are a cold build's, byte for byte", async () => {
    const copy = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-pictures-")), "content");
    cpSync(content, copy, { recursive: true });
    const site = tempOutput();
    assert.equal(runBuild(copy, site, env).status, 0);
    await drawPicture(path.join(copy, "images/body.jpg"), "#22aa44");
    await drawPicture(path.join(copy, "images/2026/new.jpg"), "#aa2244");
    writeFileSync(
      path.join(copy, "articles/more.md"),
      articleFileText(
        validFields({ headline: "More magnets", image: { src: "images/2026/new.jpg", alt: "A new magnet" } }),
        "Text.",
      ),
    );
    const incremental = runBuild(copy, site, env);
    assert.equal(incremental.status, 0, incremental.stderr);
    assert.doesNotMatch(incremental.stdout, /^Full build/m);
    // Cold in every way: its own picture cache, so a picture kept by a wrong key would show.
    const cold = tempOutput();
    const coldCache = { NEWSDESK_IMAGE_CACHE: mkdtempSync(path.join(tmpdir(), "newsdesk-cold-pictures-")) };
    assert.equal(runBuild(copy, cold, coldCache, ["--full"]).status, 0);
    assert.deepEqual(differingFiles(site, cold), []);
    const bucket = readFileSync(
      path.join(site, adminPictureBucketUrl(pictureBucketOf("images/2026/new.jpg"))),
      "utf8",
    );
    assert.match(bucket, /"images\/2026\/new\.jpg"/);
  });
});
