import { DateTime } from "luxon";
import type { SectionTree } from "../../src/domain/section.ts";
import { adminPictureBucketUrl, withPrefix } from "../../src/domain/urls.ts";
import { checkEntry } from "./articleCheck.ts";
import { previewHtml } from "./articlePreview.tsx";
import type { CreateElement, PreviewInstance, PreviewSpec } from "./decap.ts";
import type { EditorSettings } from "./editorSettings.ts";
import { pictureLookup } from "./pictureLookup.ts";

/**
 * The preview pane of the articles' collections, as Decap draws it on every change: the
 * entry checked and shown as its page (articlePreview.tsx), handed to Decap's React as
 * HTML. A class (for `createClass`), so it can draw itself again when the processed
 * pictures it shows have been fetched (pictureLookup.ts).
 */
export function previewTemplate(settings: EditorSettings, tree: SectionTree, h: CreateElement): PreviewSpec {
  const pictures = pictureLookup(
    (bucket) => withPrefix(settings.config.pathPrefix, adminPictureBucketUrl(bucket)),
    (url) => fetch(url),
  );
  const unmounted = new WeakSet<PreviewInstance>();
  return {
    displayName: "ArticlePreview",
    componentWillUnmount() {
      unmounted.add(this);
    },
    render() {
      const { entry, getAsset, document } = this.props;
      // The pane is a page of its own (an iframe): it says its language, and what it shows.
      if (document) {
        document.documentElement.lang = settings.config.language;
        document.title = `Preview: ${String(entry.get("data").get("headline") ?? "new article")}`;
      }
      const check = checkEntry(entry, settings, tree, DateTime.now());
      const drawAgain = () => {
        if (!unmounted.has(this)) this.forceUpdate();
      };
      const html = previewHtml(check, settings, tree, pictures.images, (src) => {
        pictures.want(src, drawAgain);
        return getAsset(src)?.toString() || undefined;
      });
      // Safe: the page's own components, the body sanitised by the build's rules (src/markdown/render.ts).
      return h("div", { className: "editor-preview-root", dangerouslySetInnerHTML: { __html: html } });
    },
  };
}
