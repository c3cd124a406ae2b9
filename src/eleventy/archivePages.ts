import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PageData } from "../../layouts/site.11ty.tsx";
import { failingWrite } from "../publish/failpoint.ts";
import type { AssetUrls } from "../render/assets.ts";
import { outputPathOf, type Route } from "../site/routes.ts";
import type { BuiltSite } from "./plugin.ts";

/**
 * The routes whose number grows with the archive (articles, section and topic pages,
 * redirects) are written here, one at a time; Eleventy pages over the few others.
 */
export function isEleventyRoute(route: Route): boolean {
  return route.kind !== "article" && route.kind !== "listing" && route.kind !== "redirect";
}

type PageRenderer = (page: PageData) => string;
let renderPage: PageRenderer | undefined;

/**
 * The page template hands over its render function whenever Eleventy loads it, so archive
 * pages are rendered by the template as last loaded (the preview reloads it after an edit).
 */
export function setArchiveRenderer(render: PageRenderer): void {
  renderPage = render;
}

/** Pages handed to the file system at once: enough to keep its threads busy, few enough to hold. */
const WRITES_IN_FLIGHT = 64;

/**
 * Renders and writes the archive pages among `routes` with the same template Eleventy uses, one page at
 * a time. Eleventy keeps a template clone and the content of every page it writes until
 * the end of its run (about 100 KiB a page), which at 50,000 articles outgrows a 6 GiB
 * heap; here each page is garbage as soon as it is written. Folders are made and files
 * written on libuv's threads (a third of this phase when done in line) while the next
 * pages render.
 */
export async function writeArchivePages(
  built: BuiltSite,
  routes: readonly Route[],
  assets: AssetUrls,
  outputFolder: string,
): Promise<void> {
  const render = renderPage;
  if (!render) throw new Error("the page template was never loaded, so no archive page can be rendered");
  failingWrite("output", outputFolder);
  const writing = new Set<Promise<void>>();
  for (const route of routes) {
    if (isEleventyRoute(route)) continue;
    const file = path.join(outputFolder, outputPathOf(route));
    const html = render({ newsdesk: built, assets, route });
    const write: Promise<void> = mkdir(path.dirname(file), { recursive: true })
      .then(() => writeFile(file, html))
      .then(() => {
        writing.delete(write);
      });
    // A failed write stays in the set: the next race or the final wait throws its error.
    write.catch(() => {});
    writing.add(write);
    if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
  }
  await Promise.all(writing);
}
