import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";

/**
 * The shape of the code, as docs/architecture.md draws it: layers that import only
 * downwards, no import cycles, the product never importing its test and bench tools, and
 * no mutable state at module level outside entry points (memo caches of pure functions
 * excepted, each named below with why).
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

/** Lowest first: a file may import its own layer and those before it. layouts/ is the render layer's. */
const LAYERS = [
  "src/domain",
  "src/markdown",
  "src/content",
  "src/model",
  "src/render",
  "src/output",
  "src/workers",
  "src/pipeline",
  "src/eleventy",
  "src/cli",
] as const;

function layerOf(file: string): number {
  if (file.startsWith("layouts/")) return LAYERS.indexOf("src/render");
  if (file === ".eleventy.ts") return LAYERS.length;
  return LAYERS.findIndex((layer) => file.startsWith(`${layer}/`));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.posix.join(dir, name.split(path.sep).join("/")));
}

const PRODUCT = [...sourceFiles("src"), ...sourceFiles("layouts"), ".eleventy.ts"];
/** Static imports, re-exports, dynamic imports and worker modules (`new URL("./x.ts", import.meta.url)`). */
const IMPORT = /(?:from\s*|import\(\s*|new URL\(\s*)["'](\.{1,2}\/[^"']+)["']/g;

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(IMPORT)].map((match) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1] ?? "")),
  );
}

describe("the code's shape", () => {
  test("every product file belongs to a layer", () => {
    const lost = PRODUCT.filter((file) => layerOf(file) < 0);
    assert.deepEqual(lost, []);
  });

  test("layers import downwards only, and the product never imports tools/ or tests/", () => {
    const upward: string[] = [];
    for (const file of PRODUCT) {
      for (const target of importsOf(file)) {
        if (target.startsWith("tools/") || target.startsWith("tests/")) upward.push(`${file} -> ${target}`);
        else if (layerOf(target) > layerOf(file)) upward.push(`${file} -> ${target}`);
      }
    }
    assert.deepEqual(upward, []);
  });

  test("no import cycles", () => {
    const graph = new Map(PRODUCT.map((file) => [file, importsOf(file).filter((t) => PRODUCT.includes(t))]));
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(" -> "));
        return;
      }
      state.set(file, "visiting");
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of PRODUCT) visit(file, []);
    assert.deepEqual(cycles, []);
  });

  test("no mutable state at module level outside entry points, but for named memo caches", () => {
    /** Entry points (a process's or a worker thread's own) may hold their run's state. */
    const entryPoints = /^src\/cli\/|^src\/workers\/\w+Worker\.ts$/;
    /** Caches of pure functions: the same answer whether full or empty. */
    const memoCaches = new Set([
      "src/domain/dates.ts: steadyZones (a zone's fixed offset per year)",
      "src/domain/slugs.ts: recent (slugs of recent texts)",
      "src/domain/language.ts: ogLocales (the Open Graph locale of a language tag)",
      "src/model/related/textTerms.ts: wordUnits (which characters are letters)",
      "src/model/related/textTerms.ts: lowerUnits (characters in lower case)",
    ]);
    const found: string[] = [];
    for (const file of PRODUCT.filter((f) => !entryPoints.test(f))) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      // A `let`, or a container made at module level that is not declared read-only.
      const mutable =
        /^(?:export )?(?:let|var) (\w+)|^(?:export )?const (\w+)\s*(?::(?!\s*Readonly)[^=]+)?=\s*new (?:Map|Set|WeakMap|WeakSet|Array|\w+Array)\b/gm;
      for (const match of text.matchAll(mutable)) {
        const name = match[1] ?? match[2];
        const known = [...memoCaches].find((entry) => entry.startsWith(`${file}: ${name} `));
        if (!known) found.push(`${file}: ${name}`);
      }
    }
    assert.deepEqual(found, []);
  });
});
