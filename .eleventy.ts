import type { EleventyConfig } from "@11ty/eleventy";
import { newsdeskPlugin } from "./src/eleventy/plugin.ts";

// Eleventy hosts the project: this file is its config. The newsdesk plugin builds the whole
// site through newsdesk's pipeline at the start of every run (articles are not Eleventy
// templates: newsdesk reads, checks and renders them itself). A newsroom's own templates
// live in layouts/custom/ and its own plugins are added here, the Eleventy way; both build
// alongside newsdesk's pages (docs/architecture.md).
export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(newsdeskPlugin);
  return {
    dir: { input: "layouts/custom" },
    // An editor's `{{ }}` in Markdown is text, never template code.
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}
