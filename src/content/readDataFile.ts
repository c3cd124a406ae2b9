import type { z } from "zod";
import type { Problem } from "../domain/problem.ts";
import { type ContentFolder, readContentText } from "./contentFolder.ts";
import { parseYamlWithLines } from "./frontMatterBlock.ts";

/** One data file as read: its value when it passed its schema, its problems, and where its fields stand. */
export interface DataFile<T> {
  readonly value: T | undefined;
  readonly problems: Problem[];
  /** How problems name the file: `content/_data/site.json`. */
  readonly label: string;
  /** The file's text (empty when it could not be read). */
  readonly text: string;
  readonly lineOf: (path: readonly (string | number)[]) => number;
}

/**
 * Reads one JSON file of `content/_data/` and checks it against its schema. Problems name
 * the line of the offending key, like the article checks.
 */
export function readDataFile<S extends z.ZodType>(
  folder: ContentFolder,
  relative: string,
  schema: S,
): DataFile<z.infer<S>> {
  const problems: Problem[] = [];
  const file = folder.label(relative);
  const read = readContentText(folder, relative);
  if ("problem" in read)
    return { value: undefined, problems: [read.problem], label: file, text: "", lineOf: () => 1 };
  // A byte-order mark, as some editors save one, is not part of the JSON.
  const text = read.text.replace(/^\uFEFF/, "");
  const { lineOf } = parseYamlWithLines(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position ? text.slice(0, Number(position)).split("\n").length : 1;
    problems.push({ severity: "error", file, line, field: "json", message: `not valid JSON: ${message}` });
    return { value: undefined, problems, label: file, text, lineOf };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const keys = issue.code === "unrecognized_keys" ? `: ${issue.keys.join(", ")}` : "";
      problems.push({
        severity: "error",
        file,
        line: lineOf(path),
        field: path.join(".") || "file",
        message: `${issue.message}${keys}`,
      });
    }
    return { value: undefined, problems, label: file, text, lineOf };
  }
  return { value: parsed.data, problems, label: file, text, lineOf };
}
