/**
 * A problem found in the content: one line an editor can act on.
 * Printed as `path:line: field: message`, the form editors' tools and CI logs link.
 */
export type Severity = "error" | "warning";

export interface Problem {
  readonly severity: Severity;
  /** Path relative to the project root, e.g. `content/articles/2016/11/baotou.md`. */
  readonly file: string;
  /** 1-based line in that file. */
  readonly line: number;
  /** The front-matter field (or `body`, `front matter`, a data file's key). */
  readonly field: string;
  readonly message: string;
}

/**
 * The "file" of a problem in a setting the build was run with (`SITE_URL`, `SOURCE_DATE_EPOCH`):
 * such problems have line 0 and the variable as their field.
 */
export const ENVIRONMENT = "environment";

export function formatProblem(problem: Problem): string {
  const prefix = problem.severity === "warning" ? "warning: " : "";
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${prefix}${problem.field}: ${problem.message}`;
}

/** The closing line of a run that stopped on errors: how many, where, and what came of it. */
export function failureSummary(problems: readonly Problem[], outcome = "nothing was published"): string {
  const errors = problems.filter((p) => p.severity === "error");
  const inSettings = errors.every((p) => p.file === ENVIRONMENT);
  const where = inSettings ? "in the settings" : "in the content";
  return `${errors.length} error${errors.length === 1 ? "" : "s"} ${where}; ${outcome}.`;
}

/** Errors first, then warnings; within each, by file and line, so output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rank = (p: Problem) => (p.severity === "error" ? 0 : 1);
  return [...problems].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      (a.field < b.field ? -1 : a.field > b.field ? 1 : 0),
  );
}

/**
 * Thrown when content has errors. It carries every problem of the run, so editors
 * fix them all at once; the CLI prints them without a stack trace.
 */
export class ContentError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    const errors = sorted.filter((p) => p.severity === "error").length;
    super(
      `${errors} problem${errors === 1 ? "" : "s"} in the content; nothing was published:\n${sorted
        .map(formatProblem)
        .join("\n")}`,
    );
    this.name = "ContentError";
    this.problems = sorted;
  }
}

/** Finds a ContentError however deeply a framework has wrapped it. */
export function findContentError(error: unknown): ContentError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth++) {
    if (current instanceof ContentError || current.name === "ContentError") return current as ContentError;
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return undefined;
}
