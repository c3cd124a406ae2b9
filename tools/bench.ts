import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { generateNewsroom } from "./bench/generateArticles.ts";
import { articlePagesWritten, incrementalBuilds, type RunBuild } from "./bench/incrementalBuilds.ts";
import { previewEdits } from "./bench/previewEdits.ts";
import { searchLatency } from "./bench/searchLatency.ts";

/**
 * `npm run bench -- --articles N` (or `--content DIR`): builds a synthetic newsroom with
 * the real production build and reports each phase's time, the wall time and the peak
 * memory of the largest single process. It checks the output, so no speed comes from
 * skipped work. `--related-only` times the related-news step alone (cold, then updated after
 * one article added, edited and deleted); `--preview` times the
 * preview after edits to an article's text; `--search` also times the built site's search
 * page in headless Chromium. A script, not a test.
 */
const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    content: { type: "string" },
    seed: { type: "string", default: "42" },
    keep: { type: "boolean", default: false },
    /** Time only reading, checking and the related-news step (no pages rendered). */
    "related-only": { type: "boolean", default: false },
    /** Time the preview (`npm start`) after edits to one article's text. */
    preview: { type: "boolean", default: false },
    /** After the build, time searches on the built site in headless Chromium. */
    search: { type: "boolean", default: false },
    /** Time incremental builds after a cold one: nothing changed, an add, an edit, an export, a delete. */
    incremental: { type: "boolean", default: false },
    /** Run the incremental-equals-cold random sequence test with this many steps (and `--seed`). */
    sequence: { type: "string" },
  },
});

if (values.search && (values.preview || values["related-only"])) {
  console.error("--search times the search page of a full build: leave out --preview and --related-only");
  process.exit(2);
}

// The bench's clock: every generated article is dated before it, so all are published.
const EPOCH = "1795838400";
const PROJECT = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "newsdesk-bench-"));

/** The build's clock, and a picture cache and build state of the bench's own (so its first build is cold). */
function benchEnv(): NodeJS.ProcessEnv {
  return {
    SOURCE_DATE_EPOCH: EPOCH,
    NEWSDESK_IMAGE_CACHE: path.join(work, "image-cache"),
    NEWSDESK_CACHE: path.join(work, "cache"),
  };
}

function generate(): string {
  if (values.content) return path.resolve(values.content);
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--articles must be a whole number, not ${values.articles}`);
  const dir = path.join(work, "content");
  const started = performance.now();
  generateNewsroom(
    count,
    dir,
    Number(values.seed),
    DateTime.fromSeconds(Number(EPOCH), { zone: "utc" }),
    PROJECT,
  );
  console.log(
    `Generated ${count} articles in ${((performance.now() - started) / 1000).toFixed(1)} s into ${dir}`,
  );
  return dir;
}

/** Peak resident memory of each process in a tree, read from /proc (VmHWM: the kernel's own peak). */
function peakOfTree(root: number, peaks: Map<number, { kib: number; name: string }>): void {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    try {
      const kib = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      const name = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      peaks.set(pid, { kib: Math.max(peaks.get(pid)?.kib ?? 0, kib), name });
    } catch {
      // Gone already.
    }
    queue.push(...(children.get(pid) ?? []));
  }
}

/** Runs a command of the project as a child process, sampling the memory of its process tree. */
async function measure(
  command: string,
  args: readonly string[],
  stdio: "inherit" | "pipe",
): Promise<{ wall: number; processes: [name: string, peakMiB: number][]; stdout: string }> {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: PROJECT,
    stdio: ["ignore", stdio, "inherit"],
    env: { ...process.env, ...benchEnv() },
  });
  let stdout = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  const peaks = new Map<number, { kib: number; name: string }>();
  const sampler = setInterval(() => child.pid && peakOfTree(child.pid, peaks), 200);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${[command, ...args].join(" ")} failed (exit ${code})`);
  // Each kind of process by its largest instance, largest first.
  const byName = new Map<string, number>();
  for (const { kib, name } of peaks.values()) byName.set(name, Math.max(byName.get(name) ?? 0, kib / 1024));
  const processes = [...byName].sort((a, b) => b[1] - a[1]);
  return { wall: (performance.now() - started) / 1000, processes, stdout };
}

