import { describe, expect, it } from "vitest";
import { prescriptionWarnings } from "./prescription-warnings";

const allergic = (...codes: string[]) => codes.map((allergenCode) => ({ allergenCode }));
const taking = (...codes: string[]) => codes.map((medicineCode) => ({ medicineCode }));

describe("prescriptionWarnings: allergies", () => {
  it("warns on amoxicillin for a penicillin allergy", () => {
    expect(prescriptionWarnings({ medicineCode: "amoxicillin-500mg-cap", allergies: allergic("penicillins"), currentMedicines: [] })).toEqual([
      { kind: "allergy", allergenCode: "penicillins", medicineCode: "amoxicillin-500mg-cap", crossReactive: false },
    ]);
  });

  it("warns on cefalexin for a penicillin allergy, as a cross-reaction", () => {
    expect(prescriptionWarnings({ medicineCode: "cefalexin-250mg-cap", allergies: allergic("penicillins"), currentMedicines: [] })).toEqual([
      { kind: "allergy", allergenCode: "penicillins", medicineCode: "cefalexin-250mg-cap", crossReactive: true },
    ]);
  });

  it("warns on co-amoxiclav for an allergy to its ingredient amoxicillin", () => {
    expect(prescriptionWarnings({ medicineCode: "co-amoxiclav-625mg-tab", allergies: allergic("amoxicillin"), currentMedicines: [] })).toEqual([
      { kind: "allergy", allergenCode: "amoxicillin", medicineCode: "co-amoxiclav-625mg-tab", crossReactive: false },
    ]);
  });

  it("treats an allergy to one penicillin as a warning on the others", () => {
    expect(prescriptionWarnings({ medicineCode: "ampicillin-500mg-inj", allergies: allergic("amoxicillin"), currentMedicines: [] })).toEqual([
      { kind: "allergy", allergenCode: "amoxicillin", medicineCode: "ampicillin-500mg-inj", crossReactive: true },
    ]);
  });

  it("warns on a sulfa antibiotic and on aspirin for the groups they belong to", () => {
    expect(prescriptionWarnings({ medicineCode: "co-trimoxazole-480mg-tab", allergies: allergic("sulfonamides"), currentMedicines: [] })).toEqual([
      { kind: "allergy", allergenCode: "sulfonamides", medicineCode: "co-trimoxazole-480mg-tab", crossReactive: false },
    ]);
    expect(prescriptionWarnings({ medicineCode: "aspirin-75mg-tab", allergies: allergic("nsaids"), currentMedicines: [] })).toEqual([
      { kind: "allergy", allergenCode: "nsaids", medicineCode: "aspirin-75mg-tab", crossReactive: false },
    ]);
  });

  it("warns aspirin-sensitive patients about other NSAIDs", () => {
    expect(prescriptionWarnings({ medicineCode: "ibuprofen-400mg-tab", allergies: allergic("aspirin"), currentMedicines: [] })).toEqual([
      { kind: "allergy", allergenCode: "aspirin", medicineCode: "ibuprofen-400mg-tab", crossReactive: true },
    ]);
  });

  it("says nothing for allergies that do not bear on the medicine", () => {
    expect(prescriptionWarnings({ medicineCode: "azithromycin-500mg-tab", allergies: allergic("penicillins", "eggs", "sulfonamides"), currentMedicines: [] })).toEqual([]);
    expect(prescriptionWarnings({ medicineCode: "paracetamol-500mg-tab", allergies: allergic("nsaids", "aspirin"), currentMedicines: [] })).toEqual([]);
    expect(prescriptionWarnings({ medicineCode: "cefixime-400mg-cap", allergies: allergic("macrolides", "unknown-allergen"), currentMedicines: [] })).toEqual([]);
  });

  it("gives one warning for an allergy recorded twice", () => {
    expect(prescriptionWarnings({ medicineCode: "amoxicillin-250mg-cap", allergies: allergic("penicillins", "penicillins"), currentMedicines: [] })).toHaveLength(1);
  });
});

