import { describe, expect, it } from "vitest";
import {
  bloodPressureFlag,
  bloodPressureSeries,
  followUpInterval,
  glucoseFlag,
  glucoseScreenFlag,
  glucoseSeries,
  isOutOfRange,
  readingSeries,
} from "./chronic";

describe("bloodPressureFlag", () => {
  it.each([
    [120, 80, "at_target"],
    [139, 89, "at_target"],
    [90, 60, "at_target"],
    [140, 80, "above_target"],
    [130, 90, "above_target"],
    [159, 99, "above_target"],
    [150, 55, "above_target"], // isolated systolic hypertension is not "low" for its diastolic
    [160, 80, "severe"],
    [150, 100, "severe"],
    [179, 119, "severe"],
    [180, 100, "crisis"],
    [150, 120, "crisis"],
    [89, 60, "low"],
    [80, 50, "low"],
  ] as const)("%d/%d is %s", (systolic, diastolic, flag) => {
    expect(bloodPressureFlag(systolic, diastolic)).toBe(flag);
  });

  it("refuses numbers that are not a measurement", () => {
    expect(() => bloodPressureFlag(Number.NaN, 80)).toThrow(RangeError);
    expect(() => bloodPressureFlag(120, 0)).toThrow(RangeError);
    expect(() => bloodPressureFlag(-120, 80)).toThrow(RangeError);
    expect(() => bloodPressureFlag(Number.POSITIVE_INFINITY, 80)).toThrow(RangeError);
  });
});

describe("glucoseFlag (known diabetes)", () => {
  it.each([
    [69, "fasting", "hypo"],
    [70, "fasting", "below_target"],
    [79, "fasting", "below_target"],
    [80, "fasting", "at_target"],
    [130, "fasting", "at_target"],
    [131, "fasting", "above_target"],
    [299, "fasting", "above_target"],
    [300, "fasting", "very_high"],
    [69, "random", "hypo"],
    [70, "random", "at_target"],
    [179, "random", "at_target"],
    [180, "random", "above_target"],
    [299, "random", "above_target"],
    [300, "random", "very_high"],
  ] as const)("%d mg/dL %s is %s", (mgDl, timing, flag) => {
    expect(glucoseFlag(mgDl, timing)).toBe(flag);
  });

  it("refuses a value that is not a measurement", () => {
    expect(() => glucoseFlag(Number.NaN, "random")).toThrow(RangeError);
    expect(() => glucoseFlag(0, "fasting")).toThrow(RangeError);
  });
});

describe("glucoseScreenFlag (not known to have diabetes)", () => {
  it.each([
    [69, "fasting", "hypo"],
    [70, "fasting", "normal"],
    [99, "fasting", "normal"],
    [100, "fasting", "raised"],
    [125, "fasting", "raised"],
    [126, "fasting", "diabetes_range"],
    [139, "random", "normal"],
    [140, "random", "raised"],
    [199, "random", "raised"],
    [200, "random", "diabetes_range"],
    [69, "random", "hypo"],
  ] as const)("%d mg/dL %s is %s", (mgDl, timing, flag) => {
    expect(glucoseScreenFlag(mgDl, timing)).toBe(flag);
  });
});

describe("followUpInterval", () => {
  it.each([
    ["crisis", 0],
    ["hypo", 0],
    ["very_high", 0],
    ["severe", 7],
    ["low", 7],
    ["diabetes_range", 7],
    ["below_target", 14],
    ["raised", 14],
    ["above_target", 28],
    ["at_target", 90],
    ["normal", 365],
  ] as const)("%s is reviewed in %d days", (flag, days) => {
    expect(followUpInterval(flag)).toBe(days);
  });

  it("marks every flag but the controlled ones out of range", () => {
    expect(isOutOfRange("at_target")).toBe(false);
    expect(isOutOfRange("normal")).toBe(false);
    expect(isOutOfRange("above_target")).toBe(true);
    expect(isOutOfRange("low")).toBe(true);
    expect(isOutOfRange("hypo")).toBe(true);
  });
});

const day = (d: string) => new Date(`${d}T05:00:00Z`);

