import { ARTICLES_COLLECTION } from "./editorNames.ts";

/**
 * A large archive's routes in the editor (src/output/admin/articleLists.ts): its lists are
 * the folders of a year or a month, and new articles are made in the hidden articles
 * collection, which lists nothing. Decap goes back to a collection's list after a save or a
 * delete: that shows the newest list instead (as Decap itself opens on it, the first one
 * not hidden).
 *
 * Decap's addresses are in the hash: `#/collections/<name>`. Returns the hash to go to
 * instead, or undefined to stay.
 */
export function redirectedRoute(hash: string, lists: readonly string[]): string | undefined {
  const [newest] = lists;
  if (newest === undefined) return undefined;
  if (new RegExp(`^#/collections/${ARTICLES_COLLECTION}/?(\\?.*)?$`).test(hash))
    return `#/collections/${newest}`;
  return undefined;
}

/** Keeps the editor's address off those routes: now, and whenever it changes. */
export function keepCollectionRoutes(page: Window, lists: readonly string[]): void {
  const follow = () => {
    const to = redirectedRoute(page.location.hash, lists);
    if (to !== undefined) page.location.replace(to);
  };
  follow();
  page.addEventListener("hashchange", follow);
}
