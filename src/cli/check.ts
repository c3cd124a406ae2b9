import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { contentFolder } from "../content/contentFolder.ts";
import { listMarkdownFiles } from "../content/sourceFiles.ts";
import { buildClock } from "../domain/buildClock.ts";
import {
  failureSummary,
  findContentError,
  formatProblem,
  type Problem,
  sortProblems,
} from "../domain/problem.ts";
import { contentDirFromEnv } from "../eleventy/plugin.ts";
import { outputFolderProblem, recoverSiteFolder } from "../output/siteFolder.ts";
import { checkSite } from "../pipeline/checkSite.ts";
import { githubAnnotation } from "./githubAnnotations.ts";

/**
 * `npm run check`: every problem in the content, as the production build would find them,
 * without rendering anything. Errors first, then warnings, one `path:line: field: message`
 * line each, then a summary. Exit 1 on any error; warnings alone exit 0.
 * `--json` (or `--format json`) prints one JSON object instead, for editors' tools;
 * `--format github` prints each problem as a GitHub annotation on its file and line, and the
 * summary line, also into the job's summary when GitHub gives one (the pull-request check).
 */
const USAGE = "usage: npm run check -- [--content DIR] [--output DIR] [--json | --format text|json|github]";
const FORMATS = ["text", "json", "github"] as const;

function parse() {
  try {
    const { values } = parseArgs({
      options: {
        content: { type: "string", default: contentDirFromEnv() },
        /** The published site, put right first if a build was stopped while publishing it. */
        output: { type: "string", default: "_site" },
        json: { type: "boolean", default: false },
        format: { type: "string", default: "text" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (!FORMATS.includes(values.format as (typeof FORMATS)[number]))
      throw new Error(`--format ${values.format} is not one of ${FORMATS.join(", ")}`);
    return { ...values, format: values.json ? "json" : values.format };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function summary(errors: number, warnings: number, articles: number): string {
  if (errors === 0 && warnings === 0) return `${plural(articles, "article")} checked: no problems`;
  const counts = [errors > 0 ? plural(errors, "error") : "", warnings > 0 ? plural(warnings, "warning") : ""];
  return `${counts.filter(Boolean).join(", ")} in ${plural(articles, "article")}`;
}

function main(): number {
  const values = parse();
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // The site folder is put right only where it is one (never the project or the content).
  if (!outputFolderProblem(values.output, values.content))
    for (const line of recoverSiteFolder(values.output)) console.error(line);
  const content = contentFolder(values.content);
  const result = checkSite({ folder: content, mode: "production", clock: buildClock() });
  const problems: Problem[] = sortProblems(result.problems);
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const articles = listMarkdownFiles(content, "articles").length;

  if (values.format === "json") {
    const report = {
      errors,
      warnings,
      articles,
      problems: problems.map(({ severity, file, line, field, message }) => ({
        severity,
        file,
        line,
        field,
        message,
      })),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (values.format === "github") {
    const line = summary(errors, warnings, articles);
    process.stdout.write(`${[...problems.map(githubAnnotation), line].join("\n")}\n`);
    const stepSummary = process.env.GITHUB_STEP_SUMMARY;
    if (stepSummary) appendFileSync(stepSummary, `${errors > 0 ? "❌" : "✅"} npm run check: ${line}\n`);
  } else {
    const lines = problems.map(formatProblem);
    lines.push(`${lines.length > 0 ? "\n" : ""}${summary(errors, warnings, articles)}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return errors > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  const settings = findContentError(error);
  if (settings) {
    // A setting the check was run with (SITE_URL, SOURCE_DATE_EPOCH): said as the build says it.
    for (const problem of settings.problems) console.error(formatProblem(problem));
    console.error(`\n${failureSummary(settings.problems, "nothing was checked")}`);
    process.exitCode = 1;
  } else {
    // Not an editor's mistake (a bug, an unreadable folder): say so plainly.
    console.error("The check could not run.");
    console.error(error);
    process.exitCode = 2;
  }
}
