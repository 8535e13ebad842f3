import { describe, expect, it } from "vitest";
import { findLabTest, labResultFlag, labTests } from "./lab-tests";

const URDU_LETTER = /[\u0621-\u064a\u0679-\u06d3]/;

/** LOINC's check digit is the Luhn (mod 10) digit of the number before the hyphen. */
function loincCheckDigit(body: string): number {
  let sum = 0;
  [...body].reverse().forEach((char, index) => {
    const digit = Number(char) * (index % 2 === 0 ? 2 : 1);
    sum += digit > 9 ? digit - 9 : digit;
  });
  return (10 - (sum % 10)) % 10;
}

describe("the lab tests", () => {
  it("are 30 to 40 tests with unique slug codes and labels in English and Urdu", () => {
    expect(labTests.length).toBeGreaterThanOrEqual(30);
    expect(labTests.length).toBeLessThanOrEqual(40);
    expect(new Set(labTests.map((test) => test.code)).size).toBe(labTests.length);
    for (const { code, en, ur } of labTests) {
      expect(code).toMatch(/^[a-z0-9]+(?:_[a-z0-9]+)*$/);
      expect(en.trim(), code).not.toBe("");
      expect(ur, code).toMatch(URDU_LETTER);
    }
  });

  it("write LOINC codes with a valid check digit", () => {
    expect(loincCheckDigit("718")).toBe(7);
    for (const { code, loinc } of labTests) {
      if (loinc === undefined) continue;
      const match = /^(\d{1,7})-(\d)$/.exec(loinc);
      expect(match, code).not.toBeNull();
      expect(loincCheckDigit(match![1]!), `${code} ${loinc}`).toBe(Number(match![2]));
    }
    expect(new Set(labTests.flatMap((test) => (test.loinc ? [test.loinc] : []))).size).toBe(labTests.filter((test) => test.loinc).length);
  });

  it("give numeric tests a unit and ranges only to numeric tests, low below high", () => {
    for (const test of labTests) {
      if (test.resultKind === "numeric") expect(test.unit, test.code).toBeTruthy();
      else expect([test.low, test.high], test.code).toEqual([undefined, undefined]);
      if (test.low !== undefined && test.high !== undefined) expect(test.low, test.code).toBeLessThan(test.high);
    }
  });

  it("include what primary care orders", () => {
    for (const code of ["hb", "cbc", "rbs", "fbs", "hba1c", "urine_re", "urine_pregnancy", "malaria_rdt", "malaria_slide", "sputum_afb", "genexpert", "hbsag", "anti_hcv", "hiv_rapid", "typhidot", "widal", "dengue_ns1", "lipid_profile", "creatinine", "alt", "blood_group", "tsh"]) {
      expect(findLabTest(code), code).toBeDefined();
    }
    expect(findLabTest("hb")).toMatchObject({ unit: "g/dL", loinc: "718-7" });
    expect(findLabTest("hba1c")?.loinc).toBe("4548-4");
  });
});

describe("labResultFlag", () => {
  it("flags numeric results against the range, bounds counting as normal", () => {
    expect(labResultFlag("hb", 8.5)).toBe("low");
    expect(labResultFlag("hb", 13)).toBe("normal");
    expect(labResultFlag("hb", 12)).toBe("normal");
    expect(labResultFlag("hb", 18.2)).toBe("high");
    expect(labResultFlag("fbs", "126")).toBe("high");
    expect(labResultFlag("fbs", 100)).toBe("normal");
    expect(labResultFlag("rbs", 55)).toBe("low");
    expect(labResultFlag("hba1c", 6.5)).toBe("high");
  });

  it("flags a test with one bound only on that side", () => {
    expect(labResultFlag("hdl", 35)).toBe("low");
    expect(labResultFlag("hdl", 80)).toBe("normal");
    expect(labResultFlag("esr", 2)).toBe("normal");
    expect(labResultFlag("esr", 45)).toBe("high");
  });

  it("reads Urdu digits and a decimal comma", () => {
    expect(labResultFlag("fbs", "۹۰")).toBe("normal");
    expect(labResultFlag("hb", "٧,٥")).toBe("low");
    expect(labResultFlag(findLabTest("creatinine")!, "2,4")).toBe("high");
  });

  it("reads positive and negative in English and Urdu", () => {
    expect(labResultFlag("urine_pregnancy", "Positive")).toBe("positive");
    expect(labResultFlag("malaria_rdt", "negative")).toBe("negative");
    expect(labResultFlag("hbsag", "Reactive")).toBe("positive");
    expect(labResultFlag("anti_hcv", "non-reactive")).toBe("negative");
    expect(labResultFlag("dengue_ns1", "مثبت")).toBe("positive");
    expect(labResultFlag("hiv_rapid", "منفی")).toBe("negative");
    expect(labResultFlag("typhidot", "maybe")).toBeNull();
  });

  it("gives no flag for free-text tests, unknown tests or unreadable values", () => {
    expect(labResultFlag("cbc", "normal")).toBeNull();
    expect(labResultFlag("widal", "1:160")).toBeNull();
    expect(labResultFlag("no_such_test", 5)).toBeNull();
    expect(labResultFlag("hb", "twelve")).toBeNull();
    expect(labResultFlag("hb", "")).toBeNull();
  });
});
