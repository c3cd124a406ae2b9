import { parseArgs } from "node:util";
import { Eleventy } from "@11ty/eleventy";

/**
 * The preview's builds, in a process of their own that `npm start` (start.ts) runs and
 * restarts when newsdesk's own code changes: Eleventy builds the site with drafts and
 * scheduled articles into the preview's folder, then again on every save, through the same
 * pipeline as `npm run build`, narrowed to what changed. It tells its parent when a build
 * is out, so the open pages reload.
 */
const { values } = parseArgs({ options: { output: { type: "string", default: "_preview" } } });

let started = performance.now();
/** Once a build and everything after it is written: say so, and have the open pages reload. */
const built = () => {
  const took = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[newsdesk] Preview built in ${took} s; watching for changes.`);
  process.send?.({ kind: "built" });
};

const eleventy = new Eleventy("layouts/custom", values.output, {
  configPath: ".eleventy.ts",
  runMode: "watch",
  config: (config) => {
    config.on("eleventy.beforeWatch", (changed) => {
      started = performance.now();
      console.log(`[newsdesk] Changed: ${(changed as readonly string[]).join(", ")}`);
    });
    config.on("eleventy.afterwatch", built);
  },
});
// newsdesk says what happens in its own words, and each problem once (not again with Eleventy's stack).
eleventy.disableLogger();
await eleventy.init();
const rebuild = await eleventy.watch();
// Eleventy's watch does not build again when a file is deleted; a deleted article must go.
eleventy.watcher?.on("unlink", (file: string) => void rebuild(file));
built();
