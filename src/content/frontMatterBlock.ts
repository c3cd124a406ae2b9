import { CORE_SCHEMA, load } from "js-yaml";
import { type Document, isMap, isScalar, LineCounter, parseDocument, visit } from "yaml";

/**
 * Splits a Markdown file into its YAML front matter and body, keeping enough of the
 * parse to say on which line of the file each field stands.
 */
export interface FrontMatterBlock extends ParsedYaml {
  readonly body: string;
  /** 1-based line of the body's first line in the file. */
  readonly bodyLine: number;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

export function readFrontMatterBlock(text: string): FrontMatterBlock | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return undefined;
  const yamlText = rest.slice(0, closing.index);
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, "");
  const yamlFirstLine = 2;
  const bodyLine = yamlFirstLine + countLines(yamlText) + 1;

  return { ...parseFrontMatterYaml(yamlText, yamlFirstLine), body: afterClosing, bodyLine };
}

/**
 * Most files are fine, and for them only the values matter: js-yaml (core schema, so
 * dates stay text) reads those several times faster. The slower parse that knows every
 * field's line runs only when something must be reported: a syntax error or a `lineOf`.
 */
function parseFrontMatterYaml(yamlText: string, firstLine: number): ParsedYaml {
  // Anchors and aliases go to the parse that refuses them (see parseYamlWithLines).
  if (yamlText.includes("*") || yamlText.includes("&")) return parseYamlWithLines(yamlText, firstLine);
  let value: unknown;
  try {
    value = load(yamlText, { schema: CORE_SCHEMA });
  } catch {
    return parseYamlWithLines(yamlText, firstLine);
  }
  if (value !== null && value !== undefined && !isPlainObject(value))
    return parseYamlWithLines(yamlText, firstLine);
  let withLines: ParsedYaml | undefined;
  return {
    data: (value ?? {}) as Record<string, unknown>,
    syntaxErrors: [],
    lineOf: (path) => {
      withLines ??= parseYamlWithLines(yamlText, firstLine);
      return withLines.lineOf(path);
    },
  };
}

export interface ParsedYaml {
  /** The parsed fields (plain JS values), or undefined when they did not parse to a map. */
  readonly data: Record<string, unknown> | undefined;
  /** The file line of a field, or of a nested value such as `image.alt`; line 1 when absent. */
  lineOf(path: readonly (string | number)[]): number;
  readonly syntaxErrors: readonly { line: number; message: string }[];
}

/** Parses YAML (or JSON, which is YAML) keeping each node's line; `firstLine` is its first line in the file. */
export function parseYamlWithLines(yamlText: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => firstLine - 1 + lineCounter.linePos(offset).line;
  const syntaxErrors = doc.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    message: describeYamlError(error.code, error.message),
  }));
  // An alias repeats a value by reference: no field needs one, and a few can stand for
  // billions of values (a "billion laughs" file). Refused before anything reads the values.
  visit(doc, {
    Alias(_key, node) {
      syntaxErrors.push({
        line: lineAt(node.range?.[0] ?? 0),
        message: `the front matter repeats a value with the YAML alias ${node.source ? `*${node.source}` : "*"}; write the value out instead`,
      });
      return visit.BREAK;
    },
  });
  let data: Record<string, unknown> | undefined;
  if (syntaxErrors.length === 0) {
    const value: unknown = doc.toJS();
    data = value === null || value === undefined ? {} : isPlainObject(value) ? value : undefined;
  }
  return {
    data,
    syntaxErrors:
      syntaxErrors.length === 0 && data === undefined
        ? [{ line: firstLine, message: "front matter must be `field: value` lines" }]
        : syntaxErrors,
    lineOf: (path) => {
      const offset = offsetOf(doc, path);
      return offset === undefined ? 1 : lineAt(offset);
    },
  };
}

function offsetOf(doc: Document, path: readonly (string | number)[]): number | undefined {
  // The line of a field is the line of its key; of a list item, the item itself.
  for (let depth = path.length; depth > 0; depth--) {
    const parentPath = path.slice(0, depth - 1);
    const key = path[depth - 1];
    const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      const keyNode = pair?.key;
      if (isScalar(keyNode) && keyNode.range) return keyNode.range[0];
    } else {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return node.range[0];
    }
  }
  return undefined;
}

function describeYamlError(code: string, message: string): string {
  const firstLine = message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? message;
  const hint =
    code === "DUPLICATE_KEY"
      ? "; each field may appear once"
      : code === "BAD_INDENT" || code === "MISSING_CHAR"
        ? "; check the indentation and quotes"
        : '; a value with `: ` or starting with a quote or bracket needs "double quotes" around it';
  return `the front matter is not valid YAML: ${firstLine}${hint}`;
}

function countLines(text: string): number {
  if (text === "") return 0;
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < text.length - 1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
