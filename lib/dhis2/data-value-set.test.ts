import { describe, expect, it } from "vitest";
import { buildDataValueSet } from "@/lib/dhis2/data-value-set";

describe("buildDataValueSet", () => {
  it("builds the body with values as integer strings, zeros kept", () => {
    expect(
      buildDataValueSet({
        dataSet: "MONTHLY_OPD",
        period: "202611",
        orgUnit: "PK_BHU_01",
        values: [
          { dataElement: "OPD_VISITS", categoryOptionCombo: "MALE", value: 12 },
          { dataElement: "ANC_1", value: 0 },
        ],
      }),
    ).toEqual({
      dataSet: "MONTHLY_OPD",
      period: "202611",
      orgUnit: "PK_BHU_01",
      dataValues: [
        { dataElement: "OPD_VISITS", categoryOptionCombo: "MALE", value: "12" },
        { dataElement: "ANC_1", value: "0" },
      ],
    });
  });

  it("leaves out an absent data set and writes the complete date on the Karachi calendar", () => {
    const body = buildDataValueSet({
      period: "2026W48",
      orgUnit: "PK.BHU-01",
      values: [],
      completeDate: new Date("2026-11-29T20:00:00Z"), // 30 November 01:00 in Karachi
    });
    expect(body).toEqual({ period: "2026W48", orgUnit: "PK.BHU-01", completeDate: "2026-11-30", dataValues: [] });
    expect("dataSet" in body).toBe(false);
  });

  it("refuses invalid codes, periods, values and duplicates", () => {
    const ok = { period: "202611", orgUnit: "OU", values: [{ dataElement: "DE", value: 1 }] };
    expect(() => buildDataValueSet({ ...ok, orgUnit: "" })).toThrow(/org unit code "" is invalid/);
    expect(() => buildDataValueSet({ ...ok, orgUnit: "A".repeat(51) })).toThrow(/org unit code/);
    expect(() => buildDataValueSet({ ...ok, orgUnit: "A".repeat(50) })).not.toThrow();
    expect(() => buildDataValueSet({ ...ok, dataSet: "has space" })).toThrow(/data set code/);
    expect(() => buildDataValueSet({ ...ok, values: [{ dataElement: "DÉ", value: 1 }] })).toThrow(/data element code/);
    expect(() => buildDataValueSet({ ...ok, values: [{ dataElement: "DE", categoryOptionCombo: "a/b", value: 1 }] })).toThrow(
      /category option combo code/,
    );
    expect(() => buildDataValueSet({ ...ok, period: "202613" })).toThrow(/period "202613" is invalid/);
    expect(() => buildDataValueSet({ ...ok, values: [{ dataElement: "DE", value: 1.5 }] })).toThrow(/whole number/);
    expect(() => buildDataValueSet({ ...ok, values: [{ dataElement: "DE", value: Number.NaN }] })).toThrow(/whole number/);
    expect(() =>
      buildDataValueSet({ ...ok, values: [{ dataElement: "DE", value: 1 }, { dataElement: "DE", value: 2 }] }),
    ).toThrow(/given twice/);
  });
});
