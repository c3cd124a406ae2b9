import type { WriterReport } from "./writer.ts";

/**
 * What a build changed in the site folder, for sync-style uploads and CDN purges: written to
 * `.cache/last-build-changes.txt`, tab-separated, paths relative to the site folder, sorted.
 * The first line says `kind full` when the build could not compare with the last published
 * site (a cold build: every file is listed as written, and an upload should also delete what
 * the site no longer has), else `kind incremental`.
 */
export function buildChangesText(report: WriterReport, kind: "full" | "incremental"): string {
  const lines = [
    `kind\t${kind}`,
    ...[...report.written].sort().map((file) => `written\t${file}`),
    ...[...report.removed].sort().map((file) => `removed\t${file}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** `12 files written, 1 removed, 23,360 unchanged`: the build's last line. */
export function buildChangesLine(report: WriterReport): string {
  const count = (n: number) => n.toLocaleString("en-US");
  const files = (n: number) => `${count(n)} ${n === 1 ? "file" : "files"}`;
  return `${files(report.written.length)} written, ${count(report.removed.length)} removed, ${count(report.unchanged)} unchanged`;
}
