import { DateTime } from "luxon";
import type { SectionTree } from "../../src/domain/section.ts";
import { checkEntry } from "./articleCheck.ts";
import { previewHtml } from "./articlePreview.tsx";
import type { CreateElement, PreviewProps, ReactElement } from "./decap.ts";
import type { EditorSettings } from "./editorSettings.ts";

/**
 * The preview pane of the articles' collection, as Decap calls it on every change: the entry
 * checked and shown as its page (articlePreview.tsx), handed to Decap's React as HTML.
 */
export function previewTemplate(
  settings: EditorSettings,
  tree: SectionTree,
  h: CreateElement,
): (props: PreviewProps) => ReactElement {
  return ({ entry, getAsset, document }) => {
    // The pane is a page of its own (an iframe): it says its language, and what it shows.
    if (document) {
      document.documentElement.lang = settings.config.language;
      document.title = `Preview: ${String(entry.get("data").get("headline") ?? "new article")}`;
    }
    const check = checkEntry(entry, settings, tree, DateTime.now());
    const html = previewHtml(check, settings, tree, (src) => getAsset(src)?.toString() || undefined);
    // Safe: the page's own components, the body sanitised by the build's rules (src/markdown/render.ts).
    return h("div", { className: "editor-preview-root", dangerouslySetInnerHTML: { __html: html } });
  };
}
