import type { Article } from "../../domain/article.ts";
import { markMovedWeights, TagTable, termCounter, updateFeatures } from "./relatedFeatures.ts";
import { type ComputedList, listMaker } from "./relatedLists.ts";
import { emptyMemory, type ListFacts, MEMORY_FORMAT, type RelatedMemory } from "./relatedMemory.ts";
import { reachedLists, scoringIndex } from "./relatedReach.ts";
import { grownArray, NO_ROW, rebuildRows, sameRows } from "./relatedRows.ts";
import { placeArticles } from "./relatedSlots.ts";
import { matchWeight, rarity, scaleOf, tagVectorOf, textVectorOf } from "./relatedWeights.ts";
import { TermReader } from "./textTerms.ts";

/**
 * Related news: the articles an editor would list under a story. How they are scored and
 * chosen is in relatedLists.ts, how terms and tags are weighted in relatedWeights.ts. Each
 * list is a pure function of the articles: the same articles give the same lists, whatever
 * the builds before.
 *
 * What a build computes again depends on what changed since the memory it is given (an
 * article is the same while its file and version are):
 * - the terms of new and changed articles only (reading text is the expensive part);
 * - the vectors of articles whose text or tags changed, or that have a term or tag whose
 *   document frequency crossed a power of two (so that its weight moved);
 * - the lists that a change can reach (relatedReach.ts);
 * - every vector and list when the number of articles crosses a power of two (the scale
 *   of the weights), and every list when `count` changes.
 */

export interface RelatedInput {
  /** The articles lists may show (the site's published set). */
  readonly listed: readonly Article[];
  /** Articles with a page, and so a list, that no list shows (expired ones); may repeat `listed`. */
  readonly pages: readonly Article[];
  readonly count: number;
}

export interface RelatedNews {
  /** Up to `count` listed articles for an article of the input, never itself; none for any other. */
  readonly related: (article: Article) => readonly Article[];
  /** What the next build passes back, to compute only what its changes reach. */
  readonly memory: RelatedMemory;
  /** How many lists this run computed; the others are the memory's. */
  readonly recomputed: number;
}

export type { RelatedMemory } from "./relatedMemory.ts";

