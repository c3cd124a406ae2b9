import type { Row, Rows } from "./relatedRows.ts";

/**
 * The weights of related news, made so that one article's change moves few of them. A
 * weight depends on the number of articles only through its *scale* (the power of two at
 * or above it) and on a term's or tag's document frequency only through its band (the
 * power of two at or below it): a term's weight changes when its frequency crosses a power
 * of two, every weight when the number of articles does. BM25 divides an article's length
 * by AVERAGE_LENGTH, a constant, not by the average of the day, which every article moves.
 */

const TOP_TERMS = 24;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Weighted words (headline words three times) of a news story of about 400 words, stop words out. */
const AVERAGE_LENGTH = 150;

/** The power of two at or above the number of articles (1 for none or one). */
export function scaleOf(articles: number): number {
  return articles < 2 ? 1 : 2 ** (32 - Math.clz32(articles - 1));
}

/** Terms and tags in more articles than this are too common to tell stories apart. */
function maxDocumentFrequency(scale: number): number {
  return Math.max(50, scale / 128);
}

/** IDF over bands: ln(scale / the geometric middle of the frequency's band), at least 0. */
export function rarity(documentFrequency: number, scale: number): number {
  const band = 2 ** (31 - Math.clz32(documentFrequency));
  const weight = Math.log(scale / (band * Math.SQRT2));
  return Math.max(weight, 0);
}

/**
 * A term's or tag's weight for matching: its rarity when two to maxDocumentFrequency
 * articles have it, else 0 (one article alone cannot match; a common one says nothing).
 */
export function matchWeight(documentFrequency: number, scale: number): number {
  if (documentFrequency < 2 || documentFrequency > maxDocumentFrequency(scale)) return 0;
  return rarity(documentFrequency, scale);
}

/**
 * Articles' text vectors: an article's top TOP_TERMS terms by BM25 weight, of unit length,
 * heaviest first (equal weights in the order the article first uses them). Each row is
 * valid until the next is asked for.
 */
export function textVectorOf(
  terms: Rows<Uint16Array>,
  length: Float64Array,
  weightOf: (term: number) => number,
): (slot: number) => Row {
  const ids = new Int32Array(TOP_TERMS);
  const weights = new Float64Array(TOP_TERMS);
  const values = new Float32Array(TOP_TERMS);
  return (slot) => {
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * (length[slot] ?? 0)) / AVERAGE_LENGTH);
    let kept = 0;
    for (let c = terms.offsets[slot] ?? 0; c < (terms.offsets[slot + 1] ?? 0); c++) {
      const id = terms.ids[c] ?? 0;
      const idf = weightOf(id);
      if (idf === 0) continue;
      const f = terms.values[c] ?? 0;
      const weight = (idf * f * (BM25_K1 + 1)) / (f + norm);
      if (kept === TOP_TERMS && weight <= (weights[kept - 1] ?? 0)) continue;
      let k = kept < TOP_TERMS ? kept++ : kept - 1;
      while (k > 0 && (weights[k - 1] ?? 0) < weight) {
        weights[k] = weights[k - 1] ?? 0;
        ids[k] = ids[k - 1] ?? 0;
        k--;
      }
      weights[k] = weight;
      ids[k] = id;
    }
    let sumSquares = 0;
    for (let k = 0; k < kept; k++) sumSquares += (weights[k] ?? 0) ** 2;
    const scale = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
    for (let k = 0; k < kept; k++) values[k] = (weights[k] ?? 0) * scale;
    return { ids, values, length: kept };
  };
}

/**
 * Articles' tag vectors: an article's tags that match (matchWeight above 0), each weighted
 * by rarity over the length of all its tags' rarities, so that a tag no other article has
 * makes a shared one weigh less. Tags in a fixed order (by slug), for the same sums.
 */
export function tagVectorOf(
  tags: Rows<Uint16Array>,
  frequency: Int32Array,
  scale: number,
): (slot: number) => Row {
  return (slot) => {
    const from = tags.offsets[slot] ?? 0;
    const to = tags.offsets[slot + 1] ?? 0;
    let sumSquares = 0;
    for (let p = from; p < to; p++) sumSquares += rarity(frequency[tags.ids[p] ?? 0] ?? 0, scale) ** 2;
    const norm = Math.sqrt(sumSquares);
    const ids: number[] = [];
    const values = new Float32Array(to - from);
    for (let p = from; p < to; p++) {
      const tag = tags.ids[p] ?? 0;
      const f = frequency[tag] ?? 0;
      if (matchWeight(f, scale) === 0) continue;
      values[ids.length] = rarity(f, scale) / norm;
      ids.push(tag);
    }
    return { ids, values, length: ids.length };
  };
}
