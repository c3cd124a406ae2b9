import type { Article } from "../../domain/article.ts";
import { stripMarkdown, TermReader } from "./textTerms.ts";

/**
 * Related news: the articles an editor would list under a story. They are ranked by
 *
 *   score = (text + TAG_WEIGHT * tags) * section * time
 *
 * - text: cosine of the two articles' top TOP_TERMS terms by BM25 weight (Markdown
 *   stripped, stop words out, plurals and endings folded; headline words count
 *   HEADLINE_WEIGHT times, and words capitalized inside a body sentence, names most
 *   likely, NAME_WEIGHT times);
 * - tags: cosine of their tags weighted by rarity (IDF over tag slugs);
 * - section: SAME_SECTION for the same section, else SAME_TOP for the same top section;
 * - time: a decay with a half-life of HALF_LIFE_DAYS, floored at TIME_FLOOR, so that a
 *   follow-up within days outranks a year-old piece but an old strong match still shows.
 *
 * Equal scores go newer first, then by URL. Candidates whose text and tags score below
 * MIN_SCORE are noise; when fewer than `count` pass, the list is filled with the same
 * section's, then the same top section's articles nearest in time.
 *
 * No article is compared with every other. Each keeps only its top terms; terms and tags
 * in one article only or in more than maxDocumentFrequency(n) articles (too common to
 * tell stories apart) are not indexed; an article's candidates are gathered through the
 * postings of its own terms and tags only, and each candidate found is scored in full
 * (cheaper than keeping a shortlist to re-rank). The index is built once, on the first
 * lookup; each list is computed on its first lookup and kept.
 */

const TOP_TERMS = 24;
const HEADLINE_WEIGHT = 3;
const NAME_WEIGHT = 2;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const TAG_WEIGHT = 0.5;
const SAME_SECTION = 1.2;
const SAME_TOP = 1.08;
const HALF_LIFE_DAYS = 10;
const TIME_FLOOR = 0.3;
const MIN_SCORE = 0.05;
const DAY_MS = 86_400_000;

/** Terms and tags in more articles than this are not indexed. */
function maxDocumentFrequency(n: number): number {
  return Math.max(50, Math.ceil(n / 100));
}

/** Compressed rows: row `i` is `ids` and `weights` from `offsets[i]` up to `offsets[i + 1]`. */
interface Rows {
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly weights: Float32Array;
}

interface RelatedIndex {
  /** Articles by id: newest first, then by URL, so a lower id wins a tie. */
  readonly articles: readonly Article[];
  readonly idOf: ReadonlyMap<Article, number>;
  /** 1 for an article that related lists may show, 0 for one that only has a page. */
  readonly listed: Uint8Array;
  readonly time: Float64Array;
  readonly section: Int32Array;
  readonly top: Int32Array;
  /** Each article's top terms (term ids) and their weights, of unit length. */
  readonly docTerms: Rows;
  /** Each term's articles (ids, ascending) and the term's weight in each. */
  readonly termPostings: Rows;
  /** Each article's indexed tags, with weights IDF / the article's tag norm. */
  readonly docTags: Rows;
  readonly tagPostings: Rows;
  /** Per section and per top section: article ids newest first, and each article's position. */
  readonly sectionLists: readonly Int32Array[];
  readonly sectionPosition: Int32Array;
  readonly topLists: readonly Int32Array[];
  readonly topPosition: Int32Array;
}

/**
 * Related news: up to `count` of `articles` (the site's published set) for each article
 * in `articles` or `pages` (articles that keep a page without being listed, such as
 * expired ones), never the article itself. Any other article has none.
 */
export function buildRelatedEngine(
  articles: readonly Article[],
  count: number,
  pages: readonly Article[] = [],
  terms: RelatedTerms = relatedTerms(),
): (article: Article) => readonly Article[] {
  let index: RelatedIndex | undefined;
  let lists: (readonly Article[] | undefined)[] = [];
  let query: ((id: number) => readonly Article[]) | undefined;
  return (article) => {
    if (!index) {
      index = buildIndex(articles, pages, terms);
      lists = new Array(index.articles.length);
      query = makeQuery(index, count);
    }
    const id = index.idOf.get(article);
    if (id === undefined || !query) return [];
    let list = lists[id];
    if (!list) {
      list = query(id);
      lists[id] = list;
    }
    return list;
  };
}

/**
 * What reading an article's text for related news gives, kept from build to build while
 * the article is the same object (its file unchanged): its terms in order of first use
 * (ids of the shared term table), their weighted counts, and its weighted length.
 */
