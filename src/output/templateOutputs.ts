import { readFileSync } from "node:fs";
import path from "node:path";
import { fingerprint } from "../domain/fingerprint.ts";
import type { OutputRecord, Published, WriterReport } from "./writer.ts";

/**
 * A newsroom's own Eleventy templates (layouts/custom/) are written by Eleventy, after
 * newsdesk's writer is done. Their files still belong in the site's manifest (the next
 * build must know the folder holds them, and whether they changed): they form a group of
 * their own, which the next build takes out of the folder before Eleventy writes again.
 */
export const TEMPLATES_GROUP = "eleventy templates";

/** The writer's report with the templates' files (paths relative to `folder`) added and counted. */
export function withTemplateOutputs(
  report: WriterReport,
  published: Published | undefined,
  folder: string,
  files: readonly string[],
): WriterReport {
  const manifest = new Map(report.manifest);
  const written = [...report.written];
  let unchanged = report.unchanged;
  for (const file of files) {
    const bytes = readFileSync(path.join(folder, file));
    const hash = fingerprint(bytes);
    const record: OutputRecord = { key: hash, hash, size: bytes.byteLength };
    manifest.set(file, record);
    if (published?.manifest.get(file)?.hash === hash) unchanged++;
    else written.push(file);
  }
  const groups = new Map(report.groups);
  if (files.length > 0) groups.set(TEMPLATES_GROUP, { key: "", files });
  return {
    manifest,
    groups,
    written,
    removed: report.removed.filter((file) => !manifest.has(file)),
    unchanged,
  };
}
