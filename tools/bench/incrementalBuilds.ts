import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { listMarkdownFiles } from "../../src/content/sourceFiles.ts";

/** One build's numbers: wall time, the build's own phases, what it wrote, and the largest process. */
export interface BuildMeasure {
  readonly label: string;
  readonly wall: number;
  readonly phases: Readonly<Record<string, number>>;
  readonly written: number;
  readonly removed: number;
  readonly unchanged: number;
  /** Article pages among the files written. */
  readonly articlePages: number;
  readonly peakMiB: number;
}

/** Runs `npm run build` on a content folder into `output` and measures it (bench.ts's `measure`). */
export type RunBuild = (
  content: string,
  output: string,
  label: string,
  args?: readonly string[],
) => Promise<BuildMeasure>;

const ARTICLE_PAGE = /^[a-z-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/index\.html$/;

/** Article pages a build's change list says it wrote. */
export function articlePagesWritten(changesFile: string): number {
  return readFileSync(changesFile, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("written\t") && ARTICLE_PAGE.test(line.slice("written\t".length)))
    .length;
}

/**
 * `npm run bench -- --incremental`: on a copy of the content, a cold build, a first
 * incremental build (which makes the standby copy of the site), then the changes of a
 * newsroom's day, each followed by `npm run build`: nothing changed, one article added, one
 * edited, a fresh analytics export, one deleted. Each build's time, phases and files
 * written are reported; the site is checked against a cold build at the end.
 */
export async function incrementalBuilds(
  source: string,
  work: string,
  run: RunBuild,
): Promise<BuildMeasure[]> {
  const content = path.join(work, "content-copy");
  rmSync(content, { recursive: true, force: true });
  cpSync(source, content, { recursive: true });
  const output = path.join(work, "_site");
  const results: BuildMeasure[] = [];
  const build = async (label: string, args: readonly string[] = []) => {
    const measured = await run(content, output, label, args);
    results.push(measured);
    return measured;
  };
  await build("cold build", ["--full"]);
  await build("first incremental build (makes the standby copy)");
  await build("nothing changed");

  const ids = listMarkdownFiles(contentFolder(content), "articles");
  const newest = path.join(content, "articles", ids.at(-1) ?? "");
  const added = path.join(content, "articles", "bench", "breaking-news-from-the-bench.md");
  mkdirSync(path.dirname(added), { recursive: true });
  writeFileSync(
    added,
    `---\nheadline: Breaking news from the bench\ndate: ${latestDate(content, ids)}\nsection: economy\nsource: Eastbridge News\neditor: Mo Hong'e\ntags: [trade, exports]\n---\nA late story on exports, written by the bench to time one article added.\n\nIts second paragraph repeats the subject: trade and exports.\n`,
  );
  await build("one article added");

  writeFileSync(
    newest,
    `${readFileSync(newest, "utf8").trimEnd()}\n\nA sentence added by the bench to time one edit.\n`,
  );
  await build("one article edited");

  const popular = path.join(content, "_data/popular.json");
  writeFileSync(popular, JSON.stringify(freshExport(output), null, 2));
  await build("a fresh popular.json");

  rmSync(added);
  await build("one article deleted");
  return results;
}

/** The date of the newest article (the generator's are before the bench's clock): the added one is as new. */
function latestDate(content: string, ids: readonly string[]): string {
  let latest = "";
  for (const id of ids) {
    const date = /\ndate: "?([\d-]+ [\d:]+)"?\n/.exec(
      readFileSync(path.join(content, "articles", id), "utf8"),
    )?.[1];
    if (date && date > latest) latest = date;
  }
  return latest;
}

/** An analytics export naming ten published articles, as the hourly export would. */
function freshExport(site: string): unknown {
  const pages = readdirSync(site, { recursive: true, encoding: "utf8" })
    .filter((file) => ARTICLE_PAGE.test(file))
    .sort()
    .slice(0, 10)
    .map((file, n) => ({ path: `/${file.replace(/index\.html$/, "")}`, views: 10_000 - n * 500 }));
  return { exportedAt: "2026-11-28T11:00:00+08:00", pages };
}
