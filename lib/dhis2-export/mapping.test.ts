import { describe, expect, it } from "vitest";
import raw from "./mapping.json";
import { dhis2Mapping, FIGURE_KEYS, parseMapping } from "./mapping";

describe("the DHIS2 mapping", () => {
  it("maps every figure exactly once, by code", () => {
    const mapping = dhis2Mapping();
    expect(mapping.entries.map((e) => e.figure).sort()).toEqual([...FIGURE_KEYS].sort());
    expect(mapping.entries.find((e) => e.figure === "consultations.female.15_49")).toEqual({
      figure: "consultations.female.15_49",
      dataElement: "RBT_TELECONSULT",
      categoryOptionCombo: "F_15_49",
    });
  });

  it("refuses an unknown figure, a bad code, a figure twice and two figures into one cell", () => {
    const entry = { figure: "referrals", dataElement: "RBT_REFERRALS" };
    expect(() => parseMapping({ dataSets: { monthly: "DS" }, entries: [{ ...entry, figure: "visits" }] })).toThrow(/entries\.0\.figure/);
    expect(() => parseMapping({ dataSets: { monthly: "DS" }, entries: [{ ...entry, dataElement: "has space" }] })).toThrow(/DHIS2 code/);
    expect(() => parseMapping({ dataSets: { monthly: "DS" }, entries: [entry, { ...entry, dataElement: "OTHER" }] })).toThrow(/mapped twice/);
    expect(() => parseMapping({ dataSets: { monthly: "DS" }, entries: [entry, { ...entry, figure: "no_shows" }] })).toThrow(/receives two figures/);
    expect(() => parseMapping({ ...raw, dataSets: { monthly: "" } })).toThrow(/dataSets\.monthly/);
    expect(() => parseMapping({ ...raw, dataSets: {} })).toThrow(/name a monthly or a weekly data set/);
  });

  it("sends a month and a week to a data set each, as DHIS2 gives a data set one period type", () => {
    expect(dhis2Mapping().dataSets).toEqual({ monthly: "RBT_MONTHLY_TELEHEALTH", weekly: "RBT_WEEKLY_TELEHEALTH" });
    expect(parseMapping({ ...raw, dataSets: { weekly: "WK" } }).dataSets).toEqual({ weekly: "WK" });
  });
});
