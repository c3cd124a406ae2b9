import { type FunctionComponent, h } from "preact";
import { renderToString } from "preact-render-to-string";
import { Page, useBuild } from "./context.ts";

/**
 * The HTML of a page part that is the same on many pages of a build (masthead, menu, site
 * map, sidebar, footer): rendered for the first page that shows it, then reused. Rendering
 * these on every page was most of the render's time. `key` must name everything the part
 * shows that differs from page to page. The parts are the page renderer's, one set per build.
 */
export function useSamePerBuild(key: string, Part: FunctionComponent): string {
  const build = useBuild();
  const { parts } = build;
  let html = parts.get(key);
  if (html === undefined) {
    html = renderToString(h(Page.Provider, { value: build }, h(Part, null)));
    parts.set(key, html);
  }
  return html;
}