interface ArticleTerms {
  readonly ids: Int32Array;
  readonly counts: Uint16Array;
  readonly length: number;
}

/** The term table and each article's terms: passed from one build to the next by the pipeline. */
export interface RelatedTerms {
  readonly reader: TermReader;
  readonly byArticle: WeakMap<Article, ArticleTerms>;
}

export function relatedTerms(): RelatedTerms {
  return { reader: new TermReader(), byArticle: new WeakMap() };
}

function buildIndex(
  listed: readonly Article[],
  pages: readonly Article[],
  terms: RelatedTerms,
): RelatedIndex {
  // Ids newest first, equal times by URL (as newestFirst, with each time read once).
  const unique = [...new Set([...listed, ...pages])];
  const times = Float64Array.from(unique, (article) => article.date.toMillis());
  const order = unique.map((_, i) => i);
  order.sort((a, b) => {
    const newer = (times[b] ?? 0) - (times[a] ?? 0);
    if (newer !== 0) return newer;
    const urlA = unique[a]?.url ?? "";
    const urlB = unique[b]?.url ?? "";
    return urlA < urlB ? -1 : urlA > urlB ? 1 : 0;
  });
  const articles = order.map((i) => unique[i] as Article);
  const candidates = new Set(listed);
  const n = articles.length;
  const maxDf = maxDocumentFrequency(n);

  // Pass 1, over the text: each article's terms with their counts (headline words count
  // HEADLINE_WEIGHT times, names in the body NAME_WEIGHT times), each term's document
  // frequency, each article's length. Terms are ids of the shared table (TermReader), not
  // strings; an article read by an earlier build is not read again. Term ids only index
  // arrays, so their values (which depend on what earlier builds read) change nothing.
  const { reader } = terms;
  const df: number[] = [];
  const tf: number[] = [];
  const touched: number[] = [];
  let words = 0;
  const see = (weight: number, name: number) => (id: number, capitalized: boolean) => {
    while (tf.length <= id) tf.push(0);
    words += weight;
    if (tf[id] === 0) touched.push(id);
    tf[id] = (tf[id] ?? 0) + (capitalized ? weight * name : weight);
  };
  // Headlines are often in title case: capitals there say nothing.
  const seeHeadline = see(HEADLINE_WEIGHT, 1);
  const seeBody = see(1, NAME_WEIGHT);
  const read = (article: Article): ArticleTerms => {
    words = 0;
    reader.read(stripMarkdown(article.headline), seeHeadline);
    reader.read(stripMarkdown(article.body), seeBody);
    const counts = Uint16Array.from(touched, (id) => Math.min(65_535, tf[id] ?? 0));
    const ids = Int32Array.from(touched);
    for (const id of touched) tf[id] = 0;
    touched.length = 0;
    return { ids, counts, length: words };
  };
  const docs = articles.map((article) => {
    let entry = terms.byArticle.get(article);
    if (!entry) {
      entry = read(article);
      terms.byArticle.set(article, entry);
    }
    for (const id of entry.ids) {
      while (df.length <= id) df.push(0);
      df[id] = (df[id] ?? 0) + 1;
    }
    return entry;
  });
  const length = Float64Array.from(docs, (doc) => doc.length);
  const averageLength = length.reduce((sum, value) => sum + value, 0) / Math.max(1, n) || 1;
  // A term that one article alone has cannot match; one that every article has says nothing.
  const idf = Float64Array.from(df, (f) => (f >= 2 && f <= maxDf && f < n ? Math.log(n / f) : 0));

  // Pass 2, over the counts: each article's BM25 weights, of which it keeps its top TOP_TERMS.
  const docTermOffsets = new Int32Array(n + 1);
  const docTermIds = new Int32Array(n * TOP_TERMS);
  const docTermWeights = new Float32Array(n * TOP_TERMS);
  let filled = 0;
  const topIds = new Int32Array(TOP_TERMS);
  const topWeights = new Float64Array(TOP_TERMS);
  for (let doc = 0; doc < n; doc++) {
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * (length[doc] ?? 0)) / averageLength);
    let kept = 0;
    const entry = docs[doc] as ArticleTerms;
    for (let c = 0; c < entry.ids.length; c++) {
      const id = entry.ids[c] ?? 0;
      const f = entry.counts[c] ?? 0;
      if (idf[id] === 0) continue;
      const weight = ((idf[id] ?? 0) * f * (BM25_K1 + 1)) / (f + norm);
      // Insert into the top list, heaviest first; equal weights keep the order of first use.
      if (kept === TOP_TERMS && weight <= (topWeights[kept - 1] ?? 0)) continue;
      let at = kept < TOP_TERMS ? kept++ : kept - 1;
      while (at > 0 && (topWeights[at - 1] ?? 0) < weight) {
        topWeights[at] = topWeights[at - 1] ?? 0;
        topIds[at] = topIds[at - 1] ?? 0;
        at--;
      }
      topWeights[at] = weight;
      topIds[at] = id;
    }
    let sumSquares = 0;
    for (let k = 0; k < kept; k++) sumSquares += (topWeights[k] ?? 0) ** 2;
    const scale = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
    for (let k = 0; k < kept; k++) {
      docTermIds[filled] = topIds[k] ?? 0;
      docTermWeights[filled] = (topWeights[k] ?? 0) * scale;
      filled++;
    }
    docTermOffsets[doc + 1] = filled;
  }
  const docTerms: Rows = {
    offsets: docTermOffsets,
    ids: docTermIds.slice(0, filled),
    weights: docTermWeights.slice(0, filled),
  };

  // Tags: ids by slug, weighted by IDF, each article's tag vector of unit length.
  const tagIds = new Map<string, number>();
  const tagDf: number[] = [];
  const articleTags = articles.map((article) => {
    const ids: number[] = [];
    for (const tag of article.tags) {
      let id = tagIds.get(tag.slug);
      if (id === undefined) {
        id = tagDf.length;
        tagIds.set(tag.slug, id);
        tagDf.push(0);
      }
      if (!ids.includes(id)) {
        ids.push(id);
        tagDf[id] = (tagDf[id] ?? 0) + 1;
      }
    }
    return ids.sort((a, b) => a - b);
  });
  // Every tag counts in an article's norm (a tag no other article has makes a shared one
  // weigh less), but only tags that two to maxDf articles share are indexed.
  const tagIdf = tagDf.map((f) => (f < n ? Math.log(n / f) : 0));
  const docTagOffsets = new Int32Array(n + 1);
  const docTagIds: number[] = [];
  const docTagWeights: number[] = [];
  articleTags.forEach((ids, doc) => {
    const norm = Math.sqrt(ids.reduce((sum, id) => sum + (tagIdf[id] ?? 0) ** 2, 0));
    for (const id of ids) {
      const f = tagDf[id] ?? 0;
      if (f < 2 || f > maxDf || f >= n) continue;
      docTagIds.push(id);
      docTagWeights.push((tagIdf[id] ?? 0) / norm);
    }
    docTagOffsets[doc + 1] = docTagIds.length;
  });
  const docTags: Rows = {
    offsets: docTagOffsets,
    ids: Int32Array.from(docTagIds),
    weights: Float32Array.from(docTagWeights),
  };

  const sectionIds = new Map<string, number>();
  const topIdsBySlug = new Map<string, number>();
  const idOfSlug = (map: Map<string, number>, slug: string) => {
    let id = map.get(slug);
    if (id === undefined) {
      id = map.size;
      map.set(slug, id);
    }
    return id;
  };
  const section = Int32Array.from(articles, (a) => idOfSlug(sectionIds, a.section.slug));
  const top = Int32Array.from(articles, (a) => idOfSlug(topIdsBySlug, a.section.parent.slug));
  const [sectionLists, sectionPosition] = groupLists(section, sectionIds.size);
  const [topLists, topPosition] = groupLists(top, topIdsBySlug.size);

  return {
    articles,
    idOf: new Map(articles.map((article, id) => [article, id])),
    listed: Uint8Array.from(articles, (article) => (candidates.has(article) ? 1 : 0)),
    time: Float64Array.from(order, (i) => times[i] ?? 0),
    section,
    top,
    docTerms,
    termPostings: invert(docTerms, df.length),
    docTags,
    tagPostings: invert(docTags, tagDf.length),
    sectionLists,
    sectionPosition,
    topLists,
    topPosition,
  };
}

