import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { z } from "zod";
import { redirectedRoute } from "../../layouts/admin/collectionRoutes.ts";
import { ARTICLES_COLLECTION, DATE_WIDGET, EDITOR_MESSAGES } from "../../layouts/admin/editorNames.ts";
import { articleFileText } from "../../src/content/articleFile.ts";
import {
  articleFrontMatterSchema,
  FIELD_EXAMPLES,
  FIELD_HINTS,
  TEXT_KINDS,
} from "../../src/content/frontMatter.ts";
import { type ArticleContext, readArticle } from "../../src/content/readArticle.ts";
import { buildSectionTree, sectionTreeSchema } from "../../src/domain/section.ts";
import { resolveSiteConfig, siteConfigSchema } from "../../src/domain/siteConfig.ts";
import { articleLists, LIST_LIMIT } from "../../src/output/admin/articleLists.ts";
import {
  BODY_FIELD,
  type DecapField,
  decapConfig,
  decapConfigYaml,
} from "../../src/output/admin/decapConfig.ts";

/**
 * The web editor's configuration must agree with the contract: every rule in it is checked
 * here against what `readArticle` (what `npm run check` runs) says of the same value.
 */
const { tree } = buildSectionTree(
  sectionTreeSchema.parse(JSON.parse(readFileSync("content/_data/sections.json", "utf8"))),
);
const site = JSON.parse(readFileSync("content/_data/site.json", "utf8"));
const config = resolveSiteConfig(siteConfigSchema.parse(site), {});
const LOCAL = "http://localhost:8081/api/v1";
const made = decapConfig({ config, tree, root: { content: "content/" }, localBackend: LOCAL, lists: [] });
const [articles] = made.collections;
assert.ok(articles);

/** Every form field by its path (`image.alt`), the body aside. */
function byPath(fields: readonly DecapField[], prefix = ""): Map<string, DecapField> {
  const found = new Map<string, DecapField>();
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    found.set(path, field);
    for (const [inner, value] of byPath(field.fields ?? [], `${path}.`)) found.set(inner, value);
  }
  return found;
}
const form = byPath(articles.fields);

