import { getLocale, getTranslations } from "next-intl/server";
import { findAllergen, findMedicine, ingredients, therapeuticClasses } from "@/lib/records/catalog";
import type { PrescribingWarning } from "@/lib/records/prescribe";

// Latin drug names inside an Urdu sentence are isolated, so that "500 mg" keeps its order.
const isolate = (text: string) => `\u2068${text}\u2069`;

/** Each warning as the prescriber reads it at its line, in plain words of the page's language. */
export async function warningTexts(warnings: readonly PrescribingWarning[]): Promise<{ item: number; text: string }[]> {
  const [t, locale] = await Promise.all([getTranslations("prescriptions"), getLocale()]);
  const lang = locale === "ur" ? "ur" : "en";
  const medicine = (code: string) => {
    const found = findMedicine(code);
    return isolate(found ? `${found.generic} ${found.strength}` : code);
  };
  return warnings.map((warning) => {
    switch (warning.kind) {
      case "allergy": {
        const values = {
          allergen: findAllergen(warning.allergenCode)?.[lang] ?? warning.allergenCode,
          severity: t(warning.severity ? `severity_${warning.severity}` : "severity_unknown"),
          medicine: medicine(warning.medicineCode),
        };
        return { item: warning.item, text: t(warning.crossReactive ? "warningAllergyCross" : "warningAllergy", values) };
      }
      case "duplicate_ingredient": {
        const own = warning.item;
        const ingredient = (ingredients as Record<string, { en: string; ur: string }>)[warning.ingredient]?.[lang] ?? warning.ingredient;
        const values = { medicine: t("itemHeading", { number: own + 1 }), ingredient, other: medicine(warning.otherMedicineCode) };
        return { item: own, text: t(warning.otherOnThisPrescription ? "warningIngredientHere" : "warningIngredientCurrent", values) };
      }
      case "duplicate_class": {
        const kind = therapeuticClasses.find((entry) => entry.code === warning.classCode)?.[lang] ?? warning.classCode;
        const values = { medicine: t("itemHeading", { number: warning.item + 1 }), class: kind, other: medicine(warning.otherMedicineCode) };
        return { item: warning.item, text: t(warning.otherOnThisPrescription ? "warningClassHere" : "warningClassCurrent", values) };
      }
    }
  });
}
