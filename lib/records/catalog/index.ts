import { allergenChoices } from "./allergens";
import { diagnoses, diagnosisGroups } from "./diagnoses";
import { dosageForms, routes, therapeuticClasses } from "./formulary";
import { durationUnits, frequencies, instructions } from "./frequencies";
import { labTests } from "./lab-tests";

export * from "./allergens";
export * from "./diagnoses";
export * from "./formulary";
export * from "./frequencies";
export * from "./lab-tests";
export * from "./prescription-warnings";
export { createSearch, normalizeCode, normalizeSearchText, matchRanks, type Searchable } from "./search";

/**
 * Every Urdu string the catalogs can put on a page, for scripts/subset-fonts.ts: the Nastaliq
 * subset must hold their letters as it holds those of the i18n catalogs.
 */
export function catalogUrduTexts(): string[] {
  return [
    ...diagnosisGroups,
    ...diagnoses,
    ...allergenChoices(),
    ...dosageForms,
    ...routes,
    ...therapeuticClasses,
    ...frequencies,
    ...instructions,
    ...durationUnits,
    ...labTests,
  ].map((entry) => entry.ur);
}
