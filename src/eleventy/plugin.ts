import type { EleventyConfig } from "@11ty/eleventy";
import { contentFolder } from "../content/contentFolder.ts";
import { hashedAssets } from "../render/assets.ts";
import { buildClock } from "../site/buildClock.ts";
import { type BuildMode, loadSite, type Site } from "../site/model.ts";

let lastSite: Site | undefined;

/** The site model of the latest build in this process, for the build command's report. */
export function lastBuiltSite(): Site | undefined {
  return lastSite;
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
  eleventyConfig.addPassthroughCopy({ [content.label("images")]: "images" });
  eleventyConfig.addGlobalData("assets", assets.urls);
  eleventyConfig.addGlobalData("newsdesk", () => {
    // Eleventy's own `build` is the production build; `serve` and `watch` are the preview.
    const mode: BuildMode = process.env.ELEVENTY_RUN_MODE === "build" ? "production" : "preview";
    // Frozen: Eleventy then hands it to every page by reference instead of copying it.
    lastSite = Object.freeze(loadSite({ content, mode, clock: buildClock() }));
    return lastSite;
  });

  eleventyConfig.addWatchTarget(`${content.label("")}/`);
  eleventyConfig.addWatchTarget("src/");
  eleventyConfig.addWatchTarget("layouts/");
}
