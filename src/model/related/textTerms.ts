/**
 * The words of an article as related news compares them: Markdown syntax stripped, lower
 * case, stop words out, plurals and -ed/-ing endings folded ("strikes", "striking" ->
 * "strik"). The stems only need to be the same for the same word, not to be English.
 */

/**
 * Function words, the commonest verbs, adjectives and adverbs of English, and newsroom
 * boilerplate: they say nothing about what a story is about. A small site's own counts
 * cannot tell that "keep" or "dozen" is common, so the list does.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a able about above according across actually add added adding after again against ago ahead all " +
    "almost alone along already also although always am among an and another any anyone anything are " +
    "aren around as ask asked asking at away back bad be became because become becomes been before began " +
    "begin behind being below best better between big both bring brought but by call called came can " +
    "cannot come comes coming could couldn did didn different do does doesn doing don done down dozen " +
    "dozens during each early either else end ended enough etc even ever every far felt few find first " +
    "for former found from full further gave get gets getting give given gives go goes going gone good " +
    "got great had hadn half has hasn have haven having he her here hers herself high him himself his " +
    "hold how however hundred hundreds i if in including inside instead into is isn it its itself just " +
    "keep keeps kept kind knew know known large last late later least left less let like little long " +
    "look looked lot lots low made main make makes making many may me mean means meanwhile might million " +
    "millions billion billions more most mostly mr mrs ms much must my myself near nearly need needed " +
    "needs never new next no nor not nothing now number of off often old on once one only onto open " +
    "opened or other others our ours ourselves out over own part past per perhaps place put quite rather " +
    "really recent recently rest right said same saw say saying says second see seen sent set several " +
    "she should shouldn show showed shown side since small so some something soon spent start started " +
    "still stop stopped such sure take taken takes taking tell than that the their theirs them " +
    "themselves then there these they thing things think third this those though thought thousand " +
    "thousands three through thus to today together told too took toward towards tried try trying turn " +
    "turned two under until up upon us use used uses using usually very via want wanted wants was wasn " +
    "way ways we well went were weren what whatever when where whether which while who whole whom whose " +
    "why will with within without won would wouldn yet you your yours yourself yesterday tomorrow week " +
    "weeks month months year years day days time times cent percent monday tuesday wednesday thursday " +
    "friday saturday sunday january february march april june july august september october november " +
    "december"
  ).split(" "),
);

/** Removes what Markdown and HTML add to the words: code, link targets, tags, addresses, entities. */
export function stripMarkdown(markdown: string): string {
  let text = markdown;
  if (text.includes("```") || text.includes("~~~")) {
    text = text.replace(/(```|~~~)[\s\S]*?(?:\1|$)/g, " ");
  }
  if (text.includes("<")) text = text.replace(/<!--[\s\S]*?-->|<[^>\n]*>/g, " ");
  if (text.includes("](")) text = text.replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, "] ");
  if (text.includes("]:")) text = text.replace(/^ {0,3}\[[^\]\n]+\]:.*$/gm, " ");
  if (text.includes("][")) text = text.replace(/\]\[[^\]\n]*\]/g, "] ");
  if (text.includes("://") || text.includes("www.")) text = text.replace(/\b(?:https?:\/\/|www\.)\S+/gi, " ");
  if (text.includes("&")) text = text.replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, " ");
  return text;
}

/** Per UTF-16 code unit: 0 not yet known, 1 part of a word, 2 not. ASCII is decided inline. */
const wordUnits = new Uint8Array(65536);

function isWordUnit(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let known = wordUnits[code];
  if (!known) {
    known = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code)) ? 1 : 2;
    wordUnits[code] = known;
  }
  return known === 1;
}

const isApostrophe = (code: number) => code === 39 || code === 0x2019;

const VOWEL = /[aeiouy]/;

/** Folds plurals and -ed/-ing endings, and a final "e", so that related forms meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  let cut = 0;
  if (w.endsWith("ing") && w.length >= 7) cut = 3;
  else if (w.endsWith("ed") && w.length >= 5 && w[w.length - 3] !== "e") cut = 2;
  if (cut > 0 && VOWEL.test(w.slice(0, -cut))) {
    w = w.slice(0, -cut);
    const last = w[w.length - 1];
    if (last === w[w.length - 2] && last !== undefined && !"aeiouylsz".includes(last)) w = w.slice(0, -1);
  }
  if (w.endsWith("e") && w.length >= 5) w = w.slice(0, -1);
  return w;
}

/** Per UTF-16 code unit: its lower case plus one (0: not yet known). */
const lowerUnits = new Uint16Array(65536);

function lowerUnit(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let known = lowerUnits[code] ?? 0;
  if (!known) {
    const lower = String.fromCharCode(code).toLowerCase();
    known = (lower.length === 1 ? lower.charCodeAt(0) : code) + 1;
    lowerUnits[code] = known;
  }
  return known - 1;
}

/** The term a lower-case word counts as, or undefined for a stop word. */
export function termOf(word: string): string | undefined {
  if (STOP_WORDS.has(word)) return undefined;
  const term = stem(word);
  return term.length >= 2 && !STOP_WORDS.has(term) ? term : undefined;
}

const EMPTY = 0;
const STOP = 1;

/**
 * Reads texts into term ids (0, 1, 2, ... in order of first use). Words are split at
 * anything but letters, digits and marks; numbers and one-letter words are left out;
 * "China's" is "china", "don't" is "dont". Each word is looked up by a 64-bit hash of its
 * lower-case letters, so no string is made per word: only a word seen for the first time
 * is cut out, checked against the stop words and stemmed (termOf).
 */
export class TermReader {
  /** Open addressing, three ints per slot: two hash halves, and EMPTY, STOP or 2 + the term id. */
  private slots = new Int32Array(3 << 12);
  private used = 0;
  private readonly ids = new Map<string, number>();
  private readonly names: string[];

  /** `terms`: a table an earlier reader made (`terms` of it), whose ids this one keeps. */
  constructor(terms: readonly string[] = []) {
    this.names = [...terms];
    for (const [id, term] of this.names.entries()) this.ids.set(term, id);
  }

  /** Every term seen, by id. */
  get terms(): readonly string[] {
    return this.names;
  }

  term(id: number): string {
    return this.names[id] ?? "";
  }

  /** Calls `visit` with each term's id, and whether its word is capitalized inside a sentence (a name, most likely). */
  read(text: string, visit: (term: number, capitalized: boolean) => void): void {
    const length = text.length;
    let sentenceStart = true;
    let i = 0;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (!isWordUnit(code)) {
        // 46 . 33 ! 63 ? 58 : 10 newline
        if (code === 46 || code === 33 || code === 63 || code === 58 || code === 10) sentenceStart = true;
        i++;
        continue;
      }
      const capitalized = !sentenceStart && lowerUnit(code) !== code;
      sentenceStart = false;
      const start = i;
      let end = -1;
      let joined = false;
      let letters = false;
      let size = 0;
      let h1 = 0x811c9dc5 | 0;
      let h2 = 0x2545f491;
      while (i < length) {
        const unit = text.charCodeAt(i);
        if (isWordUnit(unit)) {
          const lower = lowerUnit(unit);
          h1 = Math.imul(h1 ^ lower, 16777619);
          h2 = Math.imul(h2 ^ lower, 0x5bd1e995);
          h2 ^= h2 >>> 13;
          if (unit < 48 || unit > 57) letters = true;
          size++;
          i++;
          continue;
        }
        if (!isApostrophe(unit) || i + 1 >= length || !isWordUnit(text.charCodeAt(i + 1))) break;
        // A possessive ends the word; any other apostrophe joins its two halves.
        const next = text.charCodeAt(i + 1);
        if ((next === 115 || next === 83) && (i + 2 >= length || !isWordUnit(text.charCodeAt(i + 2)))) {
          end = i;
          i += 2;
          break;
        }
        joined = true;
        i++;
      }
      if (!letters || size < 2) continue;
      const id = this.lookup(h1, h2, text, start, end < 0 ? i : end, joined);
      if (id >= 0) visit(id, capitalized);
    }
  }

  /** The word's term id, or -1 for a stop word. */
  private lookup(h1: number, h2: number, text: string, start: number, end: number, joined: boolean): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let at = 3 * ((h1 ^ Math.imul(h2, 0x9e3779b1)) & mask);
    for (;;) {
      const value = slots[at + 2] ?? EMPTY;
      if (value === EMPTY) break;
      if (slots[at] === h1 && slots[at + 1] === h2) return value - 2;
      at = at + 3 === slots.length ? 0 : at + 3;
    }
    let word = text.slice(start, end);
    if (joined) word = word.replace(/['\u2019]/g, "");
    const term = termOf(word.toLowerCase());
    let id = -1;
    if (term !== undefined) {
      id = this.ids.get(term) ?? this.names.length;
      if (id === this.names.length) {
        this.ids.set(term, id);
        this.names.push(term);
      }
    }
    slots[at] = h1;
    slots[at + 1] = h2;
    slots[at + 2] = id < 0 ? STOP : id + 2;
    if (++this.used * 2 > slots.length / 3) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / 3 - 1;
    for (let from = 0; from < old.length; from += 3) {
      const value = old[from + 2] ?? EMPTY;
      if (value === EMPTY) continue;
      const h1 = old[from] ?? 0;
      const h2 = old[from + 1] ?? 0;
      let at = 3 * ((h1 ^ Math.imul(h2, 0x9e3779b1)) & mask);
      while (slots[at + 2] !== EMPTY) at = at + 3 === slots.length ? 0 : at + 3;
      slots[at] = h1;
      slots[at + 1] = h2;
      slots[at + 2] = value;
    }
    this.slots = slots;
  }
}

/** Calls `visit` with each term of the text, as TermReader reads it, and whether it is a name. */
export function forEachTerm(text: string, visit: (term: string, capitalized: boolean) => void): void {
  const reader = new TermReader();
  reader.read(text, (id, capitalized) => visit(reader.term(id), capitalized));
}
