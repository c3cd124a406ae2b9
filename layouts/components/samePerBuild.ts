import { type FunctionComponent, h } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Site } from "../../src/site/model.ts";
import { Page, usePage } from "./context.ts";

/** Per build (a Site is made once per build), each part's HTML by key. */
const made = new WeakMap<Site, Map<string, string>>();

/**
 * The HTML of a page part that is the same on many pages of a build (masthead, menu, site
 * map, sidebar, footer): rendered for the first page that shows it, then reused. Rendering
 * these on every page was most of the render's time. `key` must name everything the part
 * shows that differs from page to page.
 */
export function useSamePerBuild(key: string, Part: FunctionComponent): string {
  const page = usePage();
  let parts = made.get(page.site);
  if (!parts) {
    parts = new Map();
    made.set(page.site, parts);
  }
  let html = parts.get(key);
  if (html === undefined) {
    html = renderToString(h(Page.Provider, { value: page }, h(Part, null)));
    parts.set(key, html);
  }
  return html;
}
