import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { type ArticleContext, readArticle } from "../../src/content/readArticle.ts";
import { formatProblem } from "../../src/domain/problem.ts";
import { buildSectionTree, sectionTreeSchema } from "../../src/domain/section.ts";
import { articleText, validFields } from "../helpers/fixtureSite.ts";

const { tree } = buildSectionTree(
  sectionTreeSchema.parse(JSON.parse(readFileSync("content/_data/sections.json", "utf8"))),
);
const context: ArticleContext = {
  tree,
  zone: "Asia/Shanghai",
  clock: DateTime.fromISO("2026-11-28T00:00:00Z"),
  checkPicture: (src) =>
    src === "images/present.jpg"
      ? undefined
      : /\/\//.test(src)
        ? `"${src}" is on another host`
        : `no file at content/${src}; check the path and the file name`,
};
const FILE = "content/articles/x.md";

function read(text: string) {
  return readArticle(FILE, "2016/11/x.md", text, context, "x");
}

/** The problems of a file, as an editor sees them. */
function messages(text: string): string[] {
  return read(text).problems.map(formatProblem);
}

describe("a valid article", () => {
  test("becomes the model with its URL, zoned date and summary", () => {
    const { value, problems } = read(
      articleText({ fields: validFields({ tags: ["rare earths", "Baotou"] }) }),
    );
    assert.deepEqual(problems, []);
    assert.ok(value);
    assert.equal(value.url, "/economy/2016-11-05/x/");
    assert.equal(value.section.parent.slug, "biz");
    assert.equal(value.summary, "A first paragraph of plain words.");
    assert.deepEqual(
      value.tags.map((t) => t.slug),
      ["rare-earths", "baotou"],
    );
    assert.equal(value.state, "published");
  });

  test("slug: from the field when given", () => {
    assert.equal(
      read(articleText({ fields: validFields({ slug: "rare-earth-hub" }) })).value?.url.split("/")[3],
      "rare-earth-hub",
    );
  });

  test("slug: a file name in Chinese is transliterated; one without letters falls back to the headline", () => {
    const chinese = readArticle(
      FILE,
      "2016/11/稀土.md",
      articleText({ fields: validFields() }),
      context,
      "v",
    );
    assert.equal(chinese.value?.slug, "xi-tu");
    const dash = readArticle(FILE, "2016/11/—.md", articleText({ fields: validFields() }), context, "v");
    assert.equal(dash.value?.slug, "baotou-upgrades-rare-earths-tech");
  });

  test("a date after the build's clock is scheduled; draft: true is a draft", () => {
    assert.equal(
      read(articleText({ fields: validFields({ date: "2030-01-01 08:00" }) })).value?.state,
      "scheduled",
    );
    assert.equal(read(articleText({ fields: validFields({ draft: true }) })).value?.state, "draft");
  });
});

describe("the contract's errors name the file, the line, the field and the fix", () => {
  test("malformed YAML", () => {
    const [message] = messages("---\nheadline: Shenzhen: drones deliver\ndate: 2016-11-05\n---\nText");
    assert.match(
      message ?? "",
      /^content\/articles\/x\.md:2: front matter: the front matter is not valid YAML: .*double quotes/,
    );
  });

  test("no front matter at all", () => {
    assert.match(
      messages("Just text")[0] ?? "",
      /^content\/articles\/x\.md:1: front matter: missing: start the file with a line `---`/,
    );
  });

  test("a missing required field", () => {
    const fields = validFields();
    delete fields.editor;
    assert.deepEqual(messages(articleText({ fields })), [
      "content/articles/x.md:1: editor: is required but missing; write it like `editor: Mo Hong'e`",
    ]);
  });

  test("a wrong type", () => {
    const text = articleText({ fields: validFields({ tags: "rare earths", top: "yes" }) });
    assert.deepEqual(messages(text), [
      'content/articles/x.md:7: tags: must be a list, not text "rare earths"; write it like `tags: [rare earths, Baotou]`',
      'content/articles/x.md:8: top: must be true or false, not text "yes"; write it like `top: true`',
    ]);
  });

  test("an impossible date", () => {
    assert.deepEqual(messages(articleText({ fields: validFields({ date: "2016-02-30 12:36" }) })), [
      'content/articles/x.md:3: date: "2016-02-30 12:36" is not a real date or time; check the day, month and hour',
    ]);
  });

  test("an unknown section, with the closest one", () => {
    assert.deepEqual(messages(articleText({ fields: validFields({ section: "econmy" }) })), [
      'content/articles/x.md:4: section: unknown section "econmy" (did you mean "economy"?)',
    ]);
  });

  test("a top section that has sections of its own", () => {
    assert.match(
      messages(articleText({ fields: validFields({ section: "news" }) }))[0] ?? "",
      /:4: section: "news" is a top section; name one of its sections: politics, business/,
    );
  });

  test("an unknown field, with the closest known field", () => {
    assert.match(
      messages(articleText({ fields: validFields({ sumary: "x" }) }))[0] ?? "",
      /^content\/articles\/x\.md:7: sumary: unknown field \(did you mean "summary"\?\)/,
    );
  });

  test("a nested image field", () => {
    const text = articleText({ fields: validFields({ image: { src: "images/missing.jpg" } }) });
    assert.deepEqual(messages(text), [
      "content/articles/x.md:7: image.alt: is required but missing; write it like `alt: What the picture shows`",
    ]);
  });

  test("a lead image that is not there, or on another host", () => {
    const missing = articleText({ fields: validFields({ image: { src: "images/missing.jpg", alt: "A" } }) });
    assert.match(messages(missing)[0] ?? "", /:7: image.src: no file at content\/images\/missing.jpg/);
    const remote = articleText({
      fields: validFields({ image: { src: "https://cdn.example/a.jpg", alt: "A" } }),
    });
    assert.match(messages(remote)[0] ?? "", /image.src: .* is on another host/);
  });

  test("a slug that is not a slug", () => {
    assert.match(
      messages(articleText({ fields: validFields({ slug: "Rare Earths!" }) }))[0] ?? "",
      /slug: "Rare Earths!" must be lower-case .* "rare-earths"/,
    );
  });

  test("every problem of a file in one run", () => {
    const fields = validFields({ section: "econmy", date: "2016-13-01", sectoin: "x" });
    delete fields.source;
    const found = messages(articleText({ fields }));
    assert.equal(found.length, 4, found.join("\n"));
  });

  test("a related pin that names the article itself (whether other pins name files is checked across files)", () => {
    const text = articleText({ fields: validFields({ related: ["2016/11/folow-up.md", "2016/11/x.md"] }) });
    assert.deepEqual(messages(text), [
      'content/articles/x.md:7: related: "2016/11/x.md" is this article itself',
    ]);
  });

  test("an empty body", () => {
    assert.match(
      messages(articleText({ fields: validFields(), body: "" }))[0] ?? "",
      /:8: body: the article has no text/,
    );
  });
});
