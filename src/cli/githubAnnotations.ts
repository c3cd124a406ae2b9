import type { Problem } from "../domain/problem.ts";

/**
 * Problems as GitHub Actions workflow commands (`::error file=...,line=...,title=...::...`):
 * in a pull request's check, each shows on its file and line in "Files changed", and in the
 * job's log. Values are escaped as GitHub's toolkit escapes them, so a message with a
 * newline, a comma or a colon stays one annotation with its words intact.
 */
export function githubAnnotation(problem: Problem): string {
  const command = problem.severity === "error" ? "error" : "warning";
  const properties = [
    `file=${escapeProperty(problem.file)}`,
    `line=${problem.line}`,
    `title=${escapeProperty(problem.field)}`,
  ].join(",");
  return `::${command} ${properties}::${escapeData(`${problem.field}: ${problem.message}`)}`;
}

function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