describe("prescriptionWarnings: duplicates", () => {
  it("warns when two paracetamol products are given together", () => {
    expect(prescriptionWarnings({ medicineCode: "paracetamol-500mg-tab", allergies: [], currentMedicines: taking("paracetamol-120mg5ml-syrup") })).toEqual([
      { kind: "duplicate_ingredient", ingredient: "paracetamol", otherMedicineCode: "paracetamol-120mg5ml-syrup" },
    ]);
  });

  it("warns when ibuprofen joins diclofenac, two NSAIDs", () => {
    expect(prescriptionWarnings({ medicineCode: "ibuprofen-400mg-tab", allergies: [], currentMedicines: taking("diclofenac-50mg-tab") })).toEqual([
      { kind: "duplicate_class", classCode: "nsaid", otherMedicineCode: "diclofenac-50mg-tab" },
    ]);
  });

  it("names the shared ingredient, not also the class, for co-amoxiclav beside amoxicillin", () => {
    expect(prescriptionWarnings({ medicineCode: "co-amoxiclav-625mg-tab", allergies: [], currentMedicines: taking("amoxicillin-500mg-cap") })).toEqual([
      { kind: "duplicate_ingredient", ingredient: "amoxicillin", otherMedicineCode: "amoxicillin-500mg-cap" },
    ]);
  });

  it("names each shared ingredient of two TB combinations", () => {
    expect(prescriptionWarnings({ medicineCode: "rh-150-75mg-tab", allergies: [], currentMedicines: taking("rhze-150-75-400-275mg-tab") })).toEqual([
      { kind: "duplicate_ingredient", ingredient: "rifampicin", otherMedicineCode: "rhze-150-75-400-275mg-tab" },
      { kind: "duplicate_ingredient", ingredient: "isoniazid", otherMedicineCode: "rhze-150-75-400-275mg-tab" },
    ]);
  });

  it("says nothing for unrelated medicines or combinations that belong together", () => {
    const quiet: [string, string][] = [
      ["amoxicillin-500mg-cap", "metformin-500mg-tab"],
      ["paracetamol-500mg-tab", "ibuprofen-400mg-tab"],
      ["insulin-soluble-100iuml-inj", "insulin-isophane-100iuml-inj"],
      ["chloroquine-150mg-tab", "primaquine-7.5mg-tab"],
      ["aspirin-75mg-tab", "clopidogrel-75mg-tab"],
      ["sofosbuvir-400mg-tab", "daclatasvir-60mg-tab"],
      ["amlodipine-5mg-tab", "losartan-50mg-tab"],
      ["ors-low-osmolarity-sachet", "zinc-sulfate-20mg-dt"],
    ];
    for (const [medicineCode, other] of quiet) {
      expect(prescriptionWarnings({ medicineCode, allergies: allergic("eggs"), currentMedicines: taking(other) }), `${medicineCode} + ${other}`).toEqual([]);
    }
  });

  it("ignores codes that are not in the formulary and a current medicine listed twice", () => {
    expect(prescriptionWarnings({ medicineCode: "free-text-medicine", allergies: allergic("penicillins"), currentMedicines: taking("amoxicillin-500mg-cap") })).toEqual([]);
    expect(prescriptionWarnings({ medicineCode: "enalapril-5mg-tab", allergies: [], currentMedicines: taking("captopril-25mg-tab", "captopril-25mg-tab", "no-such-code") })).toEqual([
      { kind: "duplicate_class", classCode: "ace_inhibitor", otherMedicineCode: "captopril-25mg-tab" },
    ]);
  });

  it("reports allergies before duplicates", () => {
    expect(prescriptionWarnings({ medicineCode: "ibuprofen-400mg-tab", allergies: allergic("nsaids"), currentMedicines: taking("ibuprofen-100mg5ml-susp") })).toEqual([
      { kind: "allergy", allergenCode: "nsaids", medicineCode: "ibuprofen-400mg-tab", crossReactive: false },
      { kind: "duplicate_ingredient", ingredient: "ibuprofen", otherMedicineCode: "ibuprofen-100mg5ml-susp" },
    ]);
  });
});
