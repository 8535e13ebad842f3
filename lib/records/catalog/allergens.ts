import { ingredients } from "./formulary";

/**
 * What a clinician records an allergy against: a drug group, a single ingredient of the formulary,
 * or one of the common non-drug allergies. Ingredients come from formulary.ts, so a medicine added
 * there is at once recordable as an allergen.
 */

export const allergenGroups = [
  { code: "penicillins", en: "Penicillins (amoxicillin, ampicillin…)", ur: "پنسلین گروپ (اموکسی سلین، ایمپی سلین وغیرہ)" },
  { code: "cephalosporins", en: "Cephalosporins (cefixime, ceftriaxone…)", ur: "سیفالوسپورن گروپ (سیفکسیم، سیفٹرائی ایکسون وغیرہ)" },
  { code: "sulfonamides", en: "Sulfa antibiotics (co-trimoxazole…)", ur: "سلفا اینٹی بائیوٹک (کوٹرائیموکسازول وغیرہ)" },
  { code: "nsaids", en: "NSAID painkillers (ibuprofen, diclofenac…)", ur: "درد اور سوجن کی دوائیں (آئبوپروفین، ڈائیکلوفینک وغیرہ)" },
  { code: "aspirin", en: "Aspirin", ur: "اسپرین" },
  { code: "macrolides", en: "Macrolides (azithromycin, clarithromycin…)", ur: "میکرولائیڈ گروپ (ایزیتھرومائسن، کلیریتھرومائسن وغیرہ)" },
  { code: "fluoroquinolones", en: "Fluoroquinolones (ciprofloxacin, levofloxacin…)", ur: "کوئنولون گروپ (سپروفلوکساسن، لیووفلوکساسن وغیرہ)" },
  { code: "tetracyclines", en: "Tetracyclines (doxycycline…)", ur: "ٹیٹراسائکلین گروپ (ڈاکسی سائکلین وغیرہ)" },
  { code: "aminoglycosides", en: "Aminoglycosides (gentamicin…)", ur: "امینوگلائیکوسائیڈ گروپ (جینٹامائسن وغیرہ)" },
  { code: "opioids", en: "Opioids (morphine, codeine, tramadol…)", ur: "افیون والی درد کش دوائیں (مارفین، کوڈین، ٹرامادول وغیرہ)" },
  { code: "ace_inhibitors", en: "ACE inhibitors (enalapril, captopril…)", ur: "اے سی ای انہیبیٹر (اینالاپرل، کیپٹوپرل وغیرہ)" },
  // The hypersensitivity syndromes that cross between anticonvulsants are those of the aromatic
  // ones; valproate does not share them, so it is not in this group.
  { code: "anticonvulsants", en: "Anticonvulsants (carbamazepine, phenytoin, phenobarbital)", ur: "مرگی کی دوائیں (کاربامازیپین، فینیٹوئن، فینوباربیٹون)" },
  { code: "iodine", en: "Iodine (povidone-iodine, contrast dye)", ur: "آیوڈین (پوویڈون آیوڈین، ایکسرے کی ڈائی)" },
] as const;

export const nonDrugAllergens = [
  { code: "eggs", en: "Eggs", ur: "انڈا" },
  { code: "peanuts", en: "Peanuts", ur: "مونگ پھلی" },
  { code: "milk", en: "Cow's milk", ur: "گائے کا دودھ" },
  { code: "seafood", en: "Fish and shellfish", ur: "مچھلی اور جھینگا" },
  { code: "latex", en: "Latex (rubber gloves)", ur: "لیٹیکس (ربڑ کے دستانے)" },
  { code: "insect_stings", en: "Insect stings (bee, wasp)", ur: "کیڑوں کے ڈنک (شہد کی مکھی، بھڑ)" },
] as const;

export type AllergenGroupCode = (typeof allergenGroups)[number]["code"];
export type AllergenKind = "drug_group" | "ingredient" | "non_drug";
export type Allergen = { code: string; en: string; ur: string; kind: AllergenKind };

/**
 * Allergies to one group that warn on another, because patients allergic to the first react to
 * the second often enough to stop and check: penicillins and cephalosporins share the beta-lactam
 * ring (both ways), and aspirin-sensitive patients react to the other NSAIDs.
 */
export const crossReactions: readonly { allergen: AllergenGroupCode; warnsOn: AllergenGroupCode }[] = [
  { allergen: "penicillins", warnsOn: "cephalosporins" },
  { allergen: "cephalosporins", warnsOn: "penicillins" },
  { allergen: "aspirin", warnsOn: "nsaids" },
];

let choices: readonly Allergen[] | null = null;

/** Every allergen a clinician can record, with labels: drug groups, then formulary ingredients, then non-drug allergens. */
export function allergenChoices(): readonly Allergen[] {
  choices ??= [
    ...allergenGroups.map((group) => ({ ...group, kind: "drug_group" as const })),
    ...Object.entries(ingredients).map(([code, ingredient]) => ({ code, en: ingredient.en, ur: ingredient.ur, kind: "ingredient" as const })),
    ...nonDrugAllergens.map((allergen) => ({ ...allergen, kind: "non_drug" as const })),
  ];
  return choices;
}

let byCode: Map<string, Allergen> | null = null;

/** The allergen with this code (a group, an ingredient or a non-drug allergen), or undefined. */
export function findAllergen(code: string): Allergen | undefined {
  byCode ??= new Map(allergenChoices().map((allergen) => [allergen.code, allergen]));
  return byCode.get(code);
}
