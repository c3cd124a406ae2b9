import type { EleventyConfig } from "@11ty/eleventy";
import { contentFolder } from "../content/contentFolder.ts";
import { findContentError, formatProblem } from "../content/problems.ts";
import { buildFeeds } from "../publish/feeds.ts";
import { writeOutputFiles } from "../publish/outputFile.ts";
import { searchParts } from "../publish/searchDocuments.ts";
import { type SearchIndexRun, startSearchIndex } from "../publish/searchIndex.ts";
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
} from "../render/images.ts";
import { buildClock } from "../site/buildClock.ts";
import { type BuildMode, loadSite, type Site } from "../site/model.ts";
import { writeArchivePages } from "./archivePages.ts";
import { buildReport, recordPhase, timed } from "./buildReport.ts";

/** What every page is rendered from: the site model, the processed pictures and the finished bodies. */
export interface BuiltSite {
  readonly site: Site;
  readonly images: ImageLookup;
  readonly bodies: BodyLookup;
}

/** What one build in this process produced besides the pages. */
interface BuildRun extends BuiltSite {
  readonly imageRun: ImageRun;
  readonly search: SearchIndexRun;
}

let lastBuild: BuildRun | undefined;

/** Stops the search index still being built, when the build fails before it is awaited. */
export function stopSearchIndex(): void {
  lastBuild?.search.stop();
}

/** The latest build in this process, for the build command's report. */
export function lastBuiltSite(): BuildRun | undefined {
  return lastBuild;
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
  eleventyConfig.addGlobalData("newsdesk", async (): Promise<BuiltSite> => {
    // Eleventy's own `build` is the production build; `serve` and `watch` are the preview.
    const mode: BuildMode = process.env.ELEVENTY_RUN_MODE === "build" ? "production" : "preview";
    let site: Site;
    try {
      site = loadSite({ content, mode, clock: buildClock(), onPhase: recordPhase });
    } catch (error) {
      // In the preview an editor's mistake is reported plainly and the last good
      // version stays on screen until it is fixed. The production build fails instead.
      const problems = findContentError(error)?.problems;
      if (mode === "production" || !problems) throw error;
      console.error(
        `\n${problems.map(formatProblem).join("\n")}\nFix these and save: the preview updates then.\n`,
      );
      if (!lastBuild) throw error;
      return Object.freeze({ site: lastBuild.site, images: lastBuild.images, bodies: lastBuild.bodies });
    }
    const illustrated = site.routes.flatMap((route): (Illustrated & Written)[] =>
      route.kind === "article" ? [route.article] : route.kind === "page" ? [route.page] : [],
    );
    const imageRun = await timed("pictures", () =>
      processImages(imageSources(illustrated), content.dir, imageCacheDir(), site.config.pathPrefix),
    );
    const bodies = await timed("article bodies", () =>
      renderBodies(illustrated, imageRun.images, site.config.words.table),
    );
    // Indexed from the model on another thread and in Pagefind's process, while this one renders.
    lastBuild?.search.stop();
    const search = startSearchIndex(
      searchParts(site, bodies),
      eleventyConfig.directories.output,
      site.config.language,
    );
    buildReport.pagesTotal = site.routes.length;
    buildReport.pagesRendered = 0;
    const built = { site, images: imageRun.images, bodies };
    lastBuild = { ...built, imageRun, search };
    // Frozen: Eleventy then hands it to every page by reference instead of copying it.
    return Object.freeze(built);
  });
  eleventyConfig.on("eleventy.after", async (event) => {
    const { directories } = event as { directories: { output: string } };
    const build = lastBuild;
    if (!build) return;
    const { site, images } = build;
    await timed("archive pages", () => writeArchivePages(build, assets.urls, directories.output));
    copyUsedImages(images, imageCacheDir(), directories.output);
    // Feeds and sitemaps come straight from the model: one pass each, no template.
    await timed("feeds and sitemaps", async () =>
      writeOutputFiles(directories.output, [...buildFeeds(site), ...(await buildSitemaps(site))]),
    );
    const { seconds } = await timed("search index (rest)", () => build.search.done);
    buildReport.alongside.set("search index", seconds * 1000);
  });

  eleventyConfig.addWatchTarget(`${content.label("")}/`);
  eleventyConfig.addWatchTarget("src/");
  eleventyConfig.addWatchTarget("layouts/");
}
