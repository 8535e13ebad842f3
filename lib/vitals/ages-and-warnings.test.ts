import { describe, expect, it } from "vitest";
import type { Vitals } from "@/db/schema";
import { ageInMonths, gestationalAge, vitalsInput, vitalsWarnings, type VitalsValues } from "./ranges";

// Ages and warnings, apart from the form's checks in ranges.test.ts.
const empty: VitalsValues = {
  systolic: null,
  diastolic: null,
  pulse: null,
  temperatureC: null,
  spo2: null,
  respiratoryRate: null,
  weightKg: null,
  heightCm: null,
  glucoseMgDl: null,
  muacCm: null,
  lastMenstrualPeriod: null,
};

describe("gestationalAge", () => {
  it.each([
    ["2026-03-02", "2026-03-02", 0, 0],
    ["2026-02-23", "2026-03-02", 1, 0],
    ["2025-12-01", "2026-03-02", 13, 0],
    ["2025-11-30", "2026-03-02", 13, 1],
    ["2025-06-02", "2026-03-02", 39, 0],
    ["2024-02-27", "2024-03-01", 0, 3], // across a leap day
  ])("from LMP %s to %s is %d weeks %d days", (lmp, today, weeks, days) => {
    expect(gestationalAge(lmp, today)).toEqual({ weeks, days });
  });

  it("refuses an LMP after today or a malformed date", () => {
    expect(() => gestationalAge("2026-03-03", "2026-03-02")).toThrow(RangeError);
    expect(() => gestationalAge("2026-02-30", "2026-03-02")).toThrow(RangeError);
    expect(() => gestationalAge("2026-02-01", "")).toThrow(RangeError);
  });
});

describe("ageInMonths", () => {
  it.each([
    ["2026-03-02", "2026-03-02", 0],
    ["2026-02-02", "2026-03-01", 0],
    ["2026-02-02", "2026-03-02", 1],
    ["2021-03-02", "2026-03-02", 60],
    ["2021-03-03", "2026-03-02", 59],
    ["2025-09-02", "2026-03-02", 6],
    ["2025-09-03", "2026-03-02", 5],
    ["2024-01-31", "2024-02-29", 0], // born on the 31st: no 31st in February
    ["2024-01-31", "2024-03-01", 1],
    ["1990-06-15", "2026-03-02", 428],
  ])("born %s, on %s is %d months old", (dob, today, months) => {
    expect(ageInMonths(dob, today)).toBe(months);
  });

  it("refuses a birth after today or a malformed date", () => {
    expect(() => ageInMonths("2026-03-03", "2026-03-02")).toThrow(RangeError);
    expect(() => ageInMonths("2026-3-1", "2026-03-02")).toThrow(RangeError);
  });
});

describe("vitalsWarnings", () => {
  const warn = (values: Partial<VitalsValues>) => vitalsWarnings({ ...empty, ...values });

  it("warns of nothing for normal or missing values", () => {
    expect(vitalsWarnings(empty)).toEqual([]);
    expect(vitalsWarnings({})).toEqual([]);
    expect(
      warn({ systolic: 120, diastolic: 80, pulse: 72, temperatureC: 36.8, spo2: 98, glucoseMgDl: 110, muacCm: 13.5 }),
    ).toEqual([]);
  });

  it.each<[string, Partial<VitalsValues>, string[]]>([
    ["SpO2 below 92", { spo2: 91 }, ["spo2_low"]],
    ["SpO2 of 92", { spo2: 92 }, []],
    ["systolic of 160", { systolic: 160, diastolic: 90 }, ["bp_high"]],
    ["systolic of 159", { systolic: 159, diastolic: 90 }, []],
    ["diastolic of 110", { systolic: 150, diastolic: 110 }, ["bp_high"]],
    ["diastolic of 109", { systolic: 150, diastolic: 109 }, []],
    ["systolic below 90", { systolic: 89, diastolic: 60 }, ["bp_low"]],
    ["systolic of 90", { systolic: 90, diastolic: 60 }, []],
    ["pulse above 120", { pulse: 121 }, ["pulse_high"]],
    ["pulse of 120", { pulse: 120 }, []],
    ["temperature of 38.5", { temperatureC: 38.5 }, ["temp_high"]],
    ["temperature of 38.4", { temperatureC: 38.4 }, []],
    ["temperature below 35", { temperatureC: 34.9 }, ["temp_low"]],
    ["temperature of 35", { temperatureC: 35 }, []],
    ["glucose below 70", { glucoseMgDl: 69 }, ["glucose_low"]],
    ["glucose of 70", { glucoseMgDl: 70 }, []],
    ["glucose of 300", { glucoseMgDl: 300 }, ["glucose_high"]],
    ["glucose of 299", { glucoseMgDl: 299 }, []],
    ["MUAC below 11.5", { muacCm: 11.4 }, ["muac_severe"]],
    ["MUAC of 11.5", { muacCm: 11.5 }, ["muac_moderate"]],
    ["MUAC of 12.4", { muacCm: 12.4 }, ["muac_moderate"]],
    ["MUAC of 12.5", { muacCm: 12.5 }, []],
  ])("%s", (_label, values, expected) => {
    expect(warn(values)).toEqual(expected);
  });

  it("lists every worrying value", () => {
    expect(warn({ spo2: 85, systolic: 80, diastolic: 50, pulse: 140, temperatureC: 39.2, glucoseMgDl: 45 })).toEqual([
      "spo2_low",
      "bp_low",
      "pulse_high",
      "temp_high",
      "glucose_low",
    ]);
  });

  it("reads a stored vitals row as well as a parsed form", () => {
    const row: Vitals = {
      ...empty,
      id: "v1",
      patientId: "p1",
      consultationId: null,
      recordedBy: "u1",
      recordedAt: new Date("2026-03-02T05:00:00Z"),
      spo2: 90,
    };
    expect(vitalsWarnings(row)).toEqual(["spo2_low"]);
  });

  it("warns of parsed form values", () => {
    const parsed = vitalsInput.parse({ systolic: "۱۸۰", diastolic: "100", temperatureC: "34,5" });
    expect(vitalsWarnings(parsed)).toEqual(["bp_high", "temp_low"]);
  });
});
