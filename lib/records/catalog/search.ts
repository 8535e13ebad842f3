/**
 * Type-ahead over the shipped catalogs. Urdu is typed on Urdu, Arabic and Persian keyboards and
 * on phones that mix them, so the same word arrives in several spellings: both sides of a
 * comparison are folded to one form first.
 */

// Harakat, superscript alef, the Quranic marks and the hamza/madda marks left by NFKD.
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;
// Tatweel, the zero-width (non-)joiner and joiner, the direction marks and isolates.
const INVISIBLES = /[\u0640\u200b-\u200f\u2066-\u2069\u00ad]/g;

// One letter for each group that keyboards confuse. The heh forms all fold together because an
// Arabic keyboard types ه both for the final ہ of نزلہ and for the ھ of بھ; yeh barree folds into
// yeh because no Arabic or Persian keyboard has it. Teh marbuta stands for the final heh it sounds as.
const LETTER_FOLDS: Record<string, string> = {
  "\u064a": "\u06cc", // ي Arabic yeh
  "\u0649": "\u06cc", // ى alef maksura
  "\u06d2": "\u06cc", // ے yeh barree
  "\u0643": "\u06a9", // ك Arabic kaf
  "\u0647": "\u06c1", // ه Arabic heh
  "\u06be": "\u06c1", // ھ heh doachashmee
  "\u06d5": "\u06c1", // ە ae
  "\u0629": "\u06c1", // ة teh marbuta
  "\u06c3": "\u06c1", // ۃ teh marbuta goal
  "\u0621": "", // ء a lone hamza is often left out when typing
  "\u0660": "0", "\u0661": "1", "\u0662": "2", "\u0663": "3", "\u0664": "4",
  "\u0665": "5", "\u0666": "6", "\u0667": "7", "\u0668": "8", "\u0669": "9",
  "\u06f0": "0", "\u06f1": "1", "\u06f2": "2", "\u06f3": "3", "\u06f4": "4",
  "\u06f5": "5", "\u06f6": "6", "\u06f7": "7", "\u06f8": "8", "\u06f9": "9",
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "g");
// Everything that separates words in a label: spaces, brackets, slashes, commas in both scripts.
const SEPARATORS = /[\s()[\]{}/\\,،؛;:.\-–—+'"‘’“”_|]+/g;

/**
 * Folds text for matching: NFKD (which splits آ أ إ ؤ ئ ۂ ۓ into a base letter and a mark, and
 * Arabic presentation forms into plain letters), drops marks and invisibles, folds keyboard
 * variants and digits, lower-cases Latin, and turns every separator run into one space.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(ARABIC_MARKS, "")
    .replace(INVISIBLES, "")
    .replace(FOLDABLE, (char) => LETTER_FOLDS[char] ?? char)
    .toLowerCase()
    .replace(SEPARATORS, " ")
    .trim();
}

/** A code compared without its dots, spaces or case, so "j069" and "J06.9" are one code. */
export function normalizeCode(code: string): string {
  return normalizeSearchText(code).replace(/ /g, "");
}

/** How an entry matched, best first; an entry that does not match has no rank. */
export const matchRanks = {
  exactCode: 0,
  codePrefix: 1,
  exactLabel: 2,
  labelStart: 3,
  wordStart: 4,
  substring: 5,
  allWords: 6,
} as const;

/** What ranking needs from an entry: its code and the labels it can be found by. */
export type Searchable = { code: string; labels: readonly string[] };

type Prepared = { code: string; labels: string[] };

/** Folds an entry once so that a search over hundreds of entries does not re-fold them per keystroke. */
function prepare(entry: Searchable): Prepared {
  return { code: normalizeCode(entry.code), labels: entry.labels.map(normalizeSearchText).filter((label) => label !== "") };
}

function hasWordStart(label: string, query: string): boolean {
  for (let at = label.indexOf(query); at !== -1; at = label.indexOf(query, at + 1)) {
    if (at === 0 || label[at - 1] === " ") return true;
  }
  return false;
}

/** The rank of one prepared entry for a folded query, or null when it does not match. */
function rankOf(entry: Prepared, query: string, queryCode: string): number | null {
  if (queryCode !== "" && entry.code === queryCode) return matchRanks.exactCode;
  if (queryCode !== "" && entry.code.startsWith(queryCode)) return matchRanks.codePrefix;
  let best: number | null = null;
  const better = (rank: number) => {
    if (best === null || rank < best) best = rank;
  };
  const words = query.split(" ");
  for (const label of entry.labels) {
    if (label === query) better(matchRanks.exactLabel);
    else if (label.startsWith(query)) better(matchRanks.labelStart);
    else if (hasWordStart(label, query)) better(matchRanks.wordStart);
    else if (label.includes(query)) better(matchRanks.substring);
    else if (words.length > 1 && words.every((word) => label.includes(word))) better(matchRanks.allWords);
  }
  return best;
}

/**
 * Builds a type-ahead search over a fixed list: matches the code's prefix (dots ignored) and any
 * label's start, word starts and substrings, in either script; multi-word queries also match when
 * every word occurs somewhere in one label. Results are ordered by how they matched (exact code,
 * code prefix, whole label, label start, word start, substring, all words) and then by list order.
 */
export function createSearch<T>(entries: readonly T[], toSearchable: (entry: T) => Searchable) {
  let prepared: Prepared[] | null = null;
  return (query: string, options: { limit?: number } = {}): T[] => {
    const folded = normalizeSearchText(query);
    if (folded === "") return [];
    prepared ??= entries.map((entry) => prepare(toSearchable(entry)));
    const queryCode = folded.replace(/ /g, "");
    const hits: { rank: number; index: number }[] = [];
    prepared.forEach((entry, index) => {
      const rank = rankOf(entry, folded, queryCode);
      if (rank !== null) hits.push({ rank, index });
    });
    hits.sort((a, b) => a.rank - b.rank || a.index - b.index);
    return hits.slice(0, options.limit ?? 20).map((hit) => entries[hit.index]!);
  };
}
