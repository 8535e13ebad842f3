import { describe, expect, it } from "vitest";
import { wholeMonths } from "./counting";

// Clinic midnight is 19:00 UTC the day before (Asia/Karachi, UTC+5 all year).
describe("the whole clinic months of a period", () => {
  it("are the months a period covers from their first clinic day to their last", () => {
    expect(wholeMonths("2026-10-31T19:00:00.000Z", "2026-11-30T19:00:00.000Z")).toEqual({
      first: "2026-11-01",
      end: "2026-12-01",
      firstAt: "2026-10-31T19:00:00.000Z",
      endAt: "2026-11-30T19:00:00.000Z",
    });
    expect(wholeMonths("2025-11-30T19:00:00.000Z", "2026-11-30T19:00:00.000Z")).toMatchObject({ first: "2025-12-01", end: "2026-12-01" });
  });

  it("leave out a month begun or ended part way", () => {
    // 2 November to 15 January: December only.
    expect(wholeMonths("2026-11-01T19:00:00.000Z", "2027-01-14T19:00:00.000Z")).toEqual({
      first: "2026-12-01",
      end: "2027-01-01",
      firstAt: "2026-11-30T19:00:00.000Z",
      endAt: "2026-12-31T19:00:00.000Z",
    });
    // Midnight UTC on 1 November is 05:00 in the clinic: November has begun.
    expect(wholeMonths("2026-11-01T00:00:00.000Z", "2026-12-31T19:00:00.000Z")).toMatchObject({ first: "2026-12-01", end: "2027-01-01" });
  });

  it("are none in a period shorter than a month or within one", () => {
    expect(wholeMonths("2026-11-04T19:00:00.000Z", "2026-11-30T19:00:00.000Z")).toBeNull();
    expect(wholeMonths("2026-11-14T19:00:00.000Z", "2026-12-14T19:00:00.000Z")).toBeNull();
  });
});
