import { describe, expect, it } from "vitest";
import { minuteOf, parseShifts, weeklyHours } from "./roster-rules";

describe("duty roster rules", () => {
  it("read a week of shifts, a blank day being a day off", () => {
    const { shifts, errors } = parseShifts([
      { weekday: 1, starts: "08:00", ends: "14:00" },
      { weekday: 2, starts: "", ends: "" },
      { weekday: 6, starts: "09:30", ends: "13:00" },
    ]);
    expect(errors).toEqual({});
    expect(shifts).toEqual([
      { weekday: 1, startsMinute: 480, endsMinute: 840 },
      { weekday: 6, startsMinute: 570, endsMinute: 780 },
    ]);
    expect(weeklyHours(shifts)).toBe(9.5);
  });

  it("refuse a half-filled day, an unreadable time or an end before the start, at that day", () => {
    expect(parseShifts([{ weekday: 3, starts: "08:00", ends: "" }]).errors).toEqual({ shift_3: "roster_time_invalid" });
    expect(parseShifts([{ weekday: 4, starts: "25:00", ends: "26:00" }]).errors).toEqual({ shift_4: "roster_time_invalid" });
    expect(parseShifts([{ weekday: 5, starts: "14:00", ends: "08:00" }]).errors).toEqual({ shift_5: "roster_end_before_start" });
    expect(minuteOf(" 07:05 ")).toBe(425);
  });
});
