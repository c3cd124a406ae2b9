import type { Rows } from "./relatedRows.ts";

/**
 * Scoring and choosing: one article's related list from the index, and, for an article
 * that changed, which lists its new scores reach.
 *
 *   score = (text + TAG_WEIGHT * tags) * section * time
 *
 * - text, tags: the dot product of the two articles' text vectors, and of their tag
 *   vectors (relatedWeights.ts), found through the postings of the article's own terms
 *   and tags, so no article is compared with every other;
 * - section: SAME_SECTION for the same section, else SAME_TOP for the same top section;
 * - time: a decay with a half-life of HALF_LIFE_DAYS, floored at TIME_FLOOR, so that a
 *   follow-up within days outranks a year-old piece but an old strong match still shows.
 *
 * Every factor is symmetric: the score of a for b is the score of b for a. Equal scores go
 * newer first, then by URL. Candidates whose text and tags score below MIN_SCORE are
 * noise; when fewer than `count` pass, the list is filled with the same section's, then
 * the same top section's articles nearest in time.
 */

const TAG_WEIGHT = 0.5;
const SAME_SECTION = 1.2;
const SAME_TOP = 1.08;
const HALF_LIFE_DAYS = 10;
const TIME_FLOOR = 0.3;
const MIN_SCORE = 0.05;
const DAY_MS = 86_400_000;
/**
 * The same score summed from the other article's side can differ in its last bits; an
 * entry check lets this much through, and the list it lets through is then computed exactly.
 */
const SLACK = 1 - 1e-9;

/** Everything about the articles that scoring reads, by slot (a slot that holds no article is in no group or posting). */
export interface ScoringIndex {
  readonly slots: number;
  /** 1 for an article that related lists may show, 0 for one that only has a page (or no article). */
  readonly listed: Uint8Array;
  readonly time: Float64Array;
  readonly url: readonly string[];
  readonly section: Int32Array;
  readonly top: Int32Array;
  readonly textVectors: Rows<Float32Array>;
  readonly tagVectors: Rows<Float32Array>;
  /** Each term's and tag's articles and their weight in each. */
  readonly termPostings: Rows<Float32Array>;
  readonly tagPostings: Rows<Float32Array>;
  /** Per section and per top section: its articles newest first (then by URL), and each article's position. */
  readonly sectionGroups: readonly Int32Array[];
  readonly sectionPosition: Int32Array;
  readonly topGroups: readonly Int32Array[];
  readonly topPosition: Int32Array;
}

/**
 * One article's list, and what decides which change can alter it: `threshold`, the score a
 * new candidate must reach (0 while the scored part has room); `sectionReach` and
 * `topReach`, how far in time the fill looked in each group (-1: no fill; Infinity: the
 * group ran out), so that an article added or removed farther away changes nothing.
 */
export interface ComputedList {
  readonly ids: readonly number[];
  readonly threshold: number;
  readonly sectionReach: number;
  readonly topReach: number;
}

export interface ListMaker {
  list(doc: number): ComputedList;
  /** Calls `visit` with each article whose list `doc` (listed) may now enter: thresholds by slot. */
  entries(doc: number, threshold: Float64Array, visit: (other: number) => void): void;
}

