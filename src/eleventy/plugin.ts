import type { EleventyConfig } from "@11ty/eleventy";
import type { Article } from "../article/article.ts";
import { contentFolder } from "../content/contentFolder.ts";
import { ContentError, findContentError, formatProblem, type Problem } from "../content/problems.ts";
import { failpoint } from "../publish/failpoint.ts";
import { buildFeeds } from "../publish/feeds.ts";
import { writeOutputFiles } from "../publish/outputFile.ts";
import { type Searchable, searchables, searchIndexParts } from "../publish/searchDocuments.ts";
import { type SearchFeed, searchFeed } from "../publish/searchFeed.ts";
import { type SearchIndexRun, startSearchIndex } from "../publish/searchIndex.ts";
import { loadCheckedSite } from "../publish/siteCheck.ts";
import { buildSitemaps } from "../publish/sitemaps.ts";
import {
  DEFAULT_IMAGE_PATH,
  DEFAULT_IMAGE_SOURCE,
  LOGO_PATH,
  LOGO_SOURCE,
} from "../publish/structuredData.ts";
import type { BodyLookup, Written } from "../render/articleBody.ts";
import { hashedAssets } from "../render/assets.ts";
import { renderBodies } from "../render/bodyPool.ts";
import {
  copyUsedImages,
  type Illustrated,
  type ImageLookup,
  type ImageRun,
  imageCacheDir,
  imageSources,
  processImages,
  usersOf,
} from "../render/images.ts";
import { buildClock } from "../site/buildClock.ts";
import { searchLanguage } from "../site/language.ts";
import type { BuildMode, Site } from "../site/model.ts";
import type { Route } from "../site/routes.ts";
import { readTextEdits, type TextEdits } from "../site/textEdits.ts";
import { writeArchivePages } from "./archivePages.ts";
import { buildReport, recordPhase, timed } from "./buildReport.ts";
import { updateForTextEdits } from "./textEditUpdate.ts";

/** What every page is rendered from: the site model, the processed pictures and the finished bodies. */
export interface BuiltSite {
  readonly site: Site;
  readonly images: ImageLookup;
  readonly bodies: BodyLookup;
}

/** What one build in this process produced besides the pages. */
interface BuildRun extends BuiltSite {
  readonly imageRun: ImageRun;
  readonly change: BuildChange;
}

/**
 * What a run changed: everything; in the preview, after edits to articles' text only, those
 * articles, with the archive pages that show them; or nothing, when the preview keeps its last good
 * version because the content has errors.
 */
type BuildChange =
  | { readonly kind: "all" }
  | {
      readonly kind: "text";
      readonly edited: ReadonlySet<Article>;
      readonly archivePages: readonly Route[];
    }
  | { readonly kind: "none" };

let lastBuild: BuildRun | undefined;
/** The search index being written: alongside the render in a build, in the background in the preview. */
let search: SearchIndexRun | undefined;
/** Files the preview saw change since its last good build (paths as Eleventy's watcher gives them). */
const changedSinceLastBuild = new Set<string>();

/** A text edit's search index, waiting for the browser to have the edited pages. */
let searchLater: NodeJS.Timeout | undefined;
/** Long enough for the browser to load the pages the preview just wrote, before indexing takes the thread. */
const SEARCH_AFTER_EDIT_MS = 1000;

/**
 * Stops the search index still being built: the build failed before it was awaited, or
 * another began. Settles once Pagefind's process has ended (it would print a panic if its
 * pipe closed under it as the build exits).
 */
export async function stopSearchIndex(): Promise<void> {
  clearTimeout(searchLater);
  const running = search;
  search = undefined;
  await running?.stop();
}

/** The preview says when its index is written, or why not; a run stopped for a newer one says nothing. */
function reportSearch(): void {
  const running = search;
  running?.done.then(
    ({ pages }) => console.log(`[newsdesk] Search index updated: ${pages} pages.`),
    (error: unknown) => {
      if (running === search) console.error(`[newsdesk] ${String(error)}`);
    },
  );
}

/** The latest build in this process, for the build command's report. */
export function lastBuiltSite(): BuildRun | undefined {
  return lastBuild;
}

/** Eleventy's own `build` is the production build; `serve` and `watch` are the preview. */
function buildMode(): BuildMode {
  return process.env.ELEVENTY_RUN_MODE === "build" ? "production" : "preview";
}

/** The editors' folder: `NEWSDESK_CONTENT` when set (tests, the bench), else `content/`. */
export function contentDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.NEWSDESK_CONTENT?.trim() || "content";
}

/**
 * The one place that wires newsdesk into Eleventy: TSX page templates, the site model
 * as global data (computed once per build), hashed assets and watch targets.
 */
