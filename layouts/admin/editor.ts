import { buildSectionTree } from "../../src/domain/section.ts";
import { withPrefix } from "../../src/domain/urls.ts";
import { articleFormat } from "./articleFormat.ts";
import { checksBeforeSaving } from "./checksBeforeSaving.ts";
import { keepCollectionRoutes } from "./collectionRoutes.ts";
import type { DecapCms, DecapWindow, Phrases } from "./decap.ts";
import { ARTICLE_FORMAT, ARTICLES_COLLECTION, DATE_WIDGET, EDITOR_MESSAGES } from "./editorNames.ts";
import { readSettings } from "./editorSettings.ts";
import { previewTemplate } from "./previewTemplate.ts";
import { siteDateControl } from "./siteDateWidget.ts";

/**
 * The web editor's own script (/admin/editor.<hash>.js), loaded before Decap's: it stops
 * Decap starting by itself, and once Decap is there, adds newsdesk's parts and starts it:
 * the article file format, the site-zone date widget, the preview pane, the checks before
 * saving, and the check's words for Decap's messages.
 */
const page = window as unknown as Window & DecapWindow;
page.CMS_MANUAL_INIT = true;
// The settings are in the page above this script. The routes are kept before Decap's
// script runs (the page loads this one first: adminPage.ts), as Decap reads the address
// when its script runs, and listens for changes after this listener.
const settings = readSettings(document);
keepCollectionRoutes(page, settings.lists);

document.addEventListener("DOMContentLoaded", () => {
  const { CMS, h, createClass } = page;
  if (!CMS || !h || !createClass) throw new Error("Decap CMS (decap-cms.js) did not load");
  const { tree } = buildSectionTree(settings.sections);
  CMS.registerCustomFormat(ARTICLE_FORMAT, "md", articleFormat);
  CMS.registerWidget(DATE_WIDGET, createClass(siteDateControl(h)));
  CMS.registerPreviewStyle(withPrefix(settings.config.pathPrefix, settings.assets.css));
  // The editor's own stylesheet, as the page links it (its name carries its content's hash).
  const editorCss = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]');
  if (editorCss) CMS.registerPreviewStyle(editorCss.href);
  const preview = createClass(previewTemplate(settings, tree, h));
  for (const name of [ARTICLES_COLLECTION, ...settings.lists]) CMS.registerPreviewTemplate(name, preview);
  CMS.registerEventListener({ name: "preSave", handler: checksBeforeSaving(settings, tree) });
  registerMessages(CMS);
  CMS.init();
});

/**
 * Decap's messages for a field left empty, a field's rule and a save refused, in the check's
 * words; and its button for a new article in words ("New Article"): its "＋" is a full-width
 * sign, which a computer without CJK fonts shows as an empty box.
 */
function registerMessages(CMS: DecapCms): void {
  const english = CMS.getLocale("en") ?? {};
  const editor = (english.editor ?? {}) as Phrases;
  const pane = (editor.editorControlPane ?? {}) as Phrases;
  const ui = (english.ui ?? {}) as Phrases;
  const collection = (english.collection ?? {}) as Phrases;
  CMS.registerLocale("en", {
    ...english,
    collection: {
      ...collection,
      collectionTop: {
        ...((collection.collectionTop ?? {}) as Phrases),
        newButton: "New %{collectionLabel}",
      },
    },
    editor: {
      ...editor,
      editorControlPane: { ...pane, widget: { ...((pane.widget ?? {}) as Phrases), ...EDITOR_MESSAGES } },
    },
    ui: { ...ui, toast: { ...((ui.toast ?? {}) as Phrases), onFailToPersist: "Not saved: %{details}" } },
  });
}