export function listMaker(index: ScoringIndex, count: number): ListMaker {
  const { textVectors, termPostings, tagVectors, tagPostings, time, url, section, top, listed } = index;
  const score = new Float64Array(index.slots);
  const candidates = new Int32Array(index.slots);
  const chosen = new Int32Array(count);
  const chosenScore = new Float64Array(count);

  /** Whether `a` goes before `b` on an equal score: the newer, then the lower URL. */
  const before = (a: number, b: number) => {
    const ta = time[a] ?? 0;
    const tb = time[b] ?? 0;
    return ta !== tb ? ta > tb : (url[a] ?? "") < (url[b] ?? "");
  };

  const gatherRows = (
    rows: Rows<Float32Array>,
    postings: Rows<Float32Array>,
    doc: number,
    factor: number,
    onlyListed: boolean,
    found: number,
  ): number => {
    let total = found;
    for (let r = rows.offsets[doc] ?? 0; r < (rows.offsets[doc + 1] ?? 0); r++) {
      const key = rows.ids[r] ?? 0;
      const weight = factor * (rows.values[r] ?? 0);
      for (let p = postings.offsets[key] ?? 0; p < (postings.offsets[key + 1] ?? 0); p++) {
        const other = postings.ids[p] ?? 0;
        if (other === doc || (onlyListed && listed[other] === 0)) continue;
        if (score[other] === 0) candidates[total++] = other;
        score[other] = (score[other] ?? 0) + weight * (postings.values[p] ?? 0);
      }
    }
    return total;
  };
  /** Text and tag scores of `doc`'s candidates into `score`; how many candidates. */
  const gather = (doc: number, onlyListed: boolean) =>
    gatherRows(
      tagVectors,
      tagPostings,
      doc,
      TAG_WEIGHT,
      onlyListed,
      gatherRows(textVectors, termPostings, doc, 1, onlyListed, 0),
    );

  /** The whole score from the text and tag score. */
  const scoreOf = (doc: number, other: number, base: number) => {
    const days = Math.abs((time[doc] ?? 0) - (time[other] ?? 0)) / DAY_MS;
    const place = section[other] === section[doc] ? SAME_SECTION : top[other] === top[doc] ? SAME_TOP : 1;
    return base * place * (TIME_FLOOR + (1 - TIME_FLOOR) * 2 ** (-days / HALF_LIFE_DAYS));
  };

  return {
    list(doc) {
      if (count === 0) return { ids: [], threshold: 0, sectionReach: -1, topReach: -1 };
      const found = gather(doc, true);
      let kept = 0;
      for (let c = 0; c < found; c++) {
        const other = candidates[c] ?? 0;
        const base = score[other] ?? 0;
        score[other] = 0;
        if (base < MIN_SCORE) continue;
        const value = scoreOf(doc, other, base);
        // Keep the best `count`: higher score first, then newer, then by URL.
        if (
          kept === count &&
          (value < (chosenScore[kept - 1] ?? 0) ||
            (value === chosenScore[kept - 1] && !before(other, chosen[kept - 1] ?? 0)))
        )
          continue;
        let at = kept < count ? kept++ : kept - 1;
        while (at > 0) {
          const prevScore = chosenScore[at - 1] ?? 0;
          const prev = chosen[at - 1] ?? 0;
          if (prevScore > value || (prevScore === value && before(prev, other))) break;
          chosenScore[at] = prevScore;
          chosen[at] = prev;
          at--;
        }
        chosenScore[at] = value;
        chosen[at] = other;
      }
      const ids = Array.from(chosen.subarray(0, kept));
      const threshold = kept === count ? (chosenScore[count - 1] ?? 0) : 0;
      const sectionReach = fillNearest(
        ids,
        index.sectionGroups[section[doc] ?? 0],
        index.sectionPosition,
        doc,
      );
      const topReach = fillNearest(ids, index.topGroups[top[doc] ?? 0], index.topPosition, doc);
      return { ids, threshold, sectionReach, topReach };
    },

    entries(doc, threshold, visit) {
      const found = gather(doc, false);
      for (let c = 0; c < found; c++) {
        const other = candidates[c] ?? 0;
        const base = score[other] ?? 0;
        score[other] = 0;
        if (base < MIN_SCORE * SLACK) continue;
        if (scoreOf(other, doc, base) >= (threshold[other] ?? 0) * SLACK) visit(other);
      }
    },
  };

  /**
   * Adds the group's listed articles nearest in time to `doc` (the newer on a tie) until
   * `ids` has `count`; returns how far in time it looked (see ComputedList).
   */
  function fillNearest(
    ids: number[],
    group: Int32Array | undefined,
    position: Int32Array,
    doc: number,
  ): number {
    if (ids.length >= count) return -1;
    if (!group) return Number.POSITIVE_INFINITY;
    const when = time[doc] ?? 0;
    let newer = (position[doc] ?? 0) - 1;
    let older = (position[doc] ?? 0) + 1;
    let reach = 0;
    while (ids.length < count) {
      const a = newer >= 0 ? (group[newer] ?? 0) : -1;
      const b = older < group.length ? (group[older] ?? 0) : -1;
      if (a < 0 && b < 0) return Number.POSITIVE_INFINITY;
      let next: number;
      if (a >= 0 && (b < 0 || (time[a] ?? 0) - when <= when - (time[b] ?? 0))) {
        next = a;
        newer--;
      } else {
        next = b;
        older++;
      }
      reach = Math.abs((time[next] ?? 0) - when);
      if (listed[next] === 1 && !ids.includes(next)) ids.push(next);
    }
    return reach;
  }
}
