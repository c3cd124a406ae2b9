/**
 * How far the current build has got and how long each phase took. The plugin, the page
 * template and the build command share it, since Eleventy runs all three in one process.
 */
export interface BuildReport {
  /** Milliseconds per phase, in the order the phases ran. */
  readonly phases: Map<string, number>;
  /** Milliseconds of work that ran on other threads while the phases ran (not part of their sum). */
  readonly alongside: Map<string, number>;
  pagesRendered: number;
  pagesTotal: number;
}

export const buildReport: BuildReport = {
  phases: new Map(),
  alongside: new Map(),
  pagesRendered: 0,
  pagesTotal: 0,
};

export function recordPhase(phase: string, milliseconds: number): void {
  buildReport.phases.set(phase, (buildReport.phases.get(phase) ?? 0) + milliseconds);
}

/** Runs one phase and records its time. */
export async function timed<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    recordPhase(phase, performance.now() - started);
  }
}
