import type { Problem } from "../domain/problem.ts";
import {
  ADMIN_FOLDER,
  ASSETS_FOLDER,
  HOST_HEADERS_URL,
  outputPathOf,
  PICTURES_FOLDER,
  SEARCH_FOLDER,
  SHARED_BLOCKS_URL,
} from "../domain/urls.ts";
import type { Route } from "../model/routes.ts";
import type { Site } from "../model/site.ts";
import { feedFiles } from "./feeds.ts";
import { sitemapUrls } from "./sitemaps.ts";

/**
 * One thing the build writes into the site: a file, or a folder it fills as a whole (the
 * pictures, the search index). Each output module names its own, so the list is the
 * build's own and grows with it.
 */
export interface PlannedOutput {
  /** Relative to the site's root: a file (`feeds/atom.xml`) or a folder ending in `/` (`img/`). */
  readonly path: string;
  /** What it is, as a message names it: "the home page". */
  readonly name: string;
  /** Where an editor asked for it, when one did: problems with it are reported there. */
  readonly source?: { readonly file: string; readonly line: number; readonly field: string };
}

/**
 * Every output of a build of `site`, in order of precedence: the site's own pages, feeds,
 * sitemaps, the shared blocks file, `_headers`, assets, pictures, search index and web editor first, then the newsroom's own templates'
 * (`templates`, when Eleventy has rendered them), then what editors add: plain pages,
 * articles, and last the aliases, which may never take another output's place.
 */
export function siteOutputs(site: Site, templates: readonly PlannedOutput[] = []): PlannedOutput[] {
  const root = (url: string) => url.replace(/^\/+/, "");
  const routes = (whose: RouteOwner) =>
    site.routes
      .filter((route) => ownerOf(route.kind) === whose)
      .map((route) => ({ path: outputPathOf(route.url), ...describeRoute(route, site) }));
  return [
    ...routes("site"),
    ...feedFiles(site).map((feed) => ({ path: outputPathOf(feed.url), name: feed.name })),
    ...sitemapUrls(site).map((url) => ({ path: outputPathOf(url), name: `the site's ${root(url)}` })),
    { path: outputPathOf(SHARED_BLOCKS_URL), name: "the sidebar blocks' shared file" },
    { path: outputPathOf(HOST_HEADERS_URL), name: "the hosts' cache rules (_headers)" },
    { path: root(ASSETS_FOLDER), name: "the site's style sheets, scripts and icons" },
    { path: root(PICTURES_FOLDER), name: "the site's processed pictures" },
    { path: root(SEARCH_FOLDER), name: "the search index" },
    { path: root(ADMIN_FOLDER), name: "the web editor" },
    ...templates,
    ...routes("page"),
    ...routes("article"),
    ...routes("redirect"),
  ];
}

/** Who asks for a route's page: the site itself, or an editor (a plain page, an article, an alias). */
type RouteOwner = "site" | "page" | "article" | "redirect";

/** Every route kind has an owner here (the compiler checks), so no page is left out of the plan. */
function ownerOf(kind: Route["kind"]): RouteOwner {
  switch (kind) {
    case "home":
    case "listing":
    case "popular":
    case "topics":
    case "search":
    case "notFound":
      return "site";
    case "page":
    case "article":
    case "redirect":
      return kind;
  }
}

