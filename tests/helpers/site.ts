import type { DateTime } from "luxon";
import type { ContentFolder } from "../../src/content/contentFolder.ts";
import type { BuildMode, Site } from "../../src/model/site.ts";
import { checkedSite, failOnErrors } from "../../src/pipeline/checkSite.ts";

/**
 * A content folder read, checked and modelled as a build does it (src/pipeline/checkSite.ts):
 * the site, or a ContentError with every problem.
 */
export function loadSite(options: {
  readonly content: ContentFolder;
  readonly mode: BuildMode;
  readonly clock: DateTime;
  readonly env?: NodeJS.ProcessEnv;
}): Site {
  const { site, problems } = checkedSite({ ...options, folder: options.content });
  failOnErrors(problems);
  return site;
}
