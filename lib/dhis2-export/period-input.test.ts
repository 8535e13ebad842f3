import { describe, expect, it } from "vitest";
import { parsePeriod } from "@/lib/dhis2/periods";
import { inputOfPeriod, periodIdFromInput } from "./period-input";

describe("period inputs", () => {
  it("turns a month or week input into a DHIS2 period id", () => {
    expect(periodIdFromInput("monthly", "2026-11", "")).toBe("202611");
    expect(periodIdFromInput("weekly", "", "2026-W48")).toBe("2026W48");
    expect(periodIdFromInput("weekly", "", "2027-W01")).toBe("2027W1");
    expect(periodIdFromInput("monthly", "", "2026-W48")).toBe("");
    expect(periodIdFromInput("weekly", "2026-11", "")).toBe("");
    expect(periodIdFromInput("monthly", "2026-1", "")).toBe("");
  });

  it("shows a period back in the inputs", () => {
    expect(inputOfPeriod(parsePeriod("202611")!)).toEqual({ month: "2026-11", week: "" });
    expect(inputOfPeriod(parsePeriod("2027W1")!)).toEqual({ month: "", week: "2027-W01" });
    // ISO week 1 of 2026 starts on 29 December 2025.
    expect(inputOfPeriod(parsePeriod("2026W1")!)).toEqual({ month: "", week: "2026-W01" });
  });
});