async function relatedOnly(content: string): Promise<void> {
  const { stdout, ...measured } = await measure(
    process.execPath,
    ["--max-old-space-size=6144", "--import", "tsx", "tools/bench/relatedStep.ts", "--content", content],
    "pipe",
  );
  const result = JSON.parse(stdout) as {
    articles: number;
    listed: number;
    phases: Record<string, number>;
    recomputed: Record<string, number>;
    memoryBytes: number;
  };
  console.log(
    `\nnewsdesk bench, related news only: ${result.articles} articles, ${result.listed} related links`,
  );
  printMeasures(result.phases, {}, measured);
  const lists = Object.entries(result.recomputed).map(([change, n]) => `${n} after one ${change}`);
  console.log(`  lists computed again: ${lists.join(", ")}`);
  console.log(`  memory kept for the next build: ${(result.memoryBytes / 2 ** 20).toFixed(1)} MiB (node:v8)`);
}

/** Each phase's time, what ran alongside, the wall time and the largest process's peak. */
function printMeasures(
  phases: Record<string, number>,
  alongside: Record<string, number>,
  { wall, processes }: { wall: number; processes: readonly [name: string, peakMiB: number][] },
): void {
  const width = Math.max(20, ...[...Object.keys(phases), ...Object.keys(alongside)].map((n) => n.length));
  const line = (name: string, value: string, unit: string) =>
    console.log(`  ${name.padEnd(width)} ${value.padStart(7)} ${unit}`);
  // Tenths of a second, hundredths for what takes less than one.
  for (const [phase, secs] of Object.entries(phases)) line(phase, secs.toFixed(secs < 1 ? 2 : 1), "s");
  for (const [work, secs] of Object.entries(alongside))
    line(work, secs.toFixed(1), "s (alongside the phases above)");
  line("wall time", wall.toFixed(1), "s");
  const [largest = ["none", 0], ...others] = processes;
  const also = others.filter(([, mib]) => mib >= 50).map(([name, mib]) => `${name} ${mib.toFixed(0)} MiB`);
  line(
    "peak RSS",
    largest[1].toFixed(0),
    `MiB (largest single process: ${largest[0]}${also.length > 0 ? `; then ${also.join(", ")}` : ""})`,
  );
}

