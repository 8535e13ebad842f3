import { describe, expect, it } from "vitest";
import { diagnoses, diagnosisGroups, findDiagnosis, findDiagnosisGroup, ICD10_CODE, searchDiagnoses } from "./diagnoses";

const URDU_LETTER = /[\u0621-\u064a\u0679-\u06d3]/;
const LATIN_LETTER = /[A-Za-z]/;
const codesOf = (query: string, limit?: number) => searchDiagnoses(query, { limit }).map((diagnosis) => diagnosis.code);

describe("the diagnosis list", () => {
  it("has between 200 and 260 entries with unique, well-formed ICD-10 codes", () => {
    expect(diagnoses.length).toBeGreaterThanOrEqual(200);
    expect(diagnoses.length).toBeLessThanOrEqual(260);
    expect(new Set(diagnoses.map((diagnosis) => diagnosis.code)).size).toBe(diagnoses.length);
    for (const { code } of diagnoses) expect(code).toMatch(ICD10_CODE);
  });

  it("rejects what is not an ICD-10 code", () => {
    for (const bad of ["j06.9", "J6.9", "J06.", "J06.123", "006.9", "J069"]) expect(bad).not.toMatch(ICD10_CODE);
  });

  it("labels every entry in English and in Urdu script", () => {
    for (const { code, en, ur } of diagnoses) {
      expect(en.trim(), code).not.toBe("");
      expect(ur, code).toMatch(URDU_LETTER);
      expect(ur, code).not.toMatch(LATIN_LETTER);
    }
  });

  it("puts every entry in a known group and leaves no group empty", () => {
    const groups = new Set<string>(diagnosisGroups.map((group) => group.code));
    for (const { code, group } of diagnoses) expect(groups.has(group), code).toBe(true);
    for (const group of groups) expect(diagnoses.some((diagnosis) => diagnosis.group === group), group).toBe(true);
    for (const group of diagnosisGroups) {
      expect(group.en).not.toBe("");
      expect(group.ur).toMatch(URDU_LETTER);
    }
    expect(findDiagnosisGroup("maternal").ur).toBe("حمل اور خاندانی منصوبہ بندی");
  });

  it("covers what Pakistani primary care and the OPD registers see", () => {
    const expected = [
      "J00", "J06.9", "J18.9", "J45.9", "J44.9", // colds, ARI, pneumonia, asthma, COPD
      "A09.0", "A00.9", "A03.9", "A01.0", // diarrhoea, cholera, dysentery, typhoid
      "B51.9", "B50.9", "B54", "A90", // malaria vivax / falciparum / unconfirmed, dengue
      "Z03.0", "A15.0", "A16.2", "B16.9", "B18.2", // TB suspect and confirmed, hepatitis B and C
      "B86", "L01.0", "B82.9", "D50.9", "E43", "E45", // scabies, impetigo, worms, anaemia, wasting, stunting
      "I10", "E11.9", "I25.9", // hypertension, diabetes, ischaemic heart disease
      "Z34.0", "Z35.9", "O21.0", "O14.9", "O99.0", "O72.1", "Z39.2", "Z30.0", // pregnancy and family planning
      "W54", "Z20.3", "T63.0", "T30.0", "T60.0", // dog bite, rabies exposure, snake bite, burn, poisoning
      "F32.9", "F41.1", "G40.9", "H10.9", "H66.9", "K02.9", "N39.0", "A64", // mental health, epilepsy, eye, ear, teeth, UTI, STI
      "R50.9", "R05", "R51", "R10.4", // symptoms
    ];
    for (const code of expected) expect(findDiagnosis(code), code).toBeDefined();
  });
});

describe("findDiagnosis", () => {
  it("finds a code whatever its case and surrounding spaces", () => {
    expect(findDiagnosis(" j06.9 ")?.code).toBe("J06.9");
    expect(findDiagnosis("B86")?.ur).toBe("خارش (سکیبیز)");
    expect(findDiagnosis("I10")?.ur).toBe("بلڈ پریشر (ہائی)");
  });

  it("returns undefined for a code that is not on the list", () => {
    expect(findDiagnosis("X99.9")).toBeUndefined();
    expect(findDiagnosis("")).toBeUndefined();
  });
});

describe("searchDiagnoses", () => {
  it("finds the common cold in English", () => {
    expect(codesOf("cold")[0]).toBe("J00");
    expect(codesOf("Common Cold")[0]).toBe("J00");
  });

  it("finds the common cold and ARI in Urdu", () => {
    const found = codesOf("نزلہ");
    expect(found[0]).toBe("J00");
    expect(found).toContain("J06.9");
  });

  it("finds the same when typed on an Arabic keyboard", () => {
    expect(codesOf("نزله")).toEqual(codesOf("نزلہ"));
    expect(codesOf("زكام")[0]).toBe("J00");
    expect(codesOf("نزله زكام")[0]).toBe("J00");
  });

  it("finds by code prefix, with or without the dot", () => {
    expect(codesOf("J06")[0]).toBe("J06.9");
    expect(codesOf("j069")[0]).toBe("J06.9");
    expect(codesOf("Z30")).toEqual(["Z30.0", "Z30.1", "Z30.4"]);
  });

  it("puts an exact code first even when other codes start with it", () => {
    expect(codesOf("B54")[0]).toBe("B54");
    expect(codesOf("r05")[0]).toBe("R05");
  });

  it("ranks a whole-label match, then word starts in list order", () => {
    expect(codesOf("fever")).toEqual(["R50.9", "J30.4", "A01.0", "A90", "B34.9"]);
    expect(codesOf("بخار")[0]).toBe("R50.9");
  });

  it("ranks labels that start with the query before labels that only contain a word starting with it", () => {
    const found = codesOf("malaria");
    expect(found.slice(0, 3)).toEqual(["B51.9", "B50.9", "B54"]);
  });

  it("matches inside a word when nothing starts with the query", () => {
    expect(codesOf("tuss")).toEqual([]);
    expect(codesOf("ooping")).toEqual(["A37.9"]);
  });

  it("honours the limit and returns nothing for an empty query", () => {
    expect(codesOf("a", 5)).toHaveLength(5);
    expect(codesOf("")).toEqual([]);
    expect(searchDiagnoses("pain").length).toBeLessThanOrEqual(20);
  });
});
