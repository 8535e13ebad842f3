import { describe, expect, it } from "vitest";
import { parsePeriod, periodOf, previousPeriod } from "@/lib/dhis2/periods";

// Karachi is UTC+5: local midnight is 19:00 UTC the evening before.
const karachi = (local: string) => new Date(`${local}+05:00`);

describe("periodOf", () => {
  it("gives monthly ids as yyyyMM with Karachi month bounds", () => {
    const p = periodOf("monthly", karachi("2026-11-15T10:00:00"));
    expect(p).toEqual({
      kind: "monthly",
      id: "202611",
      start: new Date("2026-10-31T19:00:00Z"),
      end: new Date("2026-11-30T19:00:00Z"),
    });
  });

  it("reads the month in Karachi, not UTC, around midnight", () => {
    // 2026-12-31T20:00Z is already 1 January 2027 01:00 in Karachi.
    expect(periodOf("monthly", new Date("2026-12-31T20:00:00Z")).id).toBe("202701");
    expect(periodOf("monthly", new Date("2026-12-31T18:59:59Z")).id).toBe("202612");
  });

  it("gives ISO week ids around the year end (2026 has 53 ISO weeks)", () => {
    expect(periodOf("weekly", karachi("2026-12-31T12:00:00")).id).toBe("2026W53");
    expect(periodOf("weekly", karachi("2027-01-01T12:00:00")).id).toBe("2026W53");
    expect(periodOf("weekly", karachi("2027-01-03T23:59:59")).id).toBe("2026W53");
    expect(periodOf("weekly", karachi("2027-01-04T00:00:00")).id).toBe("2027W1");
    // 2025-12-29 (a Monday) already belongs to 2026W1.
    expect(periodOf("weekly", karachi("2025-12-29T08:00:00")).id).toBe("2026W1");
    expect(periodOf("weekly", karachi("2025-12-28T23:00:00")).id).toBe("2025W52");
  });

  it("starts 2026W48 on Monday 2026-11-23 00:00 Karachi", () => {
    const p = periodOf("weekly", karachi("2026-11-26T09:30:00"));
    expect(p.id).toBe("2026W48");
    expect(p.start.toISOString()).toBe("2026-11-22T19:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-11-29T19:00:00.000Z");
  });
});

describe("parsePeriod", () => {
  it("round-trips monthly and weekly ids", () => {
    for (const id of ["202601", "202612", "2026W1", "2026W48", "2026W53", "2027W1", "2027W52"]) {
      const p = parsePeriod(id);
      expect(p?.id).toBe(id);
      expect(periodOf(p!.kind, p!.start)).toEqual(p);
      expect(periodOf(p!.kind, new Date(p!.end.getTime() - 1))).toEqual(p);
    }
  });

  it("gives the Karachi bounds", () => {
    expect(parsePeriod("2026W48")).toEqual({
      kind: "weekly",
      id: "2026W48",
      start: new Date("2026-11-22T19:00:00Z"),
      end: new Date("2026-11-29T19:00:00Z"),
    });
    expect(parsePeriod("2026W1")?.start.toISOString()).toBe("2025-12-28T19:00:00.000Z");
    expect(parsePeriod("202602")?.end.toISOString()).toBe("2026-02-28T19:00:00.000Z");
  });

  it("refuses malformed and impossible ids", () => {
    for (const id of [
      "",
      "2026",
      "20261",
      "2026111",
      "202600",
      "202613",
      "2026W0",
      "2026W01",
      "2026W54",
      "2027W53", // 2027 has 52 ISO weeks
      "2026w48",
      "2026-11",
      " 202611",
      "0999W1",
      "099901",
      "2026BiW1",
    ]) {
      expect(parsePeriod(id), id).toBeNull();
    }
  });
});

describe("previousPeriod", () => {
  it("steps back across year ends", () => {
    expect(previousPeriod(parsePeriod("202601")!).id).toBe("202512");
    expect(previousPeriod(parsePeriod("2027W1")!).id).toBe("2026W53");
    expect(previousPeriod(parsePeriod("2026W1")!).id).toBe("2025W52");
    expect(previousPeriod(parsePeriod("2026W48")!).id).toBe("2026W47");
  });
});