function describeRoute(route: Route, site: Site): Omit<PlannedOutput, "path"> {
  switch (route.kind) {
    case "home":
      return { name: "the home page" };
    case "article":
      return {
        name: `the article ${route.article.file}`,
        source: { file: route.article.file, line: 1, field: "url" },
      };
    case "redirect": {
      const line = route.target.aliases.find((alias) => alias.url === route.url)?.line ?? 1;
      return {
        name: `an alias of ${route.target.file}`,
        source: { file: route.target.file, line, field: "aliases" },
      };
    }
    case "listing": {
      const { listing, pageNumber } = route.page;
      const what = {
        section: `the ${listing.title} section page`,
        topic: `the topic page "${listing.title}"`,
        topNews: `the ${listing.title} page`,
      }[listing.kind];
      const name = pageNumber > 1 ? `page ${pageNumber} of ${what}` : what;
      // A section's pages are where sections.json puts them.
      return listing.kind === "section"
        ? { name, source: { file: site.sectionsFile, line: 1, field: "sections" } }
        : { name };
    }
    case "page":
      return {
        name: `the page ${route.page.file}`,
        source: { file: route.page.file, line: 1, field: "url" },
      };
    case "popular":
      return { name: `the ${site.config.words.mostPopular} page` };
    case "topics":
      return { name: "the index of topics" };
    case "search":
      return { name: "the search page" };
    case "notFound":
      return { name: "the page shown for a missing address (404)" };
  }
}

/**
 * Two outputs that would be written to the same place, or one inside a file or a folder
 * the other fills: the later in `outputs` (see siteOutputs for the order) is a problem at
 * the editor's side (the alias, the page), naming what it would overwrite. Paths are
 * compared without regard to case, as the file systems of macOS and Windows compare them.
 */
export function outputCollisions(outputs: readonly PlannedOutput[]): Problem[] {
  const files = new Map<string, PlannedOutput>();
  const folders = new Map<string, PlannedOutput>();
  /** Each folder that holds a file, with one such file. */
  const holding = new Map<string, PlannedOutput>();
  const problems: Problem[] = [];
  for (const output of outputs) {
    const key = output.path.toLowerCase();
    const taken = takenBy(key, files, folders, holding);
    if (taken) {
      problems.push(collision(output, taken));
      continue;
    }
    if (key.endsWith("/")) {
      folders.set(key, output);
      continue;
    }
    files.set(key, output);
    for (const folder of ancestors(key)) if (!holding.has(folder)) holding.set(folder, output);
  }
  return problems;
}

/** What already stands where the output at `key` (its path in lower case) would go, if anything. */
function takenBy(
  key: string,
  files: ReadonlyMap<string, PlannedOutput>,
  folders: ReadonlyMap<string, PlannedOutput>,
  holding: ReadonlyMap<string, PlannedOutput>,
): PlannedOutput | undefined {
  if (key.endsWith("/")) {
    const inside = holding.get(key) ?? folders.get(key);
    if (inside) return inside;
  } else {
    const same = files.get(key) ?? holding.get(`${key}/`);
    if (same) return same;
  }
  for (const folder of ancestors(key)) {
    const owner = folders.get(folder) ?? files.get(folder.slice(0, -1));
    if (owner) return owner;
  }
  return undefined;
}

/** `a/b/c.html` → `a/`, `a/b/`. */
function ancestors(filePath: string): string[] {
  const folders: string[] = [];
  const end = filePath.endsWith("/") ? filePath.length - 1 : filePath.length;
  for (
    let slash = filePath.indexOf("/");
    slash !== -1 && slash < end;
    slash = filePath.indexOf("/", slash + 1)
  )
    folders.push(filePath.slice(0, slash + 1));
  return folders;
}

/** The problem, at whichever of the two an editor can change (the later, when both). */
function collision(output: PlannedOutput, taken: PlannedOutput): Problem {
  if (!output.source && taken.source) return collision(taken, output);
  const { source } = output;
  if (!source) throw new Error(`the build would write ${output.name} over ${taken.name} (${output.path})`);
  const fix =
    source.field === "aliases"
      ? "an alias may not replace it; remove this alias"
      : "change the slug (or the file name)";
  const byCase = output.path !== taken.path && output.path.toLowerCase() === taken.path.toLowerCase();
  return {
    severity: "error",
    file: source.file,
    line: source.line,
    field: source.field,
    message: `/${output.path.replace(/(^|\/)index\.html$/, "$1")} would overwrite ${taken.name}${byCase ? " (on file systems that do not tell capitals apart)" : ""}; ${fix}`,
  };
}
