import type { z } from "zod";
import { controlCharacterIn } from "../domain/plainText.ts";
import type { Problem } from "../domain/problem.ts";
import { describeIssues } from "./frontMatter.ts";
import { type FrontMatterBlock, readFrontMatterBlock } from "./frontMatterBlock.ts";

export type ReportError = (line: number, field: string, message: string) => void;

export interface CheckedFrontMatter<T> {
  /** Undefined when the file has no readable front matter at all. */
  readonly block: FrontMatterBlock | undefined;
  /** The typed fields when every field passed the schema. */
  readonly fields: T | undefined;
  readonly problems: Problem[];
  readonly error: ReportError;
}

/**
 * The first step for every Markdown file: split off the front matter, parse the YAML and
 * check it against a schema, turning each issue into a `path:line: field: message` problem.
 */
export function checkFrontMatter<S extends z.ZodObject>(
  file: string,
  text: string,
  schema: S,
): CheckedFrontMatter<z.infer<S>> {
  const problems: Problem[] = [];
  const error: ReportError = (line, field, message) =>
    problems.push({ severity: "error", file, line, field, message });

  const block = readFrontMatterBlock(text);
  if (!block) {
    error(
      1,
      "front matter",
      "missing: start the file with a line `---`, then the fields, then another `---`",
    );
    return { block, fields: undefined, problems, error };
  }
  for (const syntax of block.syntaxErrors) error(syntax.line, "front matter", syntax.message);
  const control = controlCharacterIn(block.body);
  if (control) {
    const line = block.bodyLine + (block.body.slice(0, control.index).match(/\n/g)?.length ?? 0);
    error(line, "body", control.message);
  }
  if (!block.data) return { block: undefined, fields: undefined, problems, error };

  const parsed = schema.safeParse(block.data);
  if (!parsed.success) {
    for (const issue of describeIssues(parsed.error.issues, block.data, Object.keys(schema.shape))) {
      error(block.lineOf(issue.path), issue.field, issue.message);
    }
  }
  return { block, fields: parsed.success ? (parsed.data as z.infer<S>) : undefined, problems, error };
}

/** One field, if it alone is well-formed: lets a run report every problem, not just the first. */
export function wellFormedField<S extends z.ZodObject, K extends keyof S["shape"] & string>(
  schema: S,
  data: Record<string, unknown>,
  name: K,
): z.infer<S>[K] | undefined {
  const result = (schema.shape[name] as z.ZodType).safeParse(data[name]);
  return result.success ? (result.data as z.infer<S>[K]) : undefined;
}
