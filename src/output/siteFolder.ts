import { existsSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { dieAt, failingWrite } from "./failpoint.ts";

/**
 * The published site folder (`_site/`) and the folders a build keeps beside it: the new
 * site is built in `_site.staging-<pid>`, and published by two renames (`_site` to
 * `_site.old-<pid>`, then the staging folder to `_site`), so `_site/` is always a real,
 * complete folder, as hosts and upload steps expect, except in the instant between them.
 * A build killed at any moment leaves folders that the next build (or check) recognises by
 * their dead process id, and puts right before it starts.
 */
export interface SiteFolders {
  readonly output: string;
  readonly staging: string;
  readonly retired: string;
}

export function siteFolders(output: string, pid: number = process.pid): SiteFolders {
  const absolute = path.resolve(output);
  return { output: absolute, staging: `${absolute}.staging-${pid}`, retired: `${absolute}.old-${pid}` };
}

/**
 * Why `output` may not be the site folder, if it may not: publishing replaces the whole
 * folder, so it must never be (or hold) the content, the project, or any folder that is not
 * a site newsdesk built (those have `index.html` and `404.html` at the top).
 */
export function outputFolderProblem(
  output: string,
  contentDir: string,
  projectDir: string = process.cwd(),
): string | undefined {
  const site = path.resolve(output);
  const real = (folder: string) => (existsSync(folder) ? realpathSync(folder) : path.resolve(folder));
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}${path.sep}`);
  const [siteReal, content, project] = [real(site), real(contentDir), real(projectDir)];
  if (within(project, siteReal))
    return `${output} holds this project; the site must be built into a folder of its own, like _site`;
  if (within(content, siteReal) || within(siteReal, content))
    return `${output} holds or is inside the content folder ${contentDir}; build the site into a folder of its own, like _site`;
  if (!existsSync(site)) return undefined;
  if (!statSync(site).isDirectory()) return `${output} is a file; the site is built into a folder`;
  const entries = readdirSync(site);
  if (entries.length > 0 && !(entries.includes("index.html") && entries.includes("404.html")))
    return `${output} holds files that are not a site newsdesk built (it has no index.html and 404.html), and publishing replaces the whole folder; choose a new or empty folder`;
  return undefined;
}

/** Whether a process still runs (another build in the same folder: its folders are its own). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Puts right what killed builds left: if one died between its two renames, the site it was
 * replacing goes back in place (the last site that was published); then their staging and
 * old folders are removed. Returns a line for each thing done.
 */
export function recoverSiteFolder(output: string): string[] {
  const { output: site } = siteFolders(output);
  const parent = path.dirname(site);
  const name = path.basename(site);
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(staging|old)-(\\d+)$`);
  const leftovers = existsSync(parent)
    ? readdirSync(parent).flatMap((entry) => {
        const match = pattern.exec(entry);
        return match && !isRunning(Number(match[2]))
          ? [{ entry, kind: match[1] as "staging" | "old", full: path.join(parent, entry) }]
          : [];
      })
    : [];
  const said: string[] = [];
  if (!existsSync(site)) {
    const newest = leftovers
      .filter((leftover) => leftover.kind === "old")
      .sort((a, b) => statSync(b.full).mtimeMs - statSync(a.full).mtimeMs)[0];
    if (newest) {
      renameSync(newest.full, site);
      said.push(
        `${name}/ was missing: a build was stopped while publishing, so the site it replaced (${newest.entry}) is back in place`,
      );
    }
  }
  for (const leftover of leftovers) {
    if (!existsSync(leftover.full)) continue;
    rmSync(leftover.full, { recursive: true, force: true });
    said.push(`removed ${leftover.entry}, left by a build that was stopped`);
  }
  return said;
}

/** Why publishing failed after the new site was built; the published site is as it was. */
export class PublishError extends Error {}

/**
 * Puts the staging folder in place of the output folder. The previous site is deleted, or
 * kept at `keepAs` (the standby copy of an incremental build, src/output/standby.ts).
 * Returns a warning when the site was published but the previous one could not be deleted
 * (the next build tries again).
 */
export function publishStaging(
  { output, staging, retired }: SiteFolders,
  keepAs?: string,
): string | undefined {
  const had = existsSync(output);
  if (had) {
    try {
      renameSync(output, retired);
    } catch (error) {
      throw new PublishError(`could not set ${output} aside (${describeCode(error)})`);
    }
  }
  dieAt("swap");
  try {
    renameSync(staging, output);
  } catch (error) {
    if (had) renameSync(retired, output);
    throw new PublishError(
      `could not move the new site to ${output} (${describeCode(error)}); nothing was published`,
    );
  }
  if (!had) return undefined;
  if (keepAs) {
    rmSync(keepAs, { recursive: true, force: true });
    renameSync(retired, keepAs);
    return undefined;
  }
  try {
    failingWrite("retire", retired);
    rmSync(retired, { recursive: true, force: true });
    return undefined;
  } catch (error) {
    return `the new site is published, but the previous one could not be deleted from ${retired} (${describeCode(error)}); delete it by hand (the next build tries again)`;
  }
}

function describeCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