/** Turns article -> (key, weight) rows into key -> (article, weight) rows, articles ascending. */
function invert(rows: Rows, keys: number): Rows {
  const offsets = new Int32Array(keys + 1);
  for (const key of rows.ids) offsets[key + 1] = (offsets[key + 1] ?? 0) + 1;
  for (let key = 0; key < keys; key++) offsets[key + 1] = (offsets[key + 1] ?? 0) + (offsets[key] ?? 0);
  const next = offsets.slice(0, keys);
  const ids = new Int32Array(rows.ids.length);
  const weights = new Float32Array(rows.ids.length);
  const articles = rows.offsets.length - 1;
  for (let doc = 0; doc < articles; doc++) {
    for (let p = rows.offsets[doc] ?? 0; p < (rows.offsets[doc + 1] ?? 0); p++) {
      const key = rows.ids[p] ?? 0;
      const at = next[key] ?? 0;
      next[key] = at + 1;
      ids[at] = doc;
      weights[at] = rows.weights[p] ?? 0;
    }
  }
  return { offsets, ids, weights };
}

/** For each group: its article ids in id order (newest first), and each article's position in its group. */
function groupLists(groupOf: Int32Array, groups: number): [Int32Array[], Int32Array] {
  const members: number[][] = Array.from({ length: groups }, () => []);
  const position = new Int32Array(groupOf.length);
  groupOf.forEach((group, doc) => {
    const list = members[group] as number[];
    position[doc] = list.length;
    list.push(doc);
  });
  return [members.map((list) => Int32Array.from(list)), position];
}

