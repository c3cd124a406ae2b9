/**
 * Fault injection for the tests that prove a failed build publishes nothing and says why.
 * `NEWSDESK_FAIL_AT` names one:
 *
 * - `pages`: fail once every page is in the staging folder;
 * - `search`: fail in the search index's thread once Pagefind has written a part;
 * - `swap`: die (SIGKILL) between the two renames that put the new site in place;
 * - `standby`: die (SIGKILL) while an incremental build is bringing the standby copy up to date;
 * - `commit`: die (SIGKILL) once the new site is in place, before its state is;
 * - `output-eacces`, `output-enospc`, `cache-eacces`, `cache-enospc`, `retire-eacces`: the
 *   file system refuses the first write to the output folder or the picture cache, or the
 *   removal of the previous site, as a read-only folder or a full disk would (tests run as
 *   root, where a read-only folder does not stop writes).
 */
export function failpoint(phase: "pages" | "search"): void {
  if (process.env.NEWSDESK_FAIL_AT === phase)
    throw new Error(`failing after ${phase}, as NEWSDESK_FAIL_AT asked`);
}

/** Where the file system can be made to refuse a write. */
export type WritePlace = "output" | "cache" | "retire";

/** Throws the error the file system would, for `path`, when NEWSDESK_FAIL_AT asks for it here. */
export function failingWrite(place: WritePlace, path: string): void {
  const wanted = process.env.NEWSDESK_FAIL_AT;
  for (const code of ["EACCES", "ENOSPC"] as const) {
    if (wanted !== `${place}-${code.toLowerCase()}`) continue;
    const error = new Error(`${code}: injected by NEWSDESK_FAIL_AT, '${path}'`) as NodeJS.ErrnoException;
    error.code = code;
    error.path = path;
    throw error;
  }
}

/** Dies at once, as `kill -9` would, when NEWSDESK_FAIL_AT names this moment. */
export function dieAt(moment: "swap" | "standby" | "commit"): void {
  if (process.env.NEWSDESK_FAIL_AT === moment) process.kill(process.pid, "SIGKILL");
}