describe("bloodPressureSeries", () => {
  const series = bloodPressureSeries([
    { takenAt: day("2026-03-01"), systolic: 150, diastolic: 85 },
    { takenAt: day("2026-01-05"), systolic: 168, diastolic: 102 },
    { takenAt: day("2026-02-02"), systolic: 132, diastolic: 92 },
    { takenAt: day("2026-04-01"), systolic: 128, diastolic: 78 },
  ]);

  it("sorts the readings oldest first and flags each", () => {
    expect(series.readings).toEqual([
      { takenAt: day("2026-01-05"), flag: "severe", followUpInDays: 7 },
      { takenAt: day("2026-02-02"), flag: "above_target", followUpInDays: 28 },
      { takenAt: day("2026-03-01"), flag: "above_target", followUpInDays: 28 },
      { takenAt: day("2026-04-01"), flag: "at_target", followUpInDays: 90 },
    ]);
    expect(series.latest).toBe("at_target");
  });

  it("marks each number out of range by its own target", () => {
    expect(series.series.map((s) => s.key)).toEqual(["systolic", "diastolic"]);
    expect(series.series[0]!.points.map((p) => [p.value, p.outOfRange])).toEqual([
      [168, true],
      [132, false],
      [150, true],
      [128, false],
    ]);
    expect(series.series[1]!.points.map((p) => [p.value, p.outOfRange])).toEqual([
      [102, true],
      [92, true],
      [85, false],
      [78, false],
    ]);
  });

  it("draws the 140 and 90 targets", () => {
    expect(series.lines).toEqual([
      { key: "systolic_target", value: 140 },
      { key: "diastolic_target", value: 90 },
    ]);
  });

  it("marks a low systolic", () => {
    const low = bloodPressureSeries([{ takenAt: day("2026-01-05"), systolic: 85, diastolic: 55 }]);
    expect(low.series[0]!.points[0]!.outOfRange).toBe(true);
    expect(low.readings[0]!.flag).toBe("low");
  });

  it("is empty with no readings, and refuses an invalid time", () => {
    expect(bloodPressureSeries([])).toEqual({ readings: [], series: [], lines: expect.any(Array), latest: null });
    expect(() => bloodPressureSeries([{ takenAt: new Date("x"), systolic: 120, diastolic: 80 }])).toThrow(RangeError);
  });
});

describe("glucoseSeries", () => {
  it("splits fasting from random readings and draws the targets of those present", () => {
    const series = glucoseSeries([
      { takenAt: day("2026-02-01"), mgDl: 190, timing: "random" },
      { takenAt: day("2026-01-01"), mgDl: 145, timing: "fasting" },
      { takenAt: day("2026-03-01"), mgDl: 110, timing: "fasting" },
      { takenAt: day("2026-03-15"), mgDl: 65, timing: "random" },
    ]);
    expect(series.readings.map((r) => r.flag)).toEqual(["above_target", "above_target", "at_target", "hypo"]);
    expect(series.series).toEqual([
      {
        key: "fasting",
        points: [
          { takenAt: day("2026-01-01"), value: 145, outOfRange: true },
          { takenAt: day("2026-03-01"), value: 110, outOfRange: false },
        ],
      },
      {
        key: "random",
        points: [
          { takenAt: day("2026-02-01"), value: 190, outOfRange: true },
          { takenAt: day("2026-03-15"), value: 65, outOfRange: true },
        ],
      },
    ]);
    expect(series.lines).toEqual([
      { key: "hypo", value: 70 },
      { key: "fasting_target", value: 130 },
      { key: "random_target", value: 180 },
    ]);
    expect(series.latest).toBe("hypo");
  });

  it("leaves out a series with no readings and its target", () => {
    const series = readingSeries({ kind: "glucose", readings: [{ takenAt: day("2026-01-01"), mgDl: 100, timing: "fasting" }] });
    expect(series.series.map((s) => s.key)).toEqual(["fasting"]);
    expect(series.lines.map((l) => l.key)).toEqual(["hypo", "fasting_target"]);
  });
});
