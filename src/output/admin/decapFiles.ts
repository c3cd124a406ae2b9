import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { BinaryOutputFile, OutputFile } from "../outputFile.ts";

/**
 * Decap CMS as the site serves it: its browser bundle from npm (`decap-cms/dist`), the main
 * script, the chunks it loads when a widget needs them and their WebAssembly, and its
 * licence notice; no source maps, and no reference to them. They keep Decap's own names
 * (the main script finds its chunks by them) in a folder named by Decap's version, so a
 * browser never mixes two versions' files.
 */
export interface DecapFiles {
  readonly version: string;
  /** The folder under /admin/: `decap-3.16.3/`. */
  readonly folder: string;
  /** The main script's name in it. */
  readonly script: string;
  /** Each file: its name in the folder and where it is in node_modules. */
  readonly files: readonly { readonly name: string; readonly source: string }[];
}

const MAIN_SCRIPT = "decap-cms.js";
/** Decap's dist folder holds its bundle twice (`cms.js` and `decap-cms.js`, with chunks for each); one is served. */
const SERVED = /^(?:\d+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|\.wasm$/;

export function decapFiles(projectRoot: string): DecapFiles {
  const packageFolder = path.join(projectRoot, "node_modules", "decap-cms");
  const { version } = JSON.parse(readFileSync(path.join(packageFolder, "package.json"), "utf8")) as {
    version: string;
  };
  const dist = path.join(packageFolder, "dist");
  const files = readdirSync(dist)
    .filter((name) => SERVED.test(name))
    .sort()
    .map((name) => ({ name, source: path.join(dist, name) }));
  if (!files.some((file) => file.name === MAIN_SCRIPT))
    throw new Error(`decap-cms ${version} has no dist/${MAIN_SCRIPT}: run npm install`);
  return { version, folder: `decap-${version}/`, script: MAIN_SCRIPT, files };
}

/** A file as served, at `url`: a script without its `//# sourceMappingURL=` line (the maps are not served). */
export function servedFile(url: string, source: string): OutputFile | BinaryOutputFile {
  const bytes = readFileSync(source);
  if (!source.endsWith(".js")) return { url, content: bytes };
  return { url, content: bytes.toString("utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n") };
}
