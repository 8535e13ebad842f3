import type { relations } from "@/lib/vocabulary";

/** How many patients one phone account may manage, the account holder included. */
export const HOUSEHOLD_MAX = 10;

/** How a family member may relate to the account holder; "self" is the holder alone. */
export const dependantRelations = ["child", "parent", "spouse", "sibling", "other"] as const satisfies readonly Exclude<(typeof relations)[number], "self">[];
export type DependantRelation = (typeof dependantRelations)[number];

// Urdu is typed on Arabic and Urdu keyboards alike, which emit different code points for
// the same letter; a name typed on one must match the same name typed on the other.
const LETTER_VARIANTS: Record<string, string> = {
  "\u064a": "\u06cc", // Arabic yeh -> Farsi/Urdu yeh
  "\u0649": "\u06cc", // alef maksura -> Urdu yeh
  "\u0643": "\u06a9", // Arabic kaf -> keheh
  "\u0647": "\u06c1", // Arabic heh -> heh goal
};
const ARABIC_DIACRITICS = /[\u064b-\u065f\u0670]/g;
const SEPARATORS = /[\s.,'’‘\-\u2010-\u2015]+/g;

/**
 * The form of a name two entries are compared by: Unicode form, case, spacing, punctuation,
 * optional Urdu vowel marks and keyboard letter variants do not make two names different.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(ARABIC_DIACRITICS, "")
    .replace(/[\u064a\u0649\u0643\u0647]/g, (ch) => LETTER_VARIANTS[ch] ?? ch)
    .replace(SEPARATORS, " ")
    .trim()
    .toLocaleLowerCase("en");
}

type Person = { fullName: string; dateOfBirth: string };

/**
 * The household member who is probably the same person as `candidate`: same name (by
 * `nameKey`) and same date of birth. Twins share a birthday but not a name, so both count.
 */
export function findLikelyDuplicate<T extends Person>(household: readonly T[], candidate: Person): T | undefined {
  const key = nameKey(candidate.fullName);
  return household.find((member) => member.dateOfBirth === candidate.dateOfBirth && nameKey(member.fullName) === key);
}
