import { ContentError, type Problem } from "../content/problems.ts";
import { type LoadOptions, loadSite, type Site } from "../site/model.ts";
import { outputCollisions, siteOutputs } from "./siteOutputs.ts";

/**
 * Reads and checks all content and computes the model, then checks that nothing an editor
 * wrote would take the place of another output (an alias over the home page, say).
 * Throws ContentError with every problem; `npm run check` and the build both start here.
 */
export function loadCheckedSite(options: LoadOptions): Site {
  return loadSite({ ...options, checkModel: (site) => outputCollisions(siteOutputs(site)) });
}

export type CheckResult =
  | { readonly ok: true; readonly site: Site; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Checks all content without rendering: the site when it is good, and every problem (warnings too). */
export function checkSite(options: LoadOptions): CheckResult {
  try {
    const site = loadCheckedSite(options);
    return { ok: true, site, problems: site.warnings };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, problems: error.problems };
    throw error;
  }
}
