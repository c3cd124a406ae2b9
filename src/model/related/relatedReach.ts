import type { ListMaker, ScoringIndex } from "./relatedLists.ts";
import type { ArticleFacts, RelatedMemory } from "./relatedMemory.ts";
import { invertRows, type Rows } from "./relatedRows.ts";

type PlaceFacts = Pick<ArticleFacts, "file" | "url" | "section" | "top" | "time" | "listed">;

/** The scoring index over this build's slots (groups and postings are made again each build: they are cheap). */
export function scoringIndex(
  facts: PlaceFacts,
  textVectors: Rows<Float32Array>,
  tagVectors: Rows<Float32Array>,
  terms: number,
  tags: number,
): ScoringIndex {
  const slots = facts.file.length;
  const present: number[] = [];
  for (let slot = 0; slot < slots; slot++) if (facts.file[slot]) present.push(slot);
  // Newest first, equal times by URL: the order the fill walks in.
  const { time, url } = facts;
  present.sort((a, b) => {
    const newer = (time[b] ?? 0) - (time[a] ?? 0);
    if (newer !== 0) return newer;
    const urlA = url[a] ?? "";
    const urlB = url[b] ?? "";
    return urlA < urlB ? -1 : urlA > urlB ? 1 : 0;
  });
  const [section, sectionGroups, sectionPosition] = groups(present, facts.section, slots);
  const [top, topGroups, topPosition] = groups(present, facts.top, slots);
  return {
    slots,
    listed: facts.listed,
    time,
    url,
    section,
    top,
    textVectors,
    tagVectors,
    termPostings: invertRows(textVectors, terms),
    tagPostings: invertRows(tagVectors, tags),
    sectionGroups,
    sectionPosition,
    topGroups,
    topPosition,
  };
}

/** Each slot's group (by name), each group's slots in `ordered`'s order, and each slot's position in its group. */
function groups(
  ordered: readonly number[],
  nameOf: readonly string[],
  slots: number,
): [Int32Array, Int32Array[], Int32Array] {
  const ids = new Map<string, number>();
  const members: number[][] = [];
  const groupOf = new Int32Array(slots);
  const position = new Int32Array(slots);
  for (const slot of ordered) {
    const name = nameOf[slot] ?? "";
    let id = ids.get(name);
    if (id === undefined) {
      id = members.length;
      ids.set(name, id);
      members.push([]);
    }
    const group = members[id] as number[];
    groupOf[slot] = id;
    position[slot] = group.length;
    group.push(slot);
  }
  return [groupOf, members.map((group) => Int32Array.from(group)), position];
}

/**
 * The lists a change can reach, when the weights' scale and the list length are the
 * memory's (else every list is): the lists of `changed` articles; the memory's lists that
 * hold one; the lists a changed, listed article now scores into (ListMaker.entries); and
 * the lists filled by nearest in time whose fill looked as far as where an article of
 * `placed` was or now is, in their section or top section.
 */
export function reachedLists(
  old: RelatedMemory,
  now: PlaceFacts,
  changed: readonly number[],
  placed: readonly number[],
  maker: ListMaker,
): Set<number> {
  const was = old.articles;
  const before = was.file.length;
  const { count } = old;
  const dirty = new Set<number>();
  const isChanged = new Uint8Array(before);
  for (const slot of changed) {
    if (now.file[slot]) dirty.add(slot);
    if (slot < before) isChanged[slot] = 1;
  }

  const { ids, threshold, sectionReach, topReach } = old.lists;
  for (let owner = 0; owner < before; owner++) {
    for (let k = owner * count; k < (owner + 1) * count; k++) {
      const member = ids[k] ?? -1;
      if (member >= 0 && isChanged[member] === 1) {
        dirty.add(owner);
        break;
      }
    }
  }

  const entered = (slot: number) => dirty.add(slot);
  for (const slot of changed) {
    if (now.file[slot] && now.listed[slot] === 1) maker.entries(slot, threshold, entered);
  }

  // Lists with a fill, by the group it looked in.
  const bySection = new Map<string, number[]>();
  const byTop = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, slot: number) => {
    const list = map.get(key);
    if (list) list.push(slot);
    else map.set(key, [slot]);
  };
  for (let slot = 0; slot < before; slot++) {
    if (!was.file[slot]) continue;
    if ((sectionReach[slot] ?? -1) >= 0) add(bySection, was.section[slot] ?? "", slot);
    if ((topReach[slot] ?? -1) >= 0) add(byTop, was.top[slot] ?? "", slot);
  }
  const reach = (section: string, top: string, time: number) => {
    for (const slot of bySection.get(section) ?? []) {
      if (Math.abs(time - (was.time[slot] ?? 0)) <= (sectionReach[slot] ?? -1)) dirty.add(slot);
    }
    for (const slot of byTop.get(top) ?? []) {
      if (Math.abs(time - (was.time[slot] ?? 0)) <= (topReach[slot] ?? -1)) dirty.add(slot);
    }
  };
  for (const slot of placed) {
    if (slot < before && was.file[slot] && was.listed[slot] === 1)
      reach(was.section[slot] ?? "", was.top[slot] ?? "", was.time[slot] ?? 0);
    if (now.file[slot] && now.listed[slot] === 1)
      reach(now.section[slot] ?? "", now.top[slot] ?? "", now.time[slot] ?? 0);
  }
  return dirty;
}