export function newsdeskPlugin(eleventyConfig: EleventyConfig): void {
  const content = contentFolder(contentDirFromEnv());
  eleventyConfig.addExtension(["11ty.tsx"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.tsx");

  const assets = hashedAssets(process.cwd());
  eleventyConfig.addPassthroughCopy(assets.copies);
  // The sharing picture and the publisher's logo keep fixed names: crawlers cache them by URL.
  eleventyConfig.addPassthroughCopy({
    [DEFAULT_IMAGE_SOURCE]: DEFAULT_IMAGE_PATH.slice(1),
    [LOGO_SOURCE]: LOGO_PATH.slice(1),
  });
  eleventyConfig.addGlobalData("assets", assets.urls);
  eleventyConfig.on("eleventy.beforeWatch", (changed) => {
    for (const file of changed as readonly string[]) changedSinceLastBuild.add(file);
  });
  eleventyConfig.addGlobalData("newsdesk", async (): Promise<BuiltSite> => {
    const mode = buildMode();
    const last = lastBuild;
    try {
      const edited =
        mode === "preview" && last ? readTextEdits(last.site, content, changedSinceLastBuild) : undefined;
      if (edited && !edited.ok) throw new ContentError(edited.problems);
      lastBuild =
        edited && last ? await textEditBuild(last, edited.edits, edited.bodyWarnings) : await fullBuild(mode);
      // Kept after a failed run: the next is measured against the last good build.
      changedSinceLastBuild.clear();
    } catch (error) {
      // In the preview an editor's mistake is reported plainly and the last good
      // version stays on screen until it is fixed. The production build fails instead.
      const problems = findContentError(error)?.problems;
      if (mode === "production" || !problems || !last) throw error;
      console.error(
        `\n${problems.map(formatProblem).join("\n")}\nFix these and save: the preview updates then.\n`,
      );
      lastBuild = { ...last, change: { kind: "none" } };
    }
    buildReport.pagesTotal = lastBuild.site.routes.length;
    buildReport.pagesRendered = 0;
    const { site, images, bodies } = lastBuild;
    // Frozen: Eleventy then hands it to every page by reference instead of copying it.
    return Object.freeze({ site, images, bodies });
  });

  /**
   * Reads and checks all content, processes the pictures and renders every body; the
   * search index, started first, takes each page as soon as its body is ready.
   */
  async function fullBuild(mode: BuildMode): Promise<BuildRun> {
    const site = loadCheckedSite({ content, mode, clock: buildClock(), onPhase: recordPhase });
    const illustrated = site.routes.flatMap((route): (Illustrated & Written)[] =>
      route.kind === "article" ? [route.article] : route.kind === "page" ? [route.page] : [],
    );
    const searched = searchables(site);
    const feed = startSearch(site, searched);
    try {
      const imageRun = await timed("pictures", () =>
        processImages(imageSources(illustrated), content, imageCacheDir(), site.config.pathPrefix, (src) =>
          usersOf(illustrated, src),
        ),
      );
      // Bodies in the index's order, so its documents leave as the batches come back.
      const searchedItems = searched.map((page) => page.item);
      const inIndex = new Set(searchedItems);
      const bodies = await timed("article bodies", () =>
        renderBodies(
          [...searchedItems, ...illustrated.filter((item) => !inIndex.has(item))],
          imageRun.images,
          site.config.words.table,
          { onBatch: feed.offer },
        ),
      );
      feed.finish(bodies);
      return { site, images: imageRun.images, bodies, imageRun, change: { kind: "all" } };
    } catch (error) {
      await stopSearchIndex();
      throw error;
    }
  }

  /** The last build with the edited articles' new text; their pages are written after Eleventy's. */
  async function textEditBuild(
    last: BuildRun,
    edits: TextEdits,
    bodyWarnings: readonly Problem[],
  ): Promise<BuildRun> {
    const { built, edited, archivePages } = await timed("article bodies", () =>
      updateForTextEdits(last, edits, bodyWarnings),
    );
    return { ...built, imageRun: last.imageRun, change: { kind: "text", edited, archivePages } };
  }

  eleventyConfig.on("eleventy.after", async (event) => {
    const { directories } = event as { directories: { output: string } };
    const build = lastBuild;
    if (!build || build.change.kind === "none") return;
    const { site, images, change } = build;
    const archivePages = change.kind === "all" ? site.routes : change.archivePages;
    await timed("archive pages", () =>
      writeArchivePages(build, archivePages, assets.urls, directories.output),
    );
    failpoint("pages");
    copyUsedImages(images, imageCacheDir(), directories.output);
    // Feeds and sitemaps come straight from the model: one pass each, no template. A text
    // edit changes no address and no date, so the sitemaps stand; feeds carry summaries.
    await timed("feeds and sitemaps", async () =>
      writeOutputFiles(
        directories.output,
        change.kind === "all"
          ? [...buildFeeds(site), ...(await buildSitemaps(site))]
          : buildFeeds(site, change.edited),
      ),
    );
    if (buildMode() === "production") {
      const running = search;
      if (!running) throw new Error("the search index was not started");
      const { seconds } = await timed("search index (rest)", () => running.done);
      buildReport.alongside.set("search index", seconds * 1000);
      return;
    }
    // The preview shows the pages at once; its search index catches up in the background,
    // after a text edit from when the browser has had the pages.
    if (change.kind === "text") {
      clearTimeout(searchLater);
      searchLater = setTimeout(
        () => startSearch(site, searchables(site)).finish(build.bodies),
        SEARCH_AFTER_EDIT_MS,
      );
    }
  });

  /**
   * Starts the search index of `pages` on another thread and in Pagefind's process, to
   * run while this one renders; returns the feed that hands it their documents.
   */
  function startSearch(site: Site, pages: readonly Searchable[]): SearchFeed {
    void stopSearchIndex();
    const run = startSearchIndex(
      searchIndexParts(pages.length, site.config.searchPartSize),
      eleventyConfig.directories.output,
      searchLanguage(site.config.language),
    );
    search = run;
    if (buildMode() === "preview") reportSearch();
    return searchFeed(pages, run.add);
  }

  eleventyConfig.addWatchTarget(`${content.dir}/`);
  eleventyConfig.addWatchTarget("src/");
  eleventyConfig.addWatchTarget("layouts/");
}
