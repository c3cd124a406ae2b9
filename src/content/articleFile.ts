import type { DateTime } from "luxon";
import { Document, isMap, isSeq, visit } from "yaml";
import { headlineSlug } from "../domain/slugs.ts";

/**
 * An article file written from its fields, in the house style the editors' guide shows:
 * YAML written by the yaml package (so any value is quoted as it needs, and dates stay
 * text), lists of words and nested groups on one line each (`tags: [rare earths, Baotou]`,
 * `image: { src: ..., alt: ... }`), a list of groups one line per item. `npm run new` and
 * the web editor write files with it, so both write what an editor would type.
 */
export function articleFileText(fields: Readonly<Record<string, unknown>>, body: string): string {
  const doc = new Document(fields);
  visit(doc, {
    Map(_key, node, path) {
      // Every group below the top level, on its own line.
      if (path.length > 1) node.flow = true;
    },
    Seq(_key, node) {
      node.flow = !node.items.some((item) => isMap(item) || isSeq(item));
    },
  });
  const yaml =
    Object.keys(fields).length === 0 ? "" : doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n${body}`;
}

/**
 * Where a new article goes inside `articles/`, as the sample keeps them: `<yyyy>/<MM>/<slug>.md`,
 * the year and month of its date in the site's zone, the slug its own `slug:` or its headline's.
 */
export function newArticleId(date: DateTime, slug: string | undefined, headline: string): string {
  return `${date.toFormat("yyyy")}/${date.toFormat("MM")}/${slug ?? headlineSlug(headline)}.md`;
}