/** Counts what the build wrote, so a fast build cannot be one that skipped work. */
function checkOutput(output: string, articles: number): string[] {
  const problems: string[] = [];
  const files = readdirSync(output, { recursive: true, encoding: "utf8" });
  const articlePages = files.filter((f) => /^[a-z-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/index\.html$/.test(f)).length;
  if (articlePages < articles) problems.push(`${articlePages} article pages for ${articles} articles`);
  for (const feed of ["feeds/atom.xml", "feeds/rss.xml", "sitemap.xml", "news-sitemap.xml", "robots.txt"]) {
    if (!existsSync(path.join(output, feed))) problems.push(`no ${feed}`);
  }
  const sitemapUrls = files
    .filter((f) => /^sitemap(-\d+)?\.xml$/.test(f))
    .reduce((sum, f) => sum + (readFileSync(path.join(output, f), "utf8").match(/<url>/g)?.length ?? 0), 0);
  if (sitemapUrls < articles)
    problems.push(`the sitemaps list ${sitemapUrls} pages for ${articles} articles`);
  const indexed = files
    .filter((f) => /^pagefind\/[^/]+\/pagefind-entry\.json$/.test(f))
    .flatMap((f) => {
      const entry = JSON.parse(readFileSync(path.join(output, f), "utf8")) as {
        languages: Record<string, { page_count: number }>;
      };
      return Object.values(entry.languages).map((language) => language.page_count);
    })
    .reduce((sum, count) => sum + count, 0);
  if (indexed < articles) problems.push(`the search index holds ${indexed} pages for ${articles} articles`);
  return problems;
}

async function fullBuild(content: string): Promise<void> {
  const output = path.join(work, "_site");
  const reportFile = path.join(work, "report.json");
  // Exactly what an editor runs, with the Node settings the build script gives itself.
  const measured = await measure(
    "npm",
    ["run", "--silent", "build", "--", "--content", content, "--output", output, "--report", reportFile],
    "inherit",
  );
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
    articles: number;
    pages: number;
    phases: Record<string, number>;
    alongside: Record<string, number>;
  };
  const problems = checkOutput(output, report.articles);
  console.log(`\nnewsdesk bench: ${report.articles} articles, ${report.pages} pages`);
  printMeasures(report.phases, report.alongside, measured);
  console.log(
    problems.length === 0 ? "  output checked: complete" : `  OUTPUT INCOMPLETE: ${problems.join("; ")}`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
  if (values.search) await searchLatency(content, output);
}

/** One `npm run build`, measured, with its report and change list read. */
const timedBuild: RunBuild = async (content, output, label, args = []) => {
  const reportFile = path.join(work, "report.json");
  const measured = await measure(
    "npm",
    [
      "run",
      "--silent",
      "build",
      "--",
      "--content",
      content,
      "--output",
      output,
      "--report",
      reportFile,
      ...args,
    ],
    "pipe",
  );
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
    phases: Record<string, number>;
    written: number;
    removed: number;
    unchanged: number;
  };
  return {
    label,
    wall: measured.wall,
    phases: report.phases,
    written: report.written,
    removed: report.removed,
    unchanged: report.unchanged,
    articlePages: articlePagesWritten(path.join(work, "cache", "last-build-changes.txt")),
    peakMiB: measured.processes[0]?.[1] ?? 0,
  };
};

async function incremental(content: string): Promise<void> {
  const results = await incrementalBuilds(content, work, timedBuild);
  console.log("\nnewsdesk bench, incremental builds");
  for (const result of results) {
    console.log(
      `  ${result.label.padEnd(50)} ${result.wall.toFixed(1).padStart(6)} s  ${result.written} written, ${result.removed} removed (${result.articlePages} article pages), peak ${result.peakMiB.toFixed(0)} MiB`,
    );
    const phases = Object.entries(result.phases).filter(([, secs]) => secs >= 0.05);
    console.log(`      ${phases.map(([phase, secs]) => `${phase} ${secs.toFixed(1)} s`).join(", ")}`);
  }
  const cold = path.join(work, "_cold");
  await timedBuild(path.join(work, "content-copy"), cold, "check", ["--full"]);
  const differ = spawnSync("diff", ["-rq", path.join(work, "_site"), cold], { encoding: "utf8" });
  console.log(
    differ.status === 0
      ? "  the site after these builds equals a cold build of the same files: byte for byte"
      : `  THE SITE DIFFERS FROM A COLD BUILD:\n${differ.stdout.slice(0, 2000)}`,
  );
  process.exitCode = differ.status === 0 ? 0 : 1;
}

/** The random-sequence test of incremental builds, with more steps and the bench's seed. */
function sequence(steps: string): void {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--test", "tests/build/incrementalBuild.test.ts"],
    {
      cwd: PROJECT,
      stdio: "inherit",
      env: { ...process.env, NEWSDESK_SEQUENCE_STEPS: steps, NEWSDESK_SEQUENCE_SEED: values.seed },
    },
  );
  process.exitCode = result.status ?? 1;
}

try {
  if (values.sequence) sequence(values.sequence);
  else {
    const content = generate();
    if (values.preview) await previewEdits(content, work, benchEnv());
    else if (values.incremental) await incremental(content);
    else await (values["related-only"] ? relatedOnly(content) : fullBuild(content));
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
