import { existsSync, rmSync } from "node:fs";
import type { BuildChanges } from "../output/buildChanges.ts";
import { siteInFolder } from "../output/siteMarker.ts";
import { type BuildInputs, fullBuildReason } from "./buildInputs.ts";
import { commitState, loadState, type StateFolder, type StoredState } from "./persistentState.ts";

/**
 * Whether `npm run build` can build incrementally from the state the last build kept, and
 * if not, why, in one line (the build prints it). The state must be readable, describe the
 * site folder in front of it (by the marker both hold), and have been made from the same
 * code, layouts, settings and Node: anything that reaches every page makes the build full.
 */
type PlanFromState =
  | { readonly kind: "incremental"; readonly stored: StoredState }
  /** `previous`: the last state when it still describes the site folder (its site may become the standby). */
  | { readonly kind: "full"; readonly reason: string; readonly previous: StoredState | undefined };

export type BuildPlan = PlanFromState & {
  /** What a build stopped before its state was in place changed: this build's list takes it over. */
  readonly stopped: BuildChanges | undefined;
};

export function planBuild(
  folder: StateFolder,
  siteFolder: string,
  inputs: BuildInputs,
  full: boolean,
): BuildPlan {
  const site = existsSync(siteFolder) ? siteInFolder(siteFolder) : undefined;
  const stopped = settleStoppedBuild(folder, site);
  return { ...planFromState(folder, siteFolder, site, inputs, full), stopped };
}

function planFromState(
  folder: StateFolder,
  siteFolder: string,
  site: string | undefined,
  inputs: BuildInputs,
  full: boolean,
): PlanFromState {
  const stored = loadState(folder);
  if ("none" in stored) return { kind: "full", reason: stored.none, previous: undefined };
  if (site === undefined)
    return {
      kind: "full",
      reason: `there is no site in ${siteFolder} for the state to describe`,
      previous: undefined,
    };
  if (site !== stored.site)
    return {
      kind: "full",
      reason: `${siteFolder} is not the site the last build's state describes`,
      previous: undefined,
    };
  if (full) return { kind: "full", reason: "--full was given", previous: stored };
  const changed = fullBuildReason(stored.inputs, inputs);
  if (changed) return { kind: "full", reason: changed, previous: stored };
  return { kind: "incremental", stored };
}

/**
 * A build stopped after publishing its site but before putting its state in place left the
 * state beside (`state.next.v8`): it is the site folder's state if the folder holds that
 * site, and is put in place, and what that build changed is returned (its list may never
 * have been uploaded); otherwise it is dropped (the site was not published).
 */
function settleStoppedBuild(folder: StateFolder, site: string | undefined): BuildChanges | undefined {
  if (!existsSync(folder.next)) return undefined;
  const next = loadState(folder, folder.next);
  if (!("none" in next) && next.site === site) {
    commitState(folder);
    return next.changes;
  }
  rmSync(folder.next, { force: true });
  return undefined;
}
