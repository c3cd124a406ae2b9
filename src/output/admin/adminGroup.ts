import { readFileSync } from "node:fs";
import path from "node:path";
import { type EditorSettings, settingsJson } from "../../../layouts/admin/editorSettings.ts";
import { fingerprint } from "../../domain/fingerprint.ts";
import type { SectionTree } from "../../domain/section.ts";
import { ADMIN_FOLDER, type AssetUrls, withPrefix } from "../../domain/urls.ts";
import type { Site } from "../../model/site.ts";
import type { BinaryOutputFile, OutputFile, OutputGroup } from "../outputFile.ts";
import { adminPage } from "./adminPage.ts";
import { articleLists } from "./articleLists.ts";
import { decapConfigYaml } from "./decapConfig.ts";
import { decapFiles, servedFile } from "./decapFiles.ts";
import { editorBundle, editorSourcesKey } from "./editorBundle.ts";
import { EDITOR_CONTENT_FOLDER, localBackendAddress } from "./localBackendAddress.ts";

/** The group's name in the build's state. */
const ADMIN_GROUP = "web editor";

/** The editor's stylesheet in the project. */
const EDITOR_CSS = "layouts/admin/editor.css";

export interface AdminSources {
  readonly site: Site;
  readonly projectRoot: string;
  readonly assets: AssetUrls;
  /** Every content file's id (`articles/2026/11/x.md`): a large archive is listed by year or month. */
  readonly contentFiles: Iterable<string>;
  /** For the local backend's port (NEWSDESK_BACKEND_PORT). */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The web editor, /admin/, as one group of the site's files: its page, `config.yml` made
 * from the contract and the section tree, newsdesk's script and stylesheet, and Decap's
 * files. Keyed by all it is made from (Decap's version, the configuration, the settings,
 * the stylesheet, and the code the script is bundled from): an incremental build, or the
 * preview after a save, bundles and writes it again only when one of them changes.
 * It is no page of the site: not in the sitemap, the feeds or the search index.
 */
export function adminGroup({
  site,
  projectRoot,
  assets,
  contentFiles,
  env,
}: AdminSources): OutputGroup<OutputFile | BinaryOutputFile> {
  const { config, tree } = site;
  const content = EDITOR_CONTENT_FOLDER;
  const backend = localBackendAddress(env);
  const lists = articleLists(contentFiles);
  const yaml = decapConfigYaml({ config, tree, root: { content }, localBackend: backend.url, lists });
  const settings: EditorSettings = {
    config,
    sections: sectionsInput(tree),
    assets,
    articlesFolder: `${content}articles/`,
    articlesLabel: `${content}articles/`,
    lists: lists.map((list) => list.name),
  };
  const json = settingsJson(settings);
  const css = readFileSync(path.join(projectRoot, EDITOR_CSS), "utf8");
  const decap = decapFiles(projectRoot);
  const url = (name: string) => `${ADMIN_FOLDER}${name}`;
  // Linked from the site's root, under its path prefix, as every page links its files.
  const href = (name: string) => withPrefix(config.pathPrefix, url(name));
  return {
    name: ADMIN_GROUP,
    key: fingerprint(
      [decap.version, json, yaml, css, backend.origins.join(" "), editorSourcesKey(projectRoot)].join("\0"),
    ),
    async make(): Promise<(OutputFile | BinaryOutputFile)[]> {
      const script = await editorBundle(projectRoot);
      const editorScript = `editor.${fingerprint(script).slice(0, 10)}.js`;
      const editorCss = `editor.${fingerprint(css).slice(0, 10)}.css`;
      const page = adminPage({
        config,
        settingsJson: json,
        editorScript: href(editorScript),
        editorCss: href(editorCss),
        decapScript: href(`${decap.folder}${decap.script}`),
        localBackendOrigins: backend.origins,
      });
      return [
        { url: url(""), content: page },
        { url: url("config.yml"), content: yaml },
        { url: url(editorScript), content: script },
        { url: url(editorCss), content: css },
        ...decap.files.map((file) => servedFile(url(`${decap.folder}${file.name}`), file.source)),
      ];
    },
  };
}

/** The section tree as sections.json writes it: the browser builds its tree from this, as the build does. */
function sectionsInput(tree: SectionTree) {
  return tree.tops.map((top) => ({
    slug: top.slug,
    title: top.title,
    sections: top.sections.map((section) => ({ slug: section.slug, title: section.title })),
  }));
}