function makeQuery(index: RelatedIndex, count: number): (id: number) => readonly Article[] {
  const { docTerms, termPostings, docTags, tagPostings, time, section, top, listed } = index;
  const n = index.articles.length;
  const score = new Float64Array(n);
  const candidates = new Int32Array(n);
  const chosen = new Int32Array(count);
  const chosenScore = new Float64Array(count);

  const gather = (rows: Rows, postings: Rows, doc: number, factor: number, found: number): number => {
    let total = found;
    for (let r = rows.offsets[doc] ?? 0; r < (rows.offsets[doc + 1] ?? 0); r++) {
      const key = rows.ids[r] ?? 0;
      const weight = factor * (rows.weights[r] ?? 0);
      for (let p = postings.offsets[key] ?? 0; p < (postings.offsets[key + 1] ?? 0); p++) {
        const other = postings.ids[p] ?? 0;
        if (other === doc || listed[other] === 0) continue;
        if (score[other] === 0) candidates[total++] = other;
        score[other] = (score[other] ?? 0) + weight * (postings.weights[p] ?? 0);
      }
    }
    return total;
  };

  return (doc) => {
    if (count === 0) return [];
    let found = gather(docTerms, termPostings, doc, 1, 0);
    found = gather(docTags, tagPostings, doc, TAG_WEIGHT, found);
    const when = time[doc] ?? 0;
    let kept = 0;
    for (let c = 0; c < found; c++) {
      const other = candidates[c] ?? 0;
      const base = score[other] ?? 0;
      score[other] = 0;
      if (base < MIN_SCORE) continue;
      const days = Math.abs(when - (time[other] ?? 0)) / DAY_MS;
      const place = section[other] === section[doc] ? SAME_SECTION : top[other] === top[doc] ? SAME_TOP : 1;
      const value = base * place * (TIME_FLOOR + (1 - TIME_FLOOR) * 2 ** (-days / HALF_LIFE_DAYS));
      // Keep the best `count`: higher score first, then the lower id (newer, then by URL).
      const last = chosen[kept - 1] ?? 0;
      const lastScore = chosenScore[kept - 1] ?? 0;
      if (kept === count && (value < lastScore || (value === lastScore && other > last))) continue;
      let at = kept < count ? kept++ : kept - 1;
      while (at > 0) {
        const prevScore = chosenScore[at - 1] ?? 0;
        const prev = chosen[at - 1] ?? 0;
        if (prevScore > value || (prevScore === value && prev < other)) break;
        chosenScore[at] = prevScore;
        chosen[at] = prev;
        at--;
      }
      chosenScore[at] = value;
      chosen[at] = other;
    }
    const ids = Array.from(chosen.subarray(0, kept));
    if (ids.length < count) fillNearest(index.sectionLists[section[doc] ?? 0], index.sectionPosition, doc);
    if (ids.length < count) fillNearest(index.topLists[top[doc] ?? 0], index.topPosition, doc);
    return ids.map((id) => index.articles[id] as Article);

    /** Adds the group's articles nearest in time to `doc` (the newer on a tie) until the list is full. */
    function fillNearest(list: Int32Array | undefined, position: Int32Array, doc: number) {
      if (!list) return;
      let newer = (position[doc] ?? 0) - 1;
      let older = (position[doc] ?? 0) + 1;
      while (ids.length < count && (newer >= 0 || older < list.length)) {
        const a = newer >= 0 ? (list[newer] ?? 0) : -1;
        const b = older < list.length ? (list[older] ?? 0) : -1;
        let next: number;
        if (a >= 0 && (b < 0 || (time[a] ?? 0) - when <= when - (time[b] ?? 0))) {
          next = a;
          newer--;
        } else {
          next = b;
          older++;
        }
        if (listed[next] === 1 && !ids.includes(next)) ids.push(next);
      }
    }
  };
}
