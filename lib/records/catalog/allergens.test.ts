import { describe, expect, it } from "vitest";
import { allergenChoices, allergenGroups, crossReactions, findAllergen, nonDrugAllergens } from "./allergens";
import { ingredients } from "./formulary";

const URDU_LETTER = /[\u0621-\u064a\u0679-\u06d3]/;

describe("allergenChoices", () => {
  it("offers the drug groups clinicians record allergies against", () => {
    const groups = allergenGroups.map((group) => group.code);
    for (const code of ["penicillins", "cephalosporins", "sulfonamides", "nsaids", "aspirin", "macrolides", "fluoroquinolones", "tetracyclines", "opioids", "ace_inhibitors", "anticonvulsants"]) {
      expect(groups, code).toContain(code);
    }
  });

  it("offers every formulary ingredient on its own, with the formulary's labels", () => {
    const choices = allergenChoices();
    for (const [code, ingredient] of Object.entries(ingredients)) {
      expect(choices.find((choice) => choice.code === code)).toEqual({ code, en: ingredient.en, ur: ingredient.ur, kind: "ingredient" });
    }
  });

  it("offers the common non-drug allergies", () => {
    for (const code of ["eggs", "peanuts", "latex", "insect_stings"]) expect(findAllergen(code)?.kind, code).toBe("non_drug");
  });

  it("is groups, then ingredients, then non-drug allergens, with no code twice", () => {
    const choices = allergenChoices();
    expect(choices).toHaveLength(allergenGroups.length + Object.keys(ingredients).length + nonDrugAllergens.length);
    expect(new Set(choices.map((choice) => choice.code)).size).toBe(choices.length);
    expect(choices[0]?.kind).toBe("drug_group");
    expect(choices.at(-1)?.kind).toBe("non_drug");
  });

  it("labels every allergen in English and Urdu script", () => {
    for (const { code, en, ur } of allergenChoices()) {
      expect(en.trim(), code).not.toBe("");
      expect(ur, code).toMatch(URDU_LETTER);
    }
  });
});

describe("findAllergen", () => {
  it("finds groups, ingredients and non-drug allergens by code", () => {
    expect(findAllergen("penicillins")).toMatchObject({ kind: "drug_group" });
    expect(findAllergen("amoxicillin")).toEqual({ code: "amoxicillin", en: "Amoxicillin", ur: "اموکسی سلین", kind: "ingredient" });
    expect(findAllergen("eggs")).toEqual({ code: "eggs", en: "Eggs", ur: "انڈا", kind: "non_drug" });
    expect(findAllergen("unobtainium")).toBeUndefined();
  });
});

describe("crossReactions", () => {
  it("names only known groups and warns penicillin-allergic patients about cephalosporins", () => {
    for (const { allergen, warnsOn } of crossReactions) {
      expect(findAllergen(allergen)?.kind).toBe("drug_group");
      expect(findAllergen(warnsOn)?.kind).toBe("drug_group");
    }
    expect(crossReactions).toContainEqual({ allergen: "penicillins", warnsOn: "cephalosporins" });
  });
});
