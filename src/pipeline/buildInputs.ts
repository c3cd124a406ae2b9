import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fingerprint } from "../domain/fingerprint.ts";
import { SITE_VARIABLES } from "../domain/siteConfig.ts";
import { projectFileFingerprints } from "../output/projectFiles.ts";

/**
 * What reaches every page, besides the articles: newsdesk's own code and layouts (a
 * newsroom's own templates in layouts/custom/ too), the Eleventy config, the locked
 * dependencies, the Node version, the site's settings and the state's own format. A change
 * to any of them makes a build full: it is read, checked and rendered from scratch. Each
 * input has a fingerprint, so the build can say which one changed.
 */
export type BuildInputs = ReadonlyMap<string, string>;

/** The version of the build state's format on disk: a change to its shape makes the next build full. */
export const STATE_FORMAT = 3;

/** Folders and files of the project whose every file is an input. */
const CODE = ["src", "layouts", ".eleventy.ts", "package.json", "package-lock.json"];

export function buildInputs(projectRoot: string, contentDir: string, env: NodeJS.ProcessEnv): BuildInputs {
  const inputs = new Map<string, string>([
    ["the build state's format", String(STATE_FORMAT)],
    ["Node", process.version],
    ...SITE_VARIABLES.map((name): [string, string] => [name, env[name] ?? ""]),
  ]);
  for (const [file, hash] of projectFileFingerprints(projectRoot, CODE)) inputs.set(file, hash);
  for (const data of ["_data/site.json", "_data/sections.json"]) {
    const file = path.join(contentDir, data);
    inputs.set(
      path.relative(projectRoot, file).split(path.sep).join("/"),
      existsSync(file) ? fingerprint(readFileSync(file)) : "",
    );
  }
  return inputs;
}

/** Why a build with state from `before` must be full now, in one line; undefined when it need not be. */
export function fullBuildReason(before: BuildInputs, now: BuildInputs): string | undefined {
  for (const [name, value] of now) {
    const was = before.get(name);
    if (was === value) continue;
    if (was === undefined) return `${name} is new`;
    if (name === "Node") return `Node changed from ${was} to ${value}`;
    return `${name} changed`;
  }
  for (const name of before.keys()) if (!now.has(name)) return `${name} was removed`;
  return undefined;
}
