import type { Article } from "../article/article.ts";

/**
 * Related news, first version: the same section, nearest in time. One index (each
 * article's position in its section's list) makes every lookup O(count).
 */
export function relatedBySectionAndTime(
  sectionLists: ReadonlyMap<unknown, readonly Article[]>,
  count: number,
): (article: Article) => readonly Article[] {
  const position = new Map<Article, number>();
  for (const [section, list] of sectionLists) {
    list.forEach((article, index) => {
      if (article.section === section) position.set(article, index);
    });
  }
  return (article) => {
    const list = sectionLists.get(article.section);
    const index = position.get(article);
    if (!list || index === undefined) return [];
    const related: Article[] = [];
    const time = article.date.toMillis();
    let before = index - 1;
    let after = index + 1;
    while (related.length < count && (before >= 0 || after < list.length)) {
      const newer = list[before];
      const older = list[after];
      // Take whichever neighbour is closer in time; the newer one on a tie.
      if (newer && (!older || newer.date.toMillis() - time <= time - older.date.toMillis())) {
        related.push(newer);
        before--;
      } else if (older) {
        related.push(older);
        after++;
      }
    }
    return related;
  };
}
