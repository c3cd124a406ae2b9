import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fingerprint } from "../domain/fingerprint.ts";
import type { Manifest, WriterReport } from "./writer.ts";

/**
 * A site folder says which site it is: a small file at its root holding a fingerprint of
 * every file it has (path and bytes). The build state names the same fingerprint, so a
 * build can tell whether the state on disk describes the site folder in front of it (CI
 * restores both from its cache; a person may delete or replace either). The same files
 * give the same fingerprint, so a cold build and an incremental one write the same marker.
 */
export const SITE_MARKER = ".newsdesk-site";

/** The fingerprint of a site with these files (the marker itself left out). */
export function siteFingerprint(manifest: Manifest): string {
  const lines = [...manifest]
    .filter(([file]) => file !== SITE_MARKER)
    .map(([file, record]) => `${file} ${record.hash}`)
    .sort();
  return fingerprint(lines.join("\n"));
}

function markerText(site: string): string {
  return `newsdesk site ${site}\n`;
}

/** Which site the folder holds, by its marker; undefined when it has none. */
export function siteInFolder(folder: string): string | undefined {
  try {
    return /^newsdesk site (\S+)\n$/.exec(readFileSync(path.join(folder, SITE_MARKER), "utf8"))?.[1];
  } catch {
    return undefined;
  }
}

/** Writes the site's marker (src/output/siteMarker.ts) and adds it to the report. */
export function markSite(
  folder: string,
  report: WriterReport,
  published: Manifest | undefined,
): WriterReport {
  const text = markerText(siteFingerprint(report.manifest));
  const file = path.join(folder, SITE_MARKER);
  // A new file, never one shared with the published site through a link.
  rmSync(file, { force: true });
  writeFileSync(file, text);
  const hash = fingerprint(text);
  const manifest = new Map(report.manifest);
  manifest.set(SITE_MARKER, { key: hash, hash, size: Buffer.byteLength(text) });
  const same = published?.get(SITE_MARKER)?.hash === hash;
  return {
    ...report,
    manifest,
    written: same ? report.written : [...report.written, SITE_MARKER],
    removed: report.removed.filter((removed) => removed !== SITE_MARKER),
    unchanged: report.unchanged + (same ? 1 : 0),
  };
}
