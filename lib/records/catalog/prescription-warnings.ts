import { crossReactions, type AllergenGroupCode } from "./allergens";
import { findMedicine, ingredients, type IngredientCode, type Medicine } from "./formulary";

export type PrescriptionWarning =
  | { kind: "allergy"; allergenCode: string; medicineCode: string; crossReactive: boolean }
  | { kind: "duplicate_ingredient"; ingredient: string; otherMedicineCode: string }
  | { kind: "duplicate_class"; classCode: string; otherMedicineCode: string };

export type PrescriptionWarningsInput = {
  medicineCode: string;
  allergies: readonly { allergenCode: string }[];
  currentMedicines: readonly { medicineCode: string }[];
};

const isIngredient = (code: string): code is IngredientCode => Object.hasOwn(ingredients, code);

/**
 * How one recorded allergy bears on a medicine: "direct" when the allergen is one of its
 * ingredients or allergy groups, "cross" when it is related (an ingredient of the same group, or
 * a group that cross-reacts), null when it does not.
 */
function allergyMatch(allergenCode: string, medicine: Medicine): "direct" | "cross" | null {
  const groups: readonly string[] = medicine.allergyGroups;
  if ((medicine.ingredients as readonly string[]).includes(allergenCode) || groups.includes(allergenCode)) return "direct";
  // An allergy to one ingredient stands for its groups: amoxicillin allergy warns on ampicillin.
  const allergenGroups: readonly AllergenGroupCode[] = isIngredient(allergenCode)
    ? ingredients[allergenCode].allergyGroups
    : [allergenCode as AllergenGroupCode];
  for (const group of allergenGroups) {
    if (groups.includes(group) && group !== allergenCode) return "cross";
    if (crossReactions.some((reaction) => reaction.allergen === group && groups.includes(reaction.warnsOn))) return "cross";
  }
  return null;
}

/**
 * The warnings to show on the prescribing form for one medicine: each recorded allergy it
 * matches (directly, or by cross-reactivity such as penicillin → cephalosporin), each ingredient
 * it shares with a current medicine, and, for a current medicine with no shared ingredient, the
 * same therapeutic class. Codes that are not in the catalogs (free-text entries) give no warning.
 */
export function prescriptionWarnings(input: PrescriptionWarningsInput): PrescriptionWarning[] {
  const medicine = findMedicine(input.medicineCode);
  if (!medicine) return [];
  const warnings: PrescriptionWarning[] = [];
  const seenAllergens = new Set<string>();
  for (const { allergenCode } of input.allergies) {
    if (seenAllergens.has(allergenCode)) continue;
    seenAllergens.add(allergenCode);
    const match = allergyMatch(allergenCode, medicine);
    if (match) warnings.push({ kind: "allergy", allergenCode, medicineCode: medicine.code, crossReactive: match === "cross" });
  }
  const seenOthers = new Set<string>();
  for (const { medicineCode } of input.currentMedicines) {
    const other = findMedicine(medicineCode);
    if (!other || seenOthers.has(other.code)) continue;
    seenOthers.add(other.code);
    const shared = medicine.ingredients.filter((part) => other.ingredients.includes(part));
    for (const ingredient of shared) warnings.push({ kind: "duplicate_ingredient", ingredient, otherMedicineCode: other.code });
    // The shared ingredient already says more than the shared class would.
    if (shared.length === 0 && other.classCode === medicine.classCode) {
      warnings.push({ kind: "duplicate_class", classCode: medicine.classCode, otherMedicineCode: other.code });
    }
  }
  return warnings;
}
