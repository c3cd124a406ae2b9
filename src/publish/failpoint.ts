/**
 * Fault injection for the tests that prove a failed build publishes nothing:
 * `NEWSDESK_FAIL_AT=pages` fails the build once every page is in the staging folder,
 * `NEWSDESK_FAIL_AT=search` fails the search index's thread once Pagefind has written a part.
 */
export function failpoint(phase: "pages" | "search"): void {
  if (process.env.NEWSDESK_FAIL_AT === phase)
    throw new Error(`failing after ${phase}, as NEWSDESK_FAIL_AT asked`);
}
