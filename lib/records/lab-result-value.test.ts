import { describe, expect, it } from "vitest";
import type { LabTest } from "./catalog/lab-tests";
import { readLabValue } from "./lab-result-value";

const hb: LabTest = { code: "hb", en: "Hb", ur: "ہیموگلوبن", resultKind: "numeric", unit: "g/dL", low: 12, high: 17 };
const rdt: LabTest = { code: "malaria_rdt", en: "RDT", ur: "آر ڈی ٹی", resultKind: "positive_negative" };
const slide: LabTest = { code: "malaria_slide", en: "MP", ur: "ایم پی", resultKind: "text" };

describe("readLabValue", () => {
  it("reads numbers as typed on either keyboard, keeping two decimals", () => {
    expect(readLabValue(hb, "9.4")).toEqual({ valueNumeric: 9.4, valueText: null });
    expect(readLabValue(hb, "۱۱٫۲")).toEqual({ valueNumeric: 11.2, valueText: null });
    expect(readLabValue(hb, "10,456")).toEqual({ valueNumeric: 10.46, valueText: null });
  });

  it("refuses what is no plain non-negative number, or too big for the column", () => {
    for (const typed of ["high", "-3", "1e5", "12 g/dL", "100000000"]) expect(readLabValue(hb, typed)).toBe("lab_value_number");
  });

  it("takes only positive or negative for a qualitative test", () => {
    expect(readLabValue(rdt, "negative")).toEqual({ valueNumeric: null, valueText: "negative" });
    expect(readLabValue(rdt, "maybe")).toBe("lab_value_choice");
  });

  it("keeps words for a text test, and nothing when nothing was typed", () => {
    expect(readLabValue(slide, "P. vivax seen")).toEqual({ valueNumeric: null, valueText: "P. vivax seen" });
    expect(readLabValue(slide, "x".repeat(2001))).toBe("lab_value_too_long");
    expect(readLabValue(hb, undefined)).toEqual({ valueNumeric: null, valueText: null });
  });
});
