import { DateTime } from "luxon";
import { ARTICLES_COLLECTION } from "../../../layouts/admin/editorNames.ts";

/**
 * How the web editor lists a large archive. Decap CMS reads every file of a collection's
 * folder before it shows the list (and on GitHub, fetches each one through the API), and it
 * slows past about a thousand entries (decap-cms #3952): at 10,000 articles the list took
 * 7 s to appear. So past LIST_LIMIT articles the archive is listed by year, and a year with
 * more than LIST_LIMIT articles by month, each a collection of its own folder, newest first;
 * new articles are made in one collection that lists nothing (decapConfig.ts).
 *
 * Made from the article files' folders, never their dates: a collection lists a folder, and
 * the files are where `npm run new` and the editor put them (`articles/<yyyy>/<MM>/`).
 * Files elsewhere in articles/ are in no list, as the one collection of a small site lists
 * only that depth too.
 */

/** Past this many articles, the archive is split (decap-cms #3952). */
export const LIST_LIMIT = 1000;

/** One collection of the split archive: a year's or a month's folder. */
export interface ArticleList {
  /**
   * A year split by month is still a collection, out of the sidebar: an article under review
   * is kept by the collection it was opened in (Decap's branch `cms/<collection>/<slug>`),
   * and would vanish from the Workflow tab with its collection when the year passes the limit.
   */
  readonly hidden: boolean;
  /** The collection's name: `articles-2026-11`, `articles-2019`. */
  readonly name: string;
  /** As the editor's sidebar shows it: `November 2026`, `2019`. */
  readonly label: string;
  /** The folder under articles/: `2026/11`, `2019`. */
  readonly folder: string;
  /** How deep its files are under that folder: 1 in a month, 2 in a year (`<MM>/<slug>.md`). */
  readonly depth: 1 | 2;
}

/** `articles/<yyyy>/<MM>/<slug>.md`, where articles are kept. */
const KEPT = /^articles\/(\d{4})\/(0[1-9]|1[0-2])\/[^/]+\.md$/;

/**
 * The lists of a split archive, newest first, from the content's file ids
 * (`articles/2026/11/x.md`); none when the archive is small enough for one list.
 */
export function articleLists(files: Iterable<string>): ArticleList[] {
  const byYear = new Map<string, Map<string, number>>();
  let count = 0;
  for (const file of files) {
    const kept = KEPT.exec(file);
    if (!kept) continue;
    const [, year = "", month = ""] = kept;
    const months = byYear.get(year) ?? new Map<string, number>();
    months.set(month, (months.get(month) ?? 0) + 1);
    byYear.set(year, months);
    count++;
  }
  if (count <= LIST_LIMIT) return [];
  const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return [...byYear.keys()].sort(newestFirst).flatMap((year): ArticleList[] => {
    const months = byYear.get(year) ?? new Map<string, number>();
    const total = [...months.values()].reduce((sum, n) => sum + n, 0);
    const wholeYear = {
      name: `${ARTICLES_COLLECTION}-${year}`,
      label: year,
      folder: year,
      depth: 2,
    } as const;
    if (total <= LIST_LIMIT) return [{ ...wholeYear, hidden: false }];
    return [
      ...[...months.keys()].sort(newestFirst).map((month) => ({
        name: `${ARTICLES_COLLECTION}-${year}-${month}`,
        label: DateTime.fromObject({ year: Number(year), month: Number(month) }, { locale: "en" }).toFormat(
          "LLLL yyyy",
        ),
        folder: `${year}/${month}`,
        depth: 1 as const,
        hidden: false,
      })),
      { ...wholeYear, hidden: true },
    ];
  });
}
