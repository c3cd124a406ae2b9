import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type PictureBucket, pictureBucketOf } from "../../layouts/admin/pictureBuckets.ts";
import { type Fetch, pictureLookup } from "../../layouts/admin/pictureLookup.ts";
import type { ProcessedImage } from "../../src/domain/picture.ts";

/**
 * The preview pane's processed pictures, fetched by bucket: each bucket once while it comes
 * or after it came, every preview that asked told when its picture is there, a missing bucket
 * an empty one, a failed fetch tried again.
 */
const picture = (src: string): ProcessedImage =>
  ({ sources: [], fallback: { src, srcset: "", width: 1, height: 1 } }) as unknown as ProcessedImage;
const LEAD = "images/2026/lead.jpg";

/** A server of buckets that counts what it is asked, answering each with `answer`. */
function server(answer: (url: string, asked: number) => { status: number; body?: unknown }) {
  const asked: string[] = [];
  const fetch: Fetch = async (url) => {
    asked.push(url);
    const { status, body } = answer(url, asked.length);
    return { ok: status >= 200 && status < 300, status, json: async () => body };
  };
  return { asked, fetch };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the preview's picture lookup", () => {
  test("a bucket is fetched once; every preview that asked while it came is told", async () => {
    const bucket: PictureBucket = [[LEAD, picture("/img/lead-800.jpg")]];
    const { asked, fetch } = server(() => ({ status: 200, body: bucket }));
    const lookup = pictureLookup((b) => `/admin/pictures/${b}.json`, fetch);
    let told = 0;
    lookup.want(LEAD, () => told++);
    lookup.want(LEAD, () => told++);
    await settle();
    assert.equal(told, 2);
    assert.deepEqual(asked, [`/admin/pictures/${pictureBucketOf(LEAD)}.json`]);
    assert.equal(lookup.images.get(LEAD)?.fallback.src, "/img/lead-800.jpg");
  });

  test("a picture not in its bucket (just uploaded) tells no one, so no preview draws itself for ever", async () => {
    const { asked, fetch } = server(() => ({
      status: 200,
      body: [["images/other.jpg", picture("/img/o.jpg")]],
    }));
    const lookup = pictureLookup((b) => b, fetch);
    let told = 0;
    for (let n = 0; n < 3; n++) {
      lookup.want(LEAD, () => told++);
      await settle();
    }
    assert.equal(told, 0);
    assert.equal(asked.length, 1);
  });

  test("a missing bucket is an empty one; a failed or malformed one is fetched again next time", async () => {
    const missing = server(() => ({ status: 404 }));
    const none = pictureLookup((b) => b, missing.fetch);
    none.want(LEAD, () => assert.fail("nothing came"));
    await settle();
    none.want(LEAD, () => assert.fail("nothing came"));
    await settle();
    assert.equal(missing.asked.length, 1);

    const flaky = server((_, n) =>
      n === 1
        ? { status: 503 }
        : n === 2
          ? { status: 200, body: { not: "a list" } }
          : { status: 200, body: [[LEAD, picture("/img/l.jpg")]] },
    );
    const lookup = pictureLookup((b) => b, flaky.fetch);
    let told = 0;
    for (let n = 0; n < 3; n++) {
      lookup.want(LEAD, () => told++);
      await settle();
    }
    assert.equal(flaky.asked.length, 3);
    assert.equal(told, 1);
  });
});
