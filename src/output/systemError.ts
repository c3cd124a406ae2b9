import path from "node:path";

/**
 * A file-system refusal an operator can fix (a folder that is not writable, a full disk),
 * told in one line naming the folder instead of a stack trace.
 */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EEXIST: "a file stands where a folder is needed",
  ENOTDIR: "a file stands where a folder is needed",
  EISDIR: "a folder stands where a file is needed",
};

/** The file-system refusal behind an error, however deeply a framework has wrapped it. */
export function findSystemError(error: unknown): NodeJS.ErrnoException | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth++) {
    const errno = current as NodeJS.ErrnoException & { originalError?: unknown };
    if (errno.code && REASONS[errno.code] && errno.path) return errno;
    current = errno.originalError ?? errno.cause;
  }
  return undefined;
}

/** One line: which folder could not be written, why, and that nothing was published. */
export function describeSystemError(error: NodeJS.ErrnoException, staging: string, output: string): string {
  const file = path.resolve(error.path ?? "");
  const reason = `${REASONS[error.code ?? ""] ?? error.code} (${error.code})`;
  const folder =
    file === staging || file.startsWith(`${staging}${path.sep}`)
      ? `${path.dirname(output)}, where ${path.basename(output)}/ is built`
      : path.relative(process.cwd(), path.dirname(file)) || ".";
  return `cannot write to ${folder}: ${reason}; nothing was published.`;
}
