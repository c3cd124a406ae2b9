import type { EleventyConfig } from "@11ty/eleventy";
import { newsdeskPlugin } from "./src/eleventy/plugin.ts";

// Thin wiring: folders, then the one newsdesk plugin. Articles are not Eleventy templates:
// newsdesk reads and checks them itself, and one template renders every page.
export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(newsdeskPlugin);
  return {
    // Only layouts/*.11ty.tsx are templates; content/ is read by the plugin's site model.
    dir: { input: "layouts" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}
