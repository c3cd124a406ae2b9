import type { DateTime } from "luxon";
import type { ContentFolder } from "../content/contentFolder.ts";
import { type ContentRecords, readContent } from "../content/readContent.ts";
import { ContentError, type Problem } from "../domain/problem.ts";
import type { RelatedMemory } from "../model/related/related.ts";
import { type BuildMode, buildSite, type Site } from "../model/site.ts";
import { outputCollisions, siteOutputs } from "../output/siteOutputs.ts";

/**
 * The first steps of every build, and all of `npm run check`: read and check every file,
 * build the model, and check that every output has a place of its own (no alias over the
 * home page, no two articles at one address). Every problem of the content is found here.
 */
export interface CheckOptions {
  readonly folder: ContentFolder;
  readonly mode: BuildMode;
  readonly clock: DateTime;
  readonly env?: NodeJS.ProcessEnv;
}

export interface CheckedSite {
  readonly site: Site;
  readonly records: ContentRecords;
  /** Every problem found; when one is an error, the site must not be published. */
  readonly problems: readonly Problem[];
}

/**
 * Reads, checks and models the content. `previous` and `changed` (see readContent) let a
 * build read again only what changed. Throws ContentError when the settings cannot be used.
 */
export function checkedSite(
  options: CheckOptions,
  previous?: { readonly records: ContentRecords; readonly related: RelatedMemory },
  changed?: ReadonlySet<string>,
): CheckedSite {
  const { content, records } = readContent(
    { folder: options.folder, clock: options.clock, env: options.env },
    previous?.records,
    changed,
  );
  const site = buildSite(content, { mode: options.mode, clock: options.clock, related: previous?.related });
  return { site, records, problems: [...site.warnings, ...outputCollisions(siteOutputs(site))] };
}

/** Throws ContentError, with every problem, when any is an error. */
export function failOnErrors(problems: readonly Problem[]): void {
  if (problems.some((problem) => problem.severity === "error")) throw new ContentError(problems);
}

export type CheckResult =
  | { readonly ok: true; readonly site: Site; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** `npm run check`: every problem (warnings too), and the site when it could be published. */
export function checkSite(options: CheckOptions): CheckResult {
  try {
    const { site, problems } = checkedSite(options);
    return problems.some((problem) => problem.severity === "error")
      ? { ok: false, problems }
      : { ok: true, site, problems };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, problems: error.problems };
    throw error;
  }
}
