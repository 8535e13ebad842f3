import { describe, expect, it } from "vitest";
import { estimateWaitMs, MIN_SAMPLES, typicalConsultationMs, waitMinutes } from "./wait-estimate";

const min = (minutes: number) => minutes * 60_000;
const fallback = min(10);

describe("typicalConsultationMs", () => {
  it("takes the middle value of an odd number of lengths", () => {
    expect(typicalConsultationMs([min(12), min(5), min(8)], fallback)).toBe(min(8));
    expect(typicalConsultationMs([min(7), min(3), min(50), min(9), min(6)], fallback)).toBe(min(7));
  });

  it("takes the mean of the two middle values of an even number of lengths", () => {
    expect(typicalConsultationMs([min(4), min(10), min(6), min(20)], fallback)).toBe(min(8));
  });

  it("is not pulled up by one very long call", () => {
    expect(typicalConsultationMs([min(6), min(7), min(8), min(240)], fallback)).toBe(min(7.5));
  });

  it("does not reorder the caller's array", () => {
    const durations = [min(9), min(3), min(6)];
    typicalConsultationMs(durations, fallback);
    expect(durations).toEqual([min(9), min(3), min(6)]);
  });

  it(`uses the fallback with fewer than ${MIN_SAMPLES} lengths`, () => {
    expect(MIN_SAMPLES).toBe(3);
    expect(typicalConsultationMs([], fallback)).toBe(fallback);
    expect(typicalConsultationMs([min(4), min(5)], fallback)).toBe(fallback);
    expect(typicalConsultationMs([min(4), min(5), min(6)], fallback)).toBe(min(5));
  });

  it("ignores negative and non-finite lengths, also when counting samples", () => {
    expect(typicalConsultationMs([min(4), -min(5), Number.NaN, Infinity, min(6)], fallback)).toBe(fallback);
    expect(typicalConsultationMs([min(4), -min(5), Number.NaN, min(6), min(20), -Infinity], fallback)).toBe(min(6));
  });

  it("clamps to between 2 and 60 minutes", () => {
    expect(typicalConsultationMs([30_000, 45_000, 60_000], fallback)).toBe(min(2));
    expect(typicalConsultationMs([0, 0, 0], fallback)).toBe(min(2));
    expect(typicalConsultationMs([min(90), min(120), min(75)], fallback)).toBe(min(60));
    expect(typicalConsultationMs([min(2), min(2), min(2)], fallback)).toBe(min(2));
    expect(typicalConsultationMs([min(60), min(60), min(60)], fallback)).toBe(min(60));
  });

  it("clamps the fallback too", () => {
    expect(typicalConsultationMs([], min(1))).toBe(min(2));
    expect(typicalConsultationMs([], min(90))).toBe(min(60));
  });
});

describe("estimateWaitMs", () => {
  const base = { typicalMs: min(10), cliniciansOnline: 1, callsInProgressElapsedMs: [] as number[] };

  it("is zero for the next patient when nobody is being seen", () => {
    expect(estimateWaitMs({ ...base, place: 1 })).toBe(0);
  });

  it("counts a typical consultation for each patient ahead", () => {
    expect(estimateWaitMs({ ...base, place: 2 })).toBe(min(10));
    expect(estimateWaitMs({ ...base, place: 4 })).toBe(min(30));
  });

  it("adds what is left of the call in progress", () => {
    expect(estimateWaitMs({ ...base, place: 1, callsInProgressElapsedMs: [min(4)] })).toBe(min(6));
    expect(estimateWaitMs({ ...base, place: 3, callsInProgressElapsedMs: [min(4)] })).toBe(min(26));
  });

  it("counts nothing for a call that has run over its typical length", () => {
    expect(estimateWaitMs({ ...base, place: 2, callsInProgressElapsedMs: [min(10)] })).toBe(min(10));
    expect(estimateWaitMs({ ...base, place: 2, callsInProgressElapsedMs: [min(25)] })).toBe(min(10));
  });

  it("counts a call with a negative or unknown elapsed time as just started", () => {
    expect(estimateWaitMs({ ...base, place: 1, callsInProgressElapsedMs: [-min(2)] })).toBe(min(10));
    expect(estimateWaitMs({ ...base, place: 1, callsInProgressElapsedMs: [Number.NaN] })).toBe(min(10));
  });

  it("shares the work among clinicians online", () => {
    expect(estimateWaitMs({ ...base, place: 5, cliniciansOnline: 2 })).toBe(min(20));
    expect(
      estimateWaitMs({ ...base, place: 3, cliniciansOnline: 3, callsInProgressElapsedMs: [min(1), min(8), min(15)] }),
    ).toBe((min(20) + min(9) + min(2)) / 3);
  });

  it("is null when no clinician is online", () => {
    expect(estimateWaitMs({ ...base, place: 1, cliniciansOnline: 0 })).toBeNull();
    expect(estimateWaitMs({ ...base, place: 3, cliniciansOnline: 0, callsInProgressElapsedMs: [min(2)] })).toBeNull();
  });

  it("refuses a place that is not a whole number from 1", () => {
    expect(() => estimateWaitMs({ ...base, place: 0 })).toThrow(RangeError);
    expect(() => estimateWaitMs({ ...base, place: 1.5 })).toThrow(RangeError);
  });
});

describe("waitMinutes", () => {
  it.each([
    [0, 0],
    [1, 1],
    [29_999, 1],
    [min(1), 1],
    [min(1.49), 1],
    [min(1.5), 2],
    [min(12.2), 12],
    [min(90), 90],
  ])("shows %d ms as %d min", (ms, minutes) => {
    expect(waitMinutes(ms)).toBe(minutes);
  });

  it("shows nothing to wait for a negative or unknown time", () => {
    expect(waitMinutes(-min(3))).toBe(0);
    expect(waitMinutes(Number.NaN)).toBe(0);
  });
});
