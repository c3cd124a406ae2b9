import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { buildSectionTree, sectionTreeSchema } from "../../src/domain/section.ts";
import { toSlug } from "../../src/domain/slugs.ts";

const bundled = sectionTreeSchema.parse(JSON.parse(readFileSync("content/_data/sections.json", "utf8")));

describe("the bundled section tree", () => {
  const { tree, errors } = buildSectionTree(bundled);

  test("has no errors and the seven top sections of the reference page", () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(
      tree.tops.map((top) => top.title),
      ["News", "Biz", "Travel", "Gallery", "Video", "Learning Chinese", "Resources"],
    );
  });

  test("every slug is its title in lower case with other characters as single hyphens", () => {
    for (const top of bundled) {
      assert.equal(top.slug, toSlug(top.title));
      for (const section of top.sections) assert.equal(section.slug, toSlug(section.title), section.title);
    }
  });

  test("Video is one section with one slug, and articles may name it", () => {
    const video = tree.bySlug.get("video");
    assert.ok(video);
    assert.equal(video.parent, video);
    assert.ok(tree.articleSlugs.includes("video"));
    assert.equal(tree.articleSlugs.filter((slug) => slug === "video").length, 1);
  });

  test("a top section with sections of its own is not an article section", () => {
    assert.equal(tree.articleSlugs.includes("news"), false);
    assert.equal(tree.bySlug.get("economy")?.parent.slug, "biz");
    assert.equal(tree.articleSlugs.length, 30);
  });
});

describe("section tree errors", () => {
  test("a slug used twice is refused", () => {
    const { errors } = buildSectionTree([
      { slug: "news", title: "News", sections: [{ slug: "sports", title: "Sports" }] },
      { slug: "more", title: "More", sections: [{ slug: "sports", title: "Sports" }] },
    ]);
    assert.match(errors.join("\n"), /"sports" is used twice/);
  });

  test("names the site uses itself are refused", () => {
    const { errors } = buildSectionTree([{ slug: "search", title: "Search", sections: [] }]);
    assert.match(errors.join("\n"), /name the site itself uses/);
  });

  test("only a lone section may share its top section's slug", () => {
    const { errors } = buildSectionTree([
      {
        slug: "video",
        title: "Video",
        sections: [
          { slug: "video", title: "Video" },
          { slug: "clips", title: "Clips" },
        ],
      },
    ]);
    assert.match(errors.join("\n"), /only a top section's one section/);
  });
});
