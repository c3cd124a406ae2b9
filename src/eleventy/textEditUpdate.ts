import type { Article } from "../article/article.ts";
import type { Problem } from "../content/problems.ts";
import { articleBodyHtml } from "../render/articleBody.ts";
import { archivePagesShowing, withArticlesReplaced } from "../site/replaceArticles.ts";
import type { Route } from "../site/routes.ts";
import type { TextEdits } from "../site/textEdits.ts";
import type { BuiltSite } from "./plugin.ts";

/**
 * The preview after edits to articles' text: the last build with the new bodies, and the
 * archive pages to write again (the edited articles' own and the listing pages they are
 * on). Milliseconds, where a full build of a large archive takes a minute.
 */
export async function updateForTextEdits(
  last: BuiltSite,
  edits: TextEdits,
  bodyWarnings: readonly Problem[],
): Promise<{
  readonly built: BuiltSite;
  /** The articles as they are now. */
  readonly edited: ReadonlySet<Article>;
  readonly archivePages: readonly Route[];
}> {
  const bodies = new Map(last.bodies);
  const edited = new Set<Article>(edits.values());
  for (const article of edited) {
    bodies.set(article.file, await articleBodyHtml(article, last.images, last.site.config.words.table));
  }
  const site = withArticlesReplaced(last.site, edits, bodyWarnings);
  return {
    built: { site, images: last.images, bodies },
    edited,
    archivePages: archivePagesShowing(site, edited),
  };
}
