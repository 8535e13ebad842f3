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
    expect(() => parseMapping({ dataSet: "DS", entries: [{ ...entry, figure: "visits" }] })).toThrow(/entries\.0\.figure/);
    expect(() => parseMapping({ dataSet: "DS", entries: [{ ...entry, dataElement: "has space" }] })).toThrow(/DHIS2 code/);
    expect(() => parseMapping({ dataSet: "DS", entries: [entry, { ...entry, dataElement: "OTHER" }] })).toThrow(/mapped twice/);
    expect(() => parseMapping({ dataSet: "DS", entries: [entry, { ...entry, figure: "no_shows" }] })).toThrow(/receives two figures/);
    expect(() => parseMapping({ ...raw, dataSet: "" })).toThrow(/dataSet/);
  });
});
