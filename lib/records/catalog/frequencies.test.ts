import { describe, expect, it } from "vitest";
import { doseCount, durationUnits, findDurationUnit, findFrequency, findInstruction, frequencies, instructions } from "./frequencies";

const URDU_LETTER = /[\u0621-\u064a\u0679-\u06d3]/;

describe("frequencies", () => {
  it("count the doses a day of each frequency", () => {
    const perDay = Object.fromEntries(frequencies.map((frequency) => [frequency.code, frequency.perDay]));
    expect(perDay).toEqual({ od: 1, bd: 2, tds: 3, qds: 4, hs: 1, q6h: 4, q8h: 3, q12h: 2, prn: null, stat: null, weekly: 1 / 7 });
  });

  it("are labelled in English and Urdu", () => {
    expect(findFrequency("bd")?.ur).toBe("دن میں دو بار (صبح، شام)");
    expect(findFrequency("nightly")).toBeUndefined();
  });
});

describe("instructions and duration units", () => {
  it("include the phrases a prescription needs", () => {
    for (const code of ["after_food", "before_food", "plenty_of_water", "complete_course", "shake_well", "apply_thinly"]) {
      expect(findInstruction(code), code).toBeDefined();
    }
    expect(findInstruction("after_food")?.ur).toBe("کھانے کے بعد");
  });

  it("have days, weeks and months", () => {
    expect(durationUnits.map((unit) => [unit.code, unit.days])).toEqual([["days", 1], ["weeks", 7], ["months", 30]]);
    expect(findDurationUnit("weeks")?.ur).toBe("ہفتے");
  });
});

describe("every phrase", () => {
  it("has a unique code and non-empty English and Urdu-script labels", () => {
    for (const list of [frequencies, instructions, durationUnits]) {
      const entries: readonly { code: string; en: string; ur: string }[] = list;
      expect(new Set(entries.map((entry) => entry.code)).size).toBe(entries.length);
      for (const { code, en, ur } of entries) {
        expect(en.trim(), code).not.toBe("");
        expect(ur, code).toMatch(URDU_LETTER);
      }
    }
  });
});

describe("doseCount", () => {
  it("multiplies doses a day by the days of the course", () => {
    expect(doseCount("tds", 5, "days")).toBe(15);
    expect(doseCount("bd", 1, "months")).toBe(60);
    expect(doseCount("q6h", 2, "days")).toBe(8);
  });

  it("counts a weekly dose once a week, without rounding a float up", () => {
    expect(doseCount("weekly", 4, "weeks")).toBe(4);
    expect(doseCount("weekly", 10, "days")).toBe(2);
  });

  it("counts a stat dose as one and cannot count as-needed doses", () => {
    expect(doseCount("stat", 3, "days")).toBe(1);
    expect(doseCount("prn", 3, "days")).toBeNull();
  });

  it("rejects an unknown frequency or a course of no length", () => {
    expect(doseCount("hourly", 3, "days")).toBeNull();
    expect(doseCount("od", 0, "days")).toBeNull();
    expect(doseCount("od", Number.NaN, "days")).toBeNull();
  });
});
