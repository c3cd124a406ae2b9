import type { z } from "zod";
import type { sectionTreeSchema } from "../../src/domain/section.ts";
import type { SiteConfig } from "../../src/domain/siteConfig.ts";
import type { AssetUrls } from "../../src/domain/urls.ts";

/**
 * What the web editor's browser code needs to know of the site, written by the build into
 * the editor's page as JSON (src/output/admin/adminPage.ts): the settings and the section
 * tree the checks run with, the stylesheet the preview pane uses, and where
 * article files are.
 */
export interface EditorSettings {
  readonly config: SiteConfig;
  readonly sections: z.input<typeof sectionTreeSchema>;
  readonly assets: AssetUrls;
  /** Where article files are, as the backend names them: `content/articles/` (or `articles/` in the content folder). */
  readonly articlesFolder: string;
  /** How problems name that folder, as `npm run check` does: `content/articles/`. */
  readonly articlesLabel: string;
  /**
   * A large archive's lists, by collection name, newest first (src/output/admin/articleLists.ts):
   * new articles are made in the articles collection, which lists nothing. None when the
   * articles collection is the one list.
   */
  readonly lists: readonly string[];
}

/** The id of the page's `<script type="application/json">` that holds them. */
export const SETTINGS_ELEMENT = "newsdesk-editor-settings";

/** The settings as the text of that element: JSON, with `<` escaped so no value can end the element. */
export function settingsJson(settings: EditorSettings): string {
  return JSON.stringify(settings).replaceAll("<", "\\u003c");
}

export function readSettings(page: Document): EditorSettings {
  const element = page.getElementById(SETTINGS_ELEMENT);
  if (!element?.textContent) throw new Error(`the web editor's page has no #${SETTINGS_ELEMENT}`);
  return JSON.parse(element.textContent) as EditorSettings;
}
