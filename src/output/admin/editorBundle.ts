import path from "node:path";
import { build } from "esbuild";
import { fingerprint } from "../../domain/fingerprint.ts";
import { projectFileFingerprints } from "../projectFiles.ts";

/**
 * The web editor's own script (layouts/admin/editor.ts), bundled for the browser with
 * everything it imports: the contract's reader and checks, the Markdown rules and the
 * sanitiser, the page's components. The preview pane and the checks before saving run the
 * build's own code, not a copy. One file, minified, without a source map.
 */
export async function editorBundle(projectRoot: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(projectRoot, "layouts/admin/editor.ts")],
    absWorkingDir: projectRoot,
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "silent",
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error("esbuild made no web editor script");
  return file.text;
}

/** What the script may be bundled from: newsdesk's code and the locked versions of its packages. */
const SOURCES = ["src", "layouts", "package-lock.json"];

/**
 * A fingerprint of everything the script can be bundled from, without bundling: the code
 * in `src/` and `layouts/` and the lock file. Any change there makes the script again (more
 * often than needed, never less); reading the files takes milliseconds, bundling a second.
 */
export function editorSourcesKey(projectRoot: string): string {
  return fingerprint(
    [...projectFileFingerprints(projectRoot, SOURCES)].map(([file, hash]) => `${file}\0${hash}`).join("\n"),
  );
}
