import type { EleventyConfig } from "@11ty/eleventy";
import { contentFolder } from "../content/contentFolder.ts";
import { findContentError, formatProblem } from "../content/problems.ts";
import { buildFeeds } from "../publish/feeds.ts";
import { writeOutputFiles } from "../publish/outputFile.ts";
import { writeSearchIndex } from "../publish/searchIndex.ts";
import { buildSitemaps } from "../publish/sitemaps.ts";
import {
  DEFAULT_IMAGE_PATH,
  DEFAULT_IMAGE_SOURCE,
  LOGO_PATH,
  LOGO_SOURCE,
} from "../publish/structuredData.ts";
import { hashedAssets } from "../render/assets.ts";
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
import { buildReport, recordPhase, timed } from "./buildReport.ts";

/** What every page is rendered from: the site model and the processed pictures. */
export interface BuiltSite {
  readonly site: Site;
  readonly images: ImageLookup;
}

let lastBuild: (BuiltSite & { readonly imageRun: ImageRun }) | undefined;

/** The latest build in this process, for the build command's report. */
export function lastBuiltSite(): (BuiltSite & { readonly imageRun: ImageRun }) | undefined {
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
      return Object.freeze({ site: lastBuild.site, images: lastBuild.images });
    }
    const illustrated = site.routes.flatMap((route): Illustrated[] =>
      route.kind === "article" ? [route.article] : route.kind === "page" ? [route.page] : [],
    );
    const imageRun = await timed("pictures", () =>
      processImages(imageSources(illustrated), content.dir, imageCacheDir(), site.config.pathPrefix),
    );
    buildReport.pagesTotal = site.routes.length;
    buildReport.pagesRendered = 0;
    lastBuild = { site, images: imageRun.images, imageRun };
    // Frozen: Eleventy then hands it to every page by reference instead of copying it.
    return Object.freeze({ site, images: imageRun.images });
  });
  eleventyConfig.on("eleventy.after", async (event) => {
    const { directories } = event as { directories: { output: string } };
    if (!lastBuild) return;
    const { site, images } = lastBuild;
    copyUsedImages(images, imageCacheDir(), directories.output);
    // Feeds and sitemaps come straight from the model: one pass each, no template.
    await timed("feeds and sitemaps", async () =>
      writeOutputFiles(directories.output, [...buildFeeds(site), ...(await buildSitemaps(site))]),
    );
    // The production build indexes its minified staging folder itself; the preview gets
    // its own index here, so search works there too.
    if (site.mode === "preview") await writeSearchIndex(directories.output, site.config.language);
  });

  eleventyConfig.addWatchTarget(`${content.label("")}/`);
  eleventyConfig.addWatchTarget("src/");
  eleventyConfig.addWatchTarget("layouts/");
}
