import { articleFileText } from "../../src/content/articleFile.ts";
import { articleFrontMatterSchema } from "../../src/content/frontMatter.ts";
import { readFrontMatterBlock } from "../../src/content/frontMatterBlock.ts";
import type { EntryData, FileFormat } from "./decap.ts";
import { EDITOR_ONLY_PREFIX } from "./newFilePath.ts";

/**
 * An article file as the web editor reads and writes it: read by newsdesk's own reader (so
 * the editor sees the fields the build sees, dates as text), written in the house style
 * `npm run new` writes (src/content/articleFile.ts). Decap's own front-matter format would
 * parse and write the YAML its own way.
 *
 * Between the file and the form, two things change shape, and change back, so a file opened
 * and saved stays as it was:
 * - `correction:` as text (one correction) is, in the form, a list of one correction without
 *   a date; the form has no widget for "text or a list" (src/output/admin/decapConfig.ts);
 * - fields left empty in the form (Decap keeps "" and empty lists for fields touched and
 *   cleared) are not written, as an editor would not write them.
 */
export const articleFormat: FileFormat = {
  fromFile(text) {
    const block = readFrontMatterBlock(text);
    if (!block?.data || block.syntaxErrors.length > 0) return { [UNREADABLE]: text };
    const { correction, ...fields } = block.data;
    return {
      ...fields,
      ...(typeof correction === "string"
        ? { correction: [{ text: correction }] }
        : correction === undefined
          ? {}
          : { correction }),
      body: block.body,
    };
  },
  toFile(data) {
    const unreadable = data[UNREADABLE];
    // Never written from the form: the form never held its fields.
    if (typeof unreadable === "string") throw new Error(UNREADABLE_MESSAGE);
    const { body, correction, ...fields } = data;
    // A form left empty is a file without fields (which the check then names one by one).
    const written = (withoutEmpty({ ...fields, correction: correctionForFile(correction) }) ??
      {}) as EntryData;
    return articleFileText(inContractOrder(written), typeof body === "string" ? body : "");
  },
};

/**
 * The fields in the contract's order (headline, date, section, ...), as `npm run new`
 * writes them: the form hands them over in the order they were first typed in.
 */
function inContractOrder(fields: EntryData): EntryData {
  const order = Object.keys(articleFrontMatterSchema.shape);
  const rank = (key: string) => {
    const at = order.indexOf(key);
    return at === -1 ? order.length : at;
  };
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The key under which a file the reader could not read keeps its text, so nothing writes over it. */
export const UNREADABLE = `${EDITOR_ONLY_PREFIX}unreadable`;
export const UNREADABLE_MESSAGE =
  "front matter: this file's fields cannot be read (run npm run check for the line); fix it in a text editor: the web editor will not write over it";

/** One correction without a date is the text form; otherwise the dated list. */
function correctionForFile(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const items = withoutEmpty(value);
  if (!Array.isArray(items) || items.length !== 1) return items;
  const [only] = items as Record<string, unknown>[];
  return only && Object.keys(only).length === 1 && typeof only.text === "string" ? only.text : items;
}

/**
 * The value without what the form leaves empty: "", null, empty lists and groups, and the
 * editor's own keys. Undefined when nothing is left; `false` and `0` are values.
 */
function withoutEmpty(value: unknown): unknown {
  if (value === null || value === undefined || value === "") return undefined;
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([key]) => !key.startsWith(EDITOR_ONLY_PREFIX))
      .map(([key, inner]) => [key, withoutEmpty(inner)] as const)
      .filter(([, inner]) => inner !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}
