import { describe, expect, it } from "vitest";
import { PATIENT_CHANGE_CUTOFF_MINUTES, patientMayChange } from "./policy";

describe("patientMayChange", () => {
  const start = new Date("2026-05-04T06:00:00Z");
  const minutesBefore = (m: number) => new Date(start.getTime() - m * 60_000);

  it("allows a change up to the cutoff", () => {
    expect(patientMayChange(start, minutesBefore(PATIENT_CHANGE_CUTOFF_MINUTES))).toBe(true);
    expect(patientMayChange(start, minutesBefore(24 * 60))).toBe(true);
  });

  it("refuses a change inside the cutoff and after the start", () => {
    expect(patientMayChange(start, minutesBefore(PATIENT_CHANGE_CUTOFF_MINUTES - 1))).toBe(false);
    expect(patientMayChange(start, minutesBefore(-5))).toBe(false);
  });
});

describe("a facility's own window", () => {
  it("replaces the default", () => {
    const start = new Date("2026-05-04T06:00:00Z");
    const twoHoursBefore = new Date(start.getTime() - 2 * 60 * 60_000);
    expect(patientMayChange(start, twoHoursBefore)).toBe(true);
    expect(patientMayChange(start, twoHoursBefore, 24 * 60)).toBe(false);
    expect(patientMayChange(start, twoHoursBefore, 0)).toBe(true);
  });
});
