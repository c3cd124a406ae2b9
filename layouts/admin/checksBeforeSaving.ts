import { DateTime } from "luxon";
import { parseEditorDate } from "../../src/domain/dates.ts";
import type { SectionTree } from "../../src/domain/section.ts";
import { checkEntry, describeProblem } from "./articleCheck.ts";
import type { Entry, ImmutableValue } from "./decap.ts";
import { ARTICLES_COLLECTION } from "./editorNames.ts";
import type { EditorSettings } from "./editorSettings.ts";
import { newFileData } from "./newFilePath.ts";

/**
 * Decap's `preSave` event: the entry is checked as `npm run check` checks its file
 * (articleCheck.ts) and not saved while it has errors: the save fails with them, one line
 * each, in the check's words. A new article then gets where its file goes (newFilePath.ts).
 */
export function checksBeforeSaving(settings: EditorSettings, tree: SectionTree) {
  return ({ entry }: { readonly entry: Entry }): ImmutableValue | undefined => {
    const check = checkEntry(entry, settings, tree, DateTime.now());
    const errors = check.problems.filter((problem) => problem.severity === "error");
    if (errors.length > 0) throw new NotSaved(errors.map(describeProblem));
    if (!entry.get("newRecord")) return undefined;
    // A large archive's lists are folders of a year or a month and make no articles: a new
    // one is made in the articles collection, which places it by its date.
    if (entry.get("collection") !== ARTICLES_COLLECTION)
      throw new NotSaved(["a new article is made with Quick add, then Article"]);
    const data = entry.get("data");
    const date = parseEditorDate(String(data.get("date")), settings.config.timeZone);
    if (!date.ok) throw new NotSaved([`date: ${date.message}`]);
    const slug = data.get("slug");
    let withPath = data;
    const parts = newFileData(
      date.date,
      typeof slug === "string" && slug ? slug : undefined,
      String(data.get("headline")),
    );
    for (const [key, value] of Object.entries(parts)) withPath = withPath.set(key, value);
    return withPath;
  };
}

/** A save refused: Decap shows the message after its own words ("Not saved: ..."). */
class NotSaved extends Error {
  constructor(lines: readonly string[]) {
    super(lines.join("; "));
    // Decap shows `String(error)`: without a name, that is the message alone.
    this.name = "";
  }
}
