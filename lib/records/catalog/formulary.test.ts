import { describe, expect, it } from "vitest";
import { findAllergen } from "./allergens";
import { dosageForms, findMedicine, formulary, ingredients, routes, searchFormulary, therapeuticClasses } from "./formulary";

const URDU_LETTER = /[\u0621-\u064a\u0679-\u06d3]/;
const LATIN_LETTER = /[A-Za-z]/;
const SLUG = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const codesOf = (query: string, limit?: number) => searchFormulary(query, { limit }).map((medicine) => medicine.code);

describe("the formulary", () => {
  it("has between 100 and 150 medicines with unique slug codes", () => {
    expect(formulary.length).toBeGreaterThanOrEqual(100);
    expect(formulary.length).toBeLessThanOrEqual(150);
    expect(new Set(formulary.map((medicine) => medicine.code)).size).toBe(formulary.length);
    for (const { code } of formulary) expect(code).toMatch(SLUG);
  });

  it("gives every medicine a generic name, strength, known form, route and class, and a source", () => {
    const forms = new Set<string>(dosageForms.map((form) => form.code));
    const known = new Set<string>(routes.map((route) => route.code));
    const classes = new Set<string>(therapeuticClasses.map((entry) => entry.code));
    for (const medicine of formulary) {
      expect(medicine.generic.trim(), medicine.code).not.toBe("");
      expect(medicine.strength.trim(), medicine.code).not.toBe("");
      expect(forms.has(medicine.form), medicine.code).toBe(true);
      expect(known.has(medicine.route), medicine.code).toBe(true);
      expect(classes.has(medicine.classCode), medicine.code).toBe(true);
      expect(medicine.sources.length, medicine.code).toBeGreaterThan(0);
      for (const source of medicine.sources) expect(["pk_nemlp", "who_eml"]).toContain(source);
    }
  });

  it("resolves every ingredient and allergy group, and uses every ingredient", () => {
    for (const medicine of formulary) {
      expect(medicine.ingredients.length, medicine.code).toBeGreaterThan(0);
      for (const part of medicine.ingredients) expect(findAllergen(part)?.kind, `${medicine.code} ${part}`).toBe("ingredient");
      for (const group of medicine.allergyGroups) expect(findAllergen(group)?.kind, `${medicine.code} ${group}`).toBe("drug_group");
    }
    const used = new Set(formulary.flatMap((medicine) => medicine.ingredients));
    for (const part of Object.keys(ingredients)) expect(used.has(part as keyof typeof ingredients), part).toBe(true);
  });

  it("labels forms, routes, classes and ingredients in English and Urdu script", () => {
    const labelled = [...dosageForms, ...routes, ...therapeuticClasses, ...Object.values(ingredients)];
    for (const { en, ur } of labelled) {
      expect(en.trim()).not.toBe("");
      expect(ur, en).toMatch(URDU_LETTER);
      expect(ur, en).not.toMatch(LATIN_LETTER);
    }
    expect(new Set(dosageForms.map((form) => form.code)).size).toBe(dosageForms.length);
    expect(new Set(routes.map((route) => route.code)).size).toBe(routes.length);
    expect(new Set(therapeuticClasses.map((entry) => entry.code)).size).toBe(therapeuticClasses.length);
  });

  it("has the routes a prescriber needs", () => {
    for (const route of ["oral", "iv", "im", "sc", "topical", "inhaled", "rectal", "vaginal", "eye", "ear"]) {
      expect(routes.some((entry) => entry.code === route), route).toBe(true);
    }
  });

  it("carries the allergy groups of each ingredient", () => {
    expect(findMedicine("amoxicillin-500mg-cap")).toMatchObject({ generic: "Amoxicillin", ingredients: ["amoxicillin"], allergyGroups: ["penicillins"] });
    expect(findMedicine("co-amoxiclav-625mg-tab")).toMatchObject({ ingredients: ["amoxicillin", "clavulanic-acid"], allergyGroups: ["penicillins"] });
    expect(findMedicine("co-trimoxazole-480mg-tab")?.allergyGroups).toEqual(["sulfonamides"]);
    expect(findMedicine("cefixime-400mg-cap")?.allergyGroups).toEqual(["cephalosporins"]);
    expect([...findMedicine("aspirin-75mg-tab")!.allergyGroups].sort()).toEqual(["aspirin", "nsaids"]);
    expect(findMedicine("paracetamol-500mg-tab")?.allergyGroups).toEqual([]);
  });

  it("has the paediatric forms primary care gives children", () => {
    expect(findMedicine("ors-low-osmolarity-sachet")?.form).toBe("sachet");
    expect(findMedicine("zinc-sulfate-20mg-dt")?.form).toBe("dispersible_tablet");
    expect(findMedicine("paracetamol-120mg5ml-syrup")?.strength).toBe("120 mg/5 mL");
    expect(findMedicine("amoxicillin-250mg-dt")?.form).toBe("dispersible_tablet");
    expect(findMedicine("ferrous-folic-tab")?.ingredients).toEqual(["ferrous-sulfate", "folic-acid"]);
  });

  it("returns undefined for an unknown code", () => {
    expect(findMedicine("amoxicillin")).toBeUndefined();
  });
});

describe("searchFormulary", () => {
  it("finds a medicine by the start of its generic name", () => {
    const found = codesOf("amox");
    expect(found.slice(0, 5)).toEqual([
      "amoxicillin-250mg-cap",
      "amoxicillin-500mg-cap",
      "amoxicillin-250mg-dt",
      "amoxicillin-125mg5ml-susp",
      "amoxicillin-250mg5ml-susp",
    ]);
    expect(found).toContain("co-amoxiclav-625mg-tab");
  });

  it("narrows by strength and by form", () => {
    expect(codesOf("amoxicillin 500")[0]).toBe("amoxicillin-500mg-cap");
    expect(codesOf("paracetamol syrup")).toEqual(["paracetamol-120mg5ml-syrup"]);
  });

  it("finds a combination by either ingredient", () => {
    expect(codesOf("clavulanic")).toEqual(["co-amoxiclav-625mg-tab", "co-amoxiclav-156mg5ml-susp"]);
    expect(codesOf("trimethoprim")).toEqual(["co-trimoxazole-480mg-tab", "co-trimoxazole-240mg5ml-susp"]);
  });

  it("is case-insensitive and honours the limit", () => {
    expect(codesOf("PARACETAMOL")).toHaveLength(3);
    expect(codesOf("a", 4)).toHaveLength(4);
    expect(codesOf("")).toEqual([]);
  });
});