/** Every field of the contract by its path, and whether it is required there. */
function contractFields(schema: z.ZodObject, prefix = ""): Map<string, boolean> {
  const found = new Map<string, boolean>();
  for (const [name, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const path = `${prefix}${name}`;
    found.set(path, !(field instanceof z.ZodOptional));
    let inner: z.ZodType = field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
    if (inner instanceof z.ZodUnion) inner = inner.options.at(-1) as z.ZodType;
    if (inner instanceof z.ZodArray) inner = inner.element as z.ZodType;
    if (inner instanceof z.ZodObject)
      for (const [innerPath, required] of contractFields(inner, `${path}.`)) found.set(innerPath, required);
  }
  return found;
}
const contract = contractFields(articleFrontMatterSchema);

const context: ArticleContext = {
  tree,
  zone: "Asia/Shanghai",
  clock: DateTime.fromISO("2026-11-28T00:00:00Z"),
  checkPicture: () => undefined,
};
const VALID = {
  headline: "Baotou upgrades rare earths tech",
  date: "2016-11-05 12:36",
  section: "economy",
  source: "China Daily",
  editor: "Mo Hong'e",
};

/** What `npm run check` says of an article with these fields: `field: message` lines. */
function checked(fields: Record<string, unknown>): string[] {
  const text = articleFileText(fields, "A first paragraph.\n");
  return readArticle("content/articles/x.md", "2016/11/x.md", text, context, "test").problems.map(
    (problem) => `${problem.field}: ${problem.message}`,
  );
}

/** What the form says of a value: its field's rule, as Decap applies it (`RegExp(pattern)`), or nothing. */
function formSays(field: DecapField | undefined, value: string): string | undefined {
  const rule = field?.pattern;
  if (!rule) return undefined;
  return new RegExp(rule[0]).test(value) ? undefined : rule[1];
}

describe("the web editor's form, from the article contract", () => {
  test("has every field of the contract, by its name, and the body, and nothing else", () => {
    assert.deepEqual(
      [...form.keys()].filter((path) => path !== BODY_FIELD).sort(),
      [...contract.keys()].sort(),
    );
    assert.equal(form.get(BODY_FIELD)?.widget, "markdown");
    assert.deepEqual(form.get(BODY_FIELD)?.modes, ["raw"]);
  });

  test("requires what the contract requires, and nothing else (a dated correction's date and the lead image's fields aside)", () => {
    // Decap would require an empty lead image's fields: the check before saving requires them.
    const checkedBeforeSaving = new Set(["correction.date", "image.src", "image.alt"]);
    for (const [path, required] of contract) {
      const expected = checkedBeforeSaving.has(path) ? false : required;
      assert.equal(form.get(path)?.required, expected, path);
    }
    assert.deepEqual(
      [...contract].filter(([path, required]) => required && !path.includes(".")).map(([path]) => path),
      ["headline", "date", "section", "source", "editor"],
    );
    for (const path of ["image.src", "image.alt", "gallery.src", "gallery.alt"])
      assert.equal(contract.get(path), true, path);
    for (const path of ["gallery.src", "gallery.alt"]) assert.equal(form.get(path)?.required, true, path);
  });

  test("shows the contract's hint under every field", () => {
    for (const path of contract.keys()) assert.equal(form.get(path)?.hint, FIELD_HINTS[path], path);
  });

  test("offers the tree's sections, each by its title, and only those an article may name", () => {
    const options = form.get("section")?.options ?? [];
    assert.deepEqual(
      options.map((option) => option.value),
      tree.articleSlugs,
    );
    assert.ok(options.some((option) => option.label === "Biz › Economy" && option.value === "economy"));
    assert.ok(options.some((option) => option.label === "Video" && option.value === "video"));
    // What the form offers, the check takes; a top section it leaves out, the check refuses.
    for (const { value } of options) assert.deepEqual(checked({ ...VALID, section: value }), []);
    assert.match(checked({ ...VALID, section: "travel" }).join("\n"), /"travel" is a top section/);
  });

  test("dates use the site-zone date widget, and each is a date to the check", () => {
    const dates = [...contract.keys()].filter((path) => TEXT_KINDS[path] === "date");
    assert.deepEqual(dates, ["date", "updated", "expires", "correction.date"]);
    for (const path of dates) {
      assert.equal(form.get(path)?.widget, DATE_WIDGET, path);
      assert.equal(form.get(path)?.time_zone, "Asia/Shanghai", path);
    }
    for (const name of ["date", "updated", "expires"])
      assert.match(
        checked({ ...VALID, [name]: "05/11/2016" }).join("\n"),
        new RegExp(`^${name}: .* is not a date`),
      );
    assert.match(
      checked({ ...VALID, correction: [{ date: "05/11/2016", text: "Fixed." }] }).join("\n"),
      /^correction\.date: .* is not a date/,
    );
  });

  test("pictures are files chosen from content/images/, with alt text required", () => {
    for (const path of ["image.src", "gallery.src"]) {
      assert.equal(form.get(path)?.widget, "image");
      assert.equal(form.get(path)?.choose_url, false);
    }
    assert.equal(made.media_folder, "content/images");
    assert.equal(made.public_folder, "images");
    assert.deepEqual(checked({ ...VALID, image: { src: "images/x.jpg" } }), [
      `image.alt: is required but missing; write it like \`${FIELD_EXAMPLES["image.alt"]}\``,
    ]);
  });

  test("tags are a list; so are old addresses and pins, one per line", () => {
    assert.equal(form.get("tags")?.widget, "list");
    assert.equal(form.get("tags")?.field, undefined);
    assert.equal(form.get("aliases")?.field?.widget, "string");
    assert.equal(form.get("related")?.field?.widget, "string");
  });

  test("a field's rule refuses what the check refuses, in the check's words", () => {
    const cases: [path: string, values: string[]][] = [
      ["slug", ["rare-earth-hub", "Rare Earths", "a--b", "稀土"]],
      ["aliases", ["/economy/2016-11-04/old-slug/", "old-slug", "/a/../b/", "/a b/", "/a?b/"]],
      ["headline", ["Baotou", "Bao\u0001tou"]],
      ["summary", ["One sentence.", "One\u0007sentence."]],
      ["image.alt", ["Workers", "Work\u0000ers"]],
    ];
    for (const [path, values] of cases) {
      const field = path === "aliases" ? form.get(path)?.field : form.get(path);
      for (const value of values) {
        const name = path.split(".")[0] as string;
        const fieldValue =
          path === "aliases" ? [value] : path === "image.alt" ? { src: "images/x.jpg", alt: value } : value;
        const check = checked({ ...VALID, [name]: fieldValue });
        const says = formSays(field, value);
        if (says === undefined) assert.deepEqual(check, [], `${path} ${JSON.stringify(value)}`);
        else {
          assert.equal(check.length, 1, `${path} ${JSON.stringify(value)}: ${check.join(" | ")}`);
          // The check names the value and the character; the form says the rest, word for word.
          const [checkField, ...message] = (check[0] as string).split(": ");
          assert.equal(checkField, path);
          const unquoted = message
            .join(": ")
            .replace(/^"[^"]*" /, "")
            .replace(/ \(U\+[0-9A-F]{4}\)/, "");
          assert.equal(unquoted.startsWith(says), true, `${path}: "${unquoted}" should start with "${says}"`);
        }
      }
    }
  });

  test("a required field left empty reads as the check says it", () => {
    const [missing] = checked({ ...VALID, editor: undefined });
    assert.ok(missing);
    const said = EDITOR_MESSAGES.required.replace("%{fieldLabel}", "editor");
    assert.equal(missing.startsWith(said), true, `"${missing}" should start with "${said}"`);
  });

  test("new files go where the sample keeps them, and the list shows headline, date and section, newest first", () => {
    assert.equal(articles.name, ARTICLES_COLLECTION);
    assert.equal(articles.folder, "content/articles");
    assert.equal(articles.path.split("/").length, 3);
    assert.equal(articles.identifier_field, "headline");
    assert.equal(articles.summary, "{{headline}} · {{date}} · {{section}}");
    assert.deepEqual(articles.sortable_fields[0], { field: "date", label: "date", default_sort: "desc" });
  });

  test("a large archive is listed by year or month, and new articles are made where nothing is listed", () => {
    const files = [
      ...Array.from({ length: 600 }, (_, n) => `articles/2026/11/a${n}.md`),
      ...Array.from({ length: 500 }, (_, n) => `articles/2026/10/b${n}.md`),
      ...Array.from({ length: 30 }, (_, n) => `articles/2019/0${(n % 9) + 1}/c${n}.md`),
      "articles/loose.md",
      "articles/2026/13/no-such-month.md",
      "pages/about.md",
    ];
    const lists = articleLists(files);
    assert.deepEqual(
      lists.map(({ name, label, folder, depth, hidden }) => [name, label, folder, depth, hidden]),
      [
        ["articles-2026-11", "November 2026", "2026/11", 1, false],
        ["articles-2026-10", "October 2026", "2026/10", 1, false],
        // The year split by month stays, hidden: articles under review in it keep their collection.
        ["articles-2026", "2026", "2026", 2, true],
        ["articles-2019", "2019", "2019", 2, false],
      ],
    );
    // A year that passes the limit loses no collection it had.
    const older = Array.from({ length: LIST_LIMIT }, (_, n) => `articles/2018/05/d${n}.md`);
    const before = articleLists([...files.slice(0, 900), ...older]).map((list) => list.name);
    const after = new Set(articleLists([...files, ...older]).map((list) => list.name));
    assert.deepEqual(before, ["articles-2026", "articles-2018"]);
    assert.ok(before.length > 0);
    for (const name of before) assert.ok(after.has(name), name);
    // Up to the limit, one collection lists and makes articles.
    assert.deepEqual(articleLists(files.slice(0, LIST_LIMIT)), []);
    const split = decapConfig({ config, tree, root: { content: "content/" }, localBackend: LOCAL, lists });
    const [make, ...listed] = split.collections;
    assert.ok(make);
    assert.equal(make.name, ARTICLES_COLLECTION);
    assert.equal(make.hide, true);
    assert.equal(make.folder, "content/articles");
    // Decap lists a folder as deep as `path` has parts: one part, so it reads no article...
    assert.equal(make.path, "{{slug}}");
    // ...and the new file's place is the slug template, slashes and all.
    assert.equal(make.slug?.split("/").length, 3);
    assert.deepEqual(
      listed.map((list) => [list.folder, list.path.split("/").length]),
      [
        ["content/articles/2026/11", 1],
        ["content/articles/2026/10", 1],
        ["content/articles/2026", 2],
        ["content/articles/2019", 2],
      ],
    );
    assert.deepEqual(
      listed.map((list) => list.hide === true),
      [false, false, true, false],
    );
    for (const list of listed) {
      assert.deepEqual(list.fields, make.fields);
      // Quick add offers only the collection that makes articles where their dates say.
      assert.equal(list.create, false);
    }
  });

  test("a large archive goes back to its newest list from the collection that makes articles", () => {
    const lists = ["articles-2026-11", "articles-2019"];
    for (const hash of ["#/collections/articles", "#/collections/articles/", "#/collections/articles?x=1"])
      assert.equal(redirectedRoute(hash, lists), "#/collections/articles-2026-11", hash);
    for (const hash of [
      "#/collections/articles/new",
      "#/collections/articles/entries/2026/11/x",
      "#/collections/articles-2019",
      "#/workflow",
      "#/",
    ])
      assert.equal(redirectedRoute(hash, lists), undefined, hash);
    // A small archive's one collection stays as it is.
    assert.equal(redirectedRoute("#/collections/articles", []), undefined);
  });

  test("saves to GitHub through the editorial workflow when site.json names the repository, else locally", () => {
    assert.deepEqual(made.backend, { name: "proxy", proxy_url: LOCAL });
    assert.deepEqual(made.local_backend, { url: LOCAL });
    assert.equal(made.publish_mode, "editorial_workflow");
    const webEditor = { repo: "eastbridge/newsroom", branch: "main", authUrl: "https://auth.example.org" };
    const withGitHub = resolveSiteConfig(siteConfigSchema.parse({ ...site, webEditor }), {});
    const online = decapConfig({
      config: withGitHub,
      tree,
      root: { content: "content/" },
      localBackend: LOCAL,
      lists: [],
    });
    assert.deepEqual(online.backend, {
      name: "github",
      repo: "eastbridge/newsroom",
      branch: "main",
      base_url: "https://auth.example.org",
    });
  });

  test("config.yml is that configuration, as YAML without anchors", () => {
    const text = decapConfigYaml({ config, tree, root: { content: "" }, localBackend: LOCAL, lists: [] });
    assert.doesNotMatch(text, /[&*]a\d/);
    const parsed = parse(text);
    assert.equal(parsed.collections[0].folder, "articles");
    assert.equal(parsed.media_folder, "images");
  });
});
