import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PageData } from "../../layouts/site.11ty.tsx";
import type { AssetUrls } from "../render/assets.ts";
import { outputPathOf, type Route } from "../site/routes.ts";
import type { BuiltSite } from "./plugin.ts";

/** Article pages are written here, one at a time; Eleventy pages over every other route. */
export function isEleventyRoute(route: Route): boolean {
  return route.kind !== "article";
}

type PageRenderer = (page: PageData) => string;
let renderPage: PageRenderer | undefined;

/**
 * The page template hands over its render function whenever Eleventy loads it, so article
 * pages are rendered by the template as last loaded (the preview reloads it after an edit).
 */
export function setArticleRenderer(render: PageRenderer): void {
  renderPage = render;
}

/**
 * Renders and writes every article page with the same template Eleventy uses, one page at
 * a time. Eleventy keeps a template clone and the content of every page it writes until
 * the end of its run (about 100 KiB a page), which at 50,000 articles outgrows a 6 GiB
 * heap; here each page is garbage as soon as it is written.
 */
export function writeArticlePages(built: BuiltSite, assets: AssetUrls, outputFolder: string): void {
  if (!renderPage) throw new Error("the page template was never loaded, so no article page can be rendered");
  const made = new Set<string>();
  for (const route of built.site.routes) {
    if (isEleventyRoute(route)) continue;
    const file = path.join(outputFolder, outputPathOf(route));
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, renderPage({ newsdesk: built, assets, route }));
  }
}
