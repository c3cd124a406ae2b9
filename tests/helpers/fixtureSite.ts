import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** An article for a fixture: front-matter fields (written as YAML) and a body. */
export interface FixtureArticle {
  readonly fields: Record<string, unknown>;
  readonly body?: string;
}

export interface FixtureOptions {
  /** Article files by path relative to `articles/`; a string is written as the whole file. */
  readonly articles: Record<string, FixtureArticle | string>;
  readonly pages?: Record<string, string>;
  readonly site?: Record<string, unknown>;
  /** `sections.json` as written (the project's own when absent). */
  readonly sections?: unknown;
  /** `popular.json`: an object is written as JSON, a string as it is. */
  readonly popular?: unknown;
}

const PROJECT = path.resolve(import.meta.dirname, "../..");

/** Writes a content folder in a fresh temporary directory and returns its path. */
export function makeFixtureContent(options: FixtureOptions): string {
  const dir = mkdtempSync(path.join(tmpdir(), "newsdesk-fixture-"));
  const site = JSON.parse(readFileSync(path.join(PROJECT, "content/_data/site.json"), "utf8"));
  mkdirSync(path.join(dir, "_data"), { recursive: true });
  writeFileSync(
    path.join(dir, "_data/site.json"),
    JSON.stringify({ ...site, footerPages: ["about-us"], ...options.site }, null, 2),
  );
  if (options.sections === undefined)
    cpSync(path.join(PROJECT, "content/_data/sections.json"), path.join(dir, "_data/sections.json"));
  else writeFileSync(path.join(dir, "_data/sections.json"), JSON.stringify(options.sections, null, 2));
  if (options.popular !== undefined) {
    const text =
      typeof options.popular === "string" ? options.popular : JSON.stringify(options.popular, null, 2);
    writeFileSync(path.join(dir, "_data/popular.json"), text);
  }
  const pages = {
    "about-us.md": "---\ntitle: About Us\n---\nWe are a fixture newsroom.\n",
    ...options.pages,
  };
  for (const [name, text] of Object.entries(pages)) writeFile(dir, `pages/${name}`, text);
  for (const [name, article] of Object.entries(options.articles)) {
    writeFile(dir, `articles/${name}`, typeof article === "string" ? article : articleText(article));
  }
  return dir;
}

export function articleText(article: FixtureArticle): string {
  const yaml = Object.entries(article.fields)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join("\n");
  return `---\n${yaml}\n---\n${article.body ?? "A first paragraph of plain words.\n\nA second paragraph."}\n`;
}

/** A valid article's fields, to be overridden per test. */
export function validFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    headline: "Baotou upgrades rare earths tech",
    date: "2016-11-05 12:36",
    section: "economy",
    source: "China Daily",
    editor: "Mo Hong'e",
    ...overrides,
  };
}

function writeFile(dir: string, relative: string, text: string): void {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