export function relatedNews(input: RelatedInput, previous?: RelatedMemory): RelatedNews {
  const { count } = input;
  const old = previous?.format === MEMORY_FORMAT ? previous : emptyMemory(count);
  const was = old.articles;
  const placement = placeArticles(was, input.listed, input.pages);
  const { slots, slotOf, article, removed, facts } = placement;
  const present = [...slotOf.values()];

  // Features of new texts (a version is the whole file: the same version, the same terms
  // and tags); a removed article's go, unless a new one took its slot.
  const unread = new Uint8Array(slots);
  for (const slot of [...placement.unread, ...removed]) unread[slot] = 1;
  const reader = placement.unread.length > 0 ? new TermReader(old.terms) : undefined;
  const termsOf = reader && termCounter(reader);
  const terms = reader ? reader.terms : old.terms;
  const length = grownArray(was.length, slots);
  const termUpdate = updateFeatures(
    was.terms,
    old.termFrequency,
    slots,
    unread,
    (slot) => {
      const a = article[slot];
      const read = a && termsOf?.(a);
      length[slot] = read?.length ?? 0;
      return read?.row ?? NO_ROW;
    },
    () => terms.length,
  );
  const tagTable = new TagTable(old.tags);
  const tagUpdate = updateFeatures(
    was.tags,
    old.tagFrequency,
    slots,
    unread,
    (slot) => {
      const a = article[slot];
      return a ? tagTable.rowOf(a) : NO_ROW;
    },
    () => tagTable.names.length,
  );

  // Vectors: all of them at a new scale, else those whose features or features' weights moved.
  const scale = scaleOf(present.length);
  const reweighAll = scale !== old.scale;
  const termWeight = (frequency: number) => matchWeight(frequency, scale);
  // A tag's rarity counts in the vector of every article with it, and it matches or not:
  // one number that changes when either does (a matching tag's rarity is above 0).
  const tagWeight = (frequency: number) =>
    matchWeight(frequency, scale) > 0 ? rarity(frequency, scale) : -1 - rarity(frequency, scale);
  const reweigh = new Uint8Array(slots);
  if (reweighAll) reweigh.fill(1);
  else {
    reweigh.set(unread);
    markMovedWeights(termUpdate, old.termFrequency, termWeight, reweigh);
    markMovedWeights(tagUpdate, old.tagFrequency, tagWeight, reweigh);
  }
  const textVectors = rebuildRows(
    old.textVectors,
    slots,
    reweigh,
    textVectorOf(termUpdate.rows, length, (id) => termWeight(termUpdate.frequency[id] ?? 0)),
    float32,
  );
  const tagVectors = rebuildRows(
    old.tagVectors,
    slots,
    reweigh,
    tagVectorOf(tagUpdate.rows, tagUpdate.frequency, scale),
    float32,
  );

  /** Slots whose article changed in a way a list can see: its place, or its vectors. */
  const changedSlots = () => {
    const changed = [...placement.placed];
    const isPlaced = new Uint8Array(slots);
    for (const slot of changed) isPlaced[slot] = 1;
    for (let slot = 0; slot < slots; slot++) {
      if (reweigh[slot] !== 1 || isPlaced[slot] === 1) continue;
      const same =
        slot < was.file.length &&
        sameRows(textVectors, slot, old.textVectors, slot) &&
        sameRows(tagVectors, slot, old.tagVectors, slot);
      if (!same) changed.push(slot);
    }
    return changed;
  };

  const allFacts = { ...facts, terms: termUpdate.rows, tags: tagUpdate.rows, length };
  const maker = listMaker(
    scoringIndex(facts, textVectors, tagVectors, terms.length, tagTable.names.length),
    count,
  );
  const lists: ListFacts = {
    ids: grownArray(old.count === count ? old.lists.ids : new Int32Array(0), slots * count, -1),
    threshold: grownArray(old.lists.threshold, slots),
    sectionReach: grownArray(old.lists.sectionReach, slots, -1),
    topReach: grownArray(old.lists.topReach, slots, -1),
  };
  const dirty =
    reweighAll || count !== old.count
      ? present
      : reachedLists(old, facts, changedSlots(), placement.placed, maker);
  for (const slot of removed) store(lists, slot, count, NO_LIST);
  let recomputed = 0;
  for (const slot of dirty) {
    if (article[slot] === undefined) continue;
    store(lists, slot, count, maker.list(slot));
    recomputed++;
  }

  return {
    related: (a) => {
      const slot = slotOf.get(a);
      if (slot === undefined) return [];
      const chosen: Article[] = [];
      for (let k = slot * count; k < (slot + 1) * count; k++) {
        const other = article[lists.ids[k] ?? -1];
        if (other) chosen.push(other);
      }
      return chosen;
    },
    memory: {
      format: MEMORY_FORMAT,
      count,
      scale,
      terms,
      termFrequency: termUpdate.frequency,
      tags: tagTable.names,
      tagFrequency: tagUpdate.frequency,
      articles: allFacts,
      textVectors,
      tagVectors,
      lists,
    },
    recomputed,
  };
}

const float32 = (length: number) => new Float32Array(length);

const NO_LIST: ComputedList = { ids: [], threshold: 0, sectionReach: -1, topReach: -1 };

function store(lists: ListFacts, slot: number, count: number, list: ComputedList): void {
  for (let k = 0; k < count; k++) lists.ids[slot * count + k] = list.ids[k] ?? -1;
  lists.threshold[slot] = list.threshold;
  lists.sectionReach[slot] = list.sectionReach;
  lists.topReach[slot] = list.topReach;
}
