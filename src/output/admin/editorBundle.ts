import path from "node:path";
import { build } from "esbuild";

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
