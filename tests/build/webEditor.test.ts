import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { parse } from "yaml";
import { runBuild, tempOutput } from "../helpers/build.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";

/**
 * /admin/, the web editor, in every build: Decap's files from npm without source maps, the
 * configuration made from the contract, a page that loads only its own scripts and asks
 * not to be indexed, under the site's path prefix; no page, feed, sitemap entry or alias of
 * the site may stand in it.
 */
const PREFIXED = { SITE_URL: "https://user.github.io/newsroom/" };
const content = makeFixtureContent({ articles: { "2016/11/baotou.md": { fields: validFields() } } });
const output = tempOutput();
let built: ReturnType<typeof runBuild>;

before(() => {
  built = runBuild(content, output, PREFIXED);
  assert.equal(built.status, 0, built.stderr);
});

function adminFiles(): string[] {
  return readdirSync(path.join(output, "admin"), { recursive: true, encoding: "utf8" }).sort();
}

const page = () => readFileSync(path.join(output, "admin/index.html"), "utf8");

describe("/admin/ in the built site", () => {
  test("holds Decap's dist files, the editor's script and stylesheet and config.yml; no source map", () => {
    const files = adminFiles();
    for (const expected of [
      /^index\.html$/,
      /^config\.yml$/,
      /^editor\.[\w-]{10}\.js$/,
      /^editor\.[\w-]{10}\.css$/,
    ])
      assert.ok(
        files.some((file) => expected.test(file)),
        String(expected),
      );
    const decap = files.filter((file) => /^decap-\d+\.\d+\.\d+\/decap-cms\.js$/.test(file));
    assert.equal(decap.length, 1);
    assert.ok(
      files.some((file) => /^decap-[\d.]+\/\d+\.decap-cms\.js$/.test(file)),
      "Decap's chunks",
    );
    assert.deepEqual(
      files.filter((file) => file.endsWith(".map") || /(^|\/)cms\.js$/.test(file)),
      [],
    );
    // No file names a map (which would not be there): checked without printing 5 MB on failure.
    for (const file of files.filter((name) => name.endsWith(".js")))
      assert.ok(
        !/^\/\/# sourceMappingURL=/m.test(readFileSync(path.join(output, "admin", file), "utf8")),
        file,
      );
  });

  test("the page loads only its own scripts, under a Content-Security-Policy, and asks not to be indexed", () => {
    const html = page();
    assert.match(html, /<meta name="robots" content="noindex, nofollow">/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
    const directives = new Map(csp.split("; ").map((part) => [part.split(" ")[0], part] as const));
    assert.equal(directives.get("script-src"), "script-src 'self' 'unsafe-eval'");
    assert.equal(directives.get("object-src"), "object-src 'none'");
    const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    for (const [, attributes, body] of scripts) {
      // Inline: only the settings, which are data (never run).
      if (body) assert.match(attributes ?? "", /type="application\/json"/);
      const src = /src="([^"]+)"/.exec(attributes ?? "")?.[1];
      if (src) {
        assert.match(src, /^\/newsroom\/admin\//, "no script from another host, all under the prefix");
        assert.ok(adminFiles().includes(src.slice("/newsroom/admin/".length)), src);
      }
    }
    assert.equal(scripts.filter(([, attributes]) => /src=/.test(attributes ?? "")).length, 2);
  });

  test("works under the path prefix: its files and the preview's stylesheet under it", () => {
    const settings = JSON.parse(
      /<script type="application\/json" id="newsdesk-editor-settings">([^<]+)<\/script>/.exec(page())?.[1] ??
        "{}",
    );
    assert.equal(settings.config.pathPrefix, "/newsroom/");
    assert.match(settings.assets.css, /^\/assets\/site\.\w+\.css$/);
    const config = parse(readFileSync(path.join(output, "admin/config.yml"), "utf8"));
    assert.equal(config.site_url, "https://user.github.io/newsroom");
    const [articles] = config.collections;
    // The repository's folders, whatever folder the build read (a fixture's, here).
    assert.equal(articles.folder, "content/articles");
    assert.equal(articles.media_folder, "/content/images");
  });

  test("is no page of the site: not in the sitemaps or the feeds", () => {
    const xml = readdirSync(output, { recursive: true, encoding: "utf8" }).filter((file) =>
      file.endsWith(".xml"),
    );
    assert.ok(xml.some((file) => file.includes("feeds/")));
    for (const file of xml)
      assert.doesNotMatch(readFileSync(path.join(output, file), "utf8"), /\/admin\//, file);
  });

  test("an unchanged build writes none of it again", () => {
    const again = runBuild(content, output, PREFIXED);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /^0 files written, 0 removed/m);
  });

  test("an alias may not take it", () => {
    const taken = makeFixtureContent({
      articles: { "2016/11/baotou.md": { fields: validFields({ aliases: ["/admin/"] }) } },
    });
    const result = runBuild(taken, tempOutput());
    assert.equal(result.status, 1);
    assert.match(result.stderr, /aliases: .*\/admin\/.*the web editor/);
  });
});
