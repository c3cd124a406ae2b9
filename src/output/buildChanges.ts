import type { WriterReport } from "./writer.ts";

/**
 * What a build changed in the site folder, for what publishes the site (CI deploys only when
 * it lists something, `npm run upload:s3` sends only what it lists, a CDN purge): written
 * beside the build's state as `last-build-changes.txt`, tab-separated lines, paths relative
 * to the site folder with `/`, sorted:
 *
 *     kind	incremental
 *     from	<the fingerprint of the site it changed>
 *     written	economy/2026-11-28/some-story/index.html
 *     removed	economy/2026-11-20/old-story/index.html
 *
 * `from` names the site the changes apply to, as its marker does (src/output/siteMarker.ts):
 * an uploader sends only them to a copy that holds that site, and compares everything with
 * any other. `kind	full` says the build could not compare with the last published site (a
 * cold build): every file is listed as written, and an uploader syncs everything, deleting
 * what the site no longer has.
 */
export const BUILD_CHANGES_NAME = "last-build-changes.txt";

export function buildChangesText({ kind, from, written, removed }: BuildChanges): string {
  const lines = [
    `kind\t${kind}`,
    ...(from === undefined ? [] : [`from\t${from}`]),
    ...[...written].sort().map((file) => `written\t${file}`),
    ...[...removed].sort().map((file) => `removed\t${file}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** `12 files written, 1 removed, 23,360 unchanged`: the build's last line. */
export function buildChangesLine(report: WriterReport): string {
  const count = (n: number) => n.toLocaleString("en-US");
  const files = (n: number) => `${count(n)} ${n === 1 ? "file" : "files"}`;
  return `${files(report.written.length)} written, ${count(report.removed.length)} removed, ${count(report.unchanged)} unchanged`;
}

export interface BuildChanges {
  readonly kind: "incremental" | "full";
  /** The fingerprint of the site these changes were made to (its marker's), when one was. */
  readonly from?: string;
  readonly written: readonly string[];
  readonly removed: readonly string[];
}

/**
 * What two builds in a row changed, as one list: a build stopped after publishing but before
 * its state was in place, whose list the next build takes over (src/pipeline/buildPlan.ts),
 * so no change it published is missed by an upload. A file written by either and not
 * removed by the later one is written; one removed and not written again is removed.
 */
export function changesInARow(earlier: BuildChanges, later: BuildChanges): BuildChanges {
  const written = new Set([...earlier.written, ...later.written]);
  for (const file of later.removed) written.delete(file);
  const removed = new Set([...earlier.removed, ...later.removed]);
  for (const file of later.written) removed.delete(file);
  return {
    kind: earlier.kind === "full" || later.kind === "full" ? "full" : "incremental",
    ...(earlier.from === undefined ? {} : { from: earlier.from }),
    written: [...written].sort(),
    removed: [...removed].sort(),
  };
}

/**
 * A path that stays inside the site folder: uploaders read and delete by these, so one that
 * could leave it (absolute, `..`, a backslash) is refused, whoever wrote the file.
 */
function isSitePath(file: string): boolean {
  return (
    file !== "" &&
    !file.startsWith("/") &&
    !file.includes("\\") &&
    file.split("/").every((part) => part !== "" && part !== "." && part !== "..")
  );
}

/** The file's changes, or the first line that is not in its form (1-based) and why. */
export function parseBuildChanges(
  text: string,
): { readonly changes: BuildChanges } | { readonly line: number; readonly problem: string } {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const [first, ...rest] = lines;
  const kind = first?.startsWith("kind\t") ? first.slice("kind\t".length) : undefined;
  if (kind !== "incremental" && kind !== "full")
    return { line: 1, problem: 'the first line must be "kind", a tab, and "incremental" or "full"' };
  const from = rest[0]?.startsWith("from\t") ? rest.shift()?.slice("from\t".length) : undefined;
  if (from !== undefined && !/^[\w-]+$/.test(from))
    return {
      line: 2,
      problem: 'the line "from" must name a site by its fingerprint (letters, digits, - and _)',
    };
  const offset = from === undefined ? 2 : 3;
  const written = new Set<string>();
  const removed = new Set<string>();
  for (const [index, line] of rest.entries()) {
    const tab = line.indexOf("\t");
    const what = line.slice(0, tab);
    const file = line.slice(tab + 1);
    const [list, other] =
      what === "written" ? [written, removed] : what === "removed" ? [removed, written] : [];
    if (tab < 0 || !list || !other)
      return {
        line: index + offset,
        problem: 'each line after "kind" (and "from") must be "written" or "removed", a tab, and a path',
      };
    if (!isSitePath(file))
      return { line: index + offset, problem: `"${file}" is not a path inside the site folder` };
    if (other.has(file))
      return { line: index + offset, problem: `${file} is listed as both written and removed` };
    list.add(file);
  }
  return {
    changes: { kind, ...(from === undefined ? {} : { from }), written: [...written], removed: [...removed] },
  };
}
