import { describe, expect, it } from "vitest";
import {
  CLINIC_TIME_ZONE,
  clinicLocalInstant,
  clockMinutes,
  formatClockTime,
  generateSlots,
  isBookableSlot,
  sameDaySessionsOverlap,
  validateWeeklyRule,
  type AvailabilityException,
  type WeeklyRule,
} from "./slots";

// Karachi has been a fixed UTC+05:00 since 2009, so explicit offsets make expectations readable.
const pk = (local: string) => new Date(`${local}:00+05:00`);
const starts = (rules: WeeklyRule[], from: Date, to: Date) =>
  generateSlots(rules, from, to).map((s) => s.startsAt.toISOString());

const SUN = 0;
const MON = 1; // 2025-01-06 is a Monday
const TUE = 2;
const WED = 3;
const SAT = 6;

const rule = (weekday: number, start: string, end: string, slotMinutes: number): WeeklyRule => {
  const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return { weekday, startMinute: toMinute(start), endMinute: toMinute(end), slotMinutes };
};

describe("generateSlots", () => {
  it("uses Asia/Karachi by default", () => {
    expect(CLINIC_TIME_ZONE).toBe("Asia/Karachi");
  });

  it("produces slots on the matching local weekdays across several days", () => {
    const rules = [rule(MON, "09:00", "10:00", 30), rule(WED, "14:00", "15:00", 20)];
    const slots = generateSlots(rules, pk("2025-01-06T00:00"), pk("2025-01-09T00:00"));
    expect(slots).toEqual([
      { startsAt: pk("2025-01-06T09:00"), endsAt: pk("2025-01-06T09:30") },
      { startsAt: pk("2025-01-06T09:30"), endsAt: pk("2025-01-06T10:00") },
      { startsAt: pk("2025-01-08T14:00"), endsAt: pk("2025-01-08T14:20") },
      { startsAt: pk("2025-01-08T14:20"), endsAt: pk("2025-01-08T14:40") },
      { startsAt: pk("2025-01-08T14:40"), endsAt: pk("2025-01-08T15:00") },
    ]);
  });

  it("crosses the Saturday/Sunday week boundary and repeats weekly", () => {
    const rules = [rule(SAT, "10:00", "11:00", 60), rule(SUN, "10:00", "11:00", 60), rule(MON, "09:00", "09:30", 30)];
    expect(starts(rules, pk("2025-01-10T00:00"), pk("2025-01-21T00:00"))).toEqual([
      pk("2025-01-11T10:00").toISOString(),
      pk("2025-01-12T10:00").toISOString(),
      pk("2025-01-13T09:00").toISOString(),
      pk("2025-01-18T10:00").toISOString(),
      pk("2025-01-19T10:00").toISOString(),
      pk("2025-01-20T09:00").toISOString(),
    ]);
  });

  it("places an early Karachi morning on the previous UTC day", () => {
    const rules = [rule(TUE, "02:00", "03:00", 30)];
    const slots = generateSlots(rules, new Date("2025-01-06T20:00:00Z"), new Date("2025-01-06T23:00:00Z"));
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(["2025-01-06T21:00:00.000Z", "2025-01-06T21:30:00.000Z"]);
    expect(slots[0]?.startsAt.getUTCDay()).toBe(MON);
    expect(generateSlots([rule(MON, "02:00", "03:00", 30)], new Date("2025-01-06T20:00:00Z"), new Date("2025-01-06T23:00:00Z"))).toEqual([]);
  });

  it("supports a whole-day rule from 00:00 to 24:00", () => {
    const slots = generateSlots([rule(WED, "00:00", "24:00", 240)], pk("2025-01-07T00:00"), pk("2025-01-10T00:00"));
    expect(slots.map((s) => s.startsAt)).toEqual(
      ["00:00", "04:00", "08:00", "12:00", "16:00", "20:00"].map((t) => pk(`2025-01-08T${t}`)),
    );
    expect(slots.at(-1)?.endsAt).toEqual(pk("2025-01-09T00:00"));
    expect(generateSlots([rule(WED, "00:00", "24:00", 5)], pk("2025-01-01T00:00"), pk("2025-01-02T00:00"))).toHaveLength(288);
  });

  it("keeps only slots starting in [from, to) when the range cuts a rule", () => {
    const rules = [rule(MON, "09:00", "12:00", 30)];
    expect(starts(rules, pk("2025-01-06T09:45"), pk("2025-01-06T11:00"))).toEqual([
      pk("2025-01-06T10:00").toISOString(),
      pk("2025-01-06T10:30").toISOString(),
    ]);
    expect(starts(rules, pk("2025-01-06T10:00"), pk("2025-01-06T10:30"))).toEqual([pk("2025-01-06T10:00").toISOString()]);
  });

  it("drops a trailing slot that would run past the rule's end", () => {
    expect(starts([rule(MON, "09:00", "10:00", 25)], pk("2025-01-06T00:00"), pk("2025-01-07T00:00"))).toEqual([
      pk("2025-01-06T09:00").toISOString(),
      pk("2025-01-06T09:25").toISOString(),
    ]);
  });

  it("removes duplicate starts from overlapping rules, first rule winning", () => {
    const rules = [rule(MON, "09:00", "11:00", 30), rule(MON, "10:00", "12:00", 30)];
    expect(starts(rules, pk("2025-01-06T00:00"), pk("2025-01-07T00:00"))).toEqual(
      ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"].map((t) => pk(`2025-01-06T${t}`).toISOString()),
    );

    const mixed = generateSlots(
      [rule(MON, "10:00", "11:00", 60), rule(MON, "10:00", "11:00", 30)],
      pk("2025-01-06T00:00"),
      pk("2025-01-07T00:00"),
    );
    expect(mixed).toEqual([
      { startsAt: pk("2025-01-06T10:00"), endsAt: pk("2025-01-06T11:00") },
      { startsAt: pk("2025-01-06T10:30"), endsAt: pk("2025-01-06T11:00") },
    ]);
  });

  it("follows the wall clock of the given time zone", () => {
    const rules = [rule(MON, "09:00", "09:30", 30)];
    const winter = generateSlots(rules, new Date("2025-01-06T00:00:00Z"), new Date("2025-01-07T00:00:00Z"), "Europe/London");
    const summer = generateSlots(rules, new Date("2025-07-07T00:00:00Z"), new Date("2025-07-08T00:00:00Z"), "Europe/London");
    expect(winter[0]?.startsAt.toISOString()).toBe("2025-01-06T09:00:00.000Z");
    expect(summer[0]?.startsAt.toISOString()).toBe("2025-07-07T08:00:00.000Z");
  });

  it("returns nothing for an empty or inverted range", () => {
    const rules = [rule(MON, "09:00", "10:00", 30)];
    expect(generateSlots(rules, pk("2025-01-06T09:00"), pk("2025-01-06T09:00"))).toEqual([]);
    expect(generateSlots(rules, pk("2025-01-07T00:00"), pk("2025-01-06T00:00"))).toEqual([]);
    expect(generateSlots([], pk("2025-01-06T00:00"), pk("2025-01-13T00:00"))).toEqual([]);
  });

  it("throws on invalid rules and dates", () => {
    expect(() => generateSlots([rule(MON, "09:00", "10:00", 0)], pk("2025-01-06T00:00"), pk("2025-01-07T00:00"))).toThrow(RangeError);
    expect(() => generateSlots([], new Date(Number.NaN), pk("2025-01-07T00:00"))).toThrow(RangeError);
  });
});

describe("isBookableSlot", () => {
  const rules = [rule(MON, "09:00", "12:00", 30), rule(TUE, "02:00", "03:00", 20)];

  it("accepts a slot exactly as generated", () => {
    expect(isBookableSlot(rules, pk("2025-01-06T09:00"), pk("2025-01-06T09:30"))).toBe(true);
    expect(isBookableSlot(rules, pk("2025-01-13T11:30"), pk("2025-01-13T12:00"))).toBe(true);
    expect(isBookableSlot(rules, new Date("2025-01-06T21:40:00Z"), new Date("2025-01-06T22:00:00Z"))).toBe(true);
  });

  it("rejects a misaligned start", () => {
    expect(isBookableSlot(rules, pk("2025-01-06T09:10"), pk("2025-01-06T09:40"))).toBe(false);
    expect(isBookableSlot(rules, new Date(pk("2025-01-06T09:00").getTime() + 1), new Date(pk("2025-01-06T09:30").getTime() + 1))).toBe(false);
  });

  it("rejects the wrong length", () => {
    expect(isBookableSlot(rules, pk("2025-01-06T09:00"), pk("2025-01-06T10:00"))).toBe(false);
    expect(isBookableSlot(rules, pk("2025-01-06T09:00"), pk("2025-01-06T09:15"))).toBe(false);
  });

  it("rejects the wrong weekday or a time outside the rule", () => {
    expect(isBookableSlot(rules, pk("2025-01-07T09:00"), pk("2025-01-07T09:30"))).toBe(false);
    expect(isBookableSlot(rules, pk("2025-01-06T12:00"), pk("2025-01-06T12:30"))).toBe(false);
    expect(isBookableSlot(rules, pk("2025-01-06T02:00"), pk("2025-01-06T02:20"))).toBe(false);
  });

  it("rejects invalid dates", () => {
    expect(isBookableSlot(rules, new Date(Number.NaN), pk("2025-01-06T09:30"))).toBe(false);
    expect(isBookableSlot(rules, pk("2025-01-06T09:00"), new Date("nope"))).toBe(false);
  });
});

describe("isBookableSlot agrees with generateSlots", () => {
  // isBookableSlot finds the one candidate slot without generating the day; generateSlots is what
  // the booking page lists. Over many seeded random schedules, every candidate [start, end) on a
  // 5-minute grid (plus off-grid starts) must be bookable exactly when the day's slots contain it:
  // in Karachi, and in a zone with clock changes on its DST days (the long path).
  const random = seeded(20261202);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const cases: { zone: string; day: string }[] = [
    { zone: CLINIC_TIME_ZONE, day: "2025-01-06" },
    { zone: CLINIC_TIME_ZONE, day: "2025-03-30" },
    { zone: "Europe/London", day: "2025-03-30" },
    { zone: "Europe/London", day: "2025-10-26" },
    { zone: "Europe/London", day: "2025-06-01" },
  ];

  it.each(cases)("on $day in $zone", ({ zone, day }) => {
    const dayStart = new Date(`${day}T00:00:00Z`).getTime() - 14 * 3_600_000;
    const dayEnd = dayStart + 40 * 3_600_000;
    for (let round = 0; round < 6; round++) {
      const rules: WeeklyRule[] = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const slotMinutes = pick([5, 10, 15, 20, 30, 45, 60]);
        const startMinute = 5 * Math.floor(random() * 250);
        const endMinute = Math.min(1440, startMinute + slotMinutes * (1 + Math.floor(random() * 12)));
        return { weekday: Math.floor(random() * 7), startMinute, endMinute, slotMinutes };
      }).filter((r) => validateWeeklyRule(r) === null);
      const exceptions: AvailabilityException[] = Array.from({ length: Math.floor(random() * 3) }, () => {
        const startMs = dayStart + 5 * 60_000 * Math.floor(random() * 600);
        const slotMinutes = pick([10, 15, 25]);
        return {
          kind: pick(["leave", "extra"] as const),
          startsAt: new Date(startMs),
          endsAt: new Date(startMs + slotMinutes * 60_000 * (1 + Math.floor(random() * 6))),
          slotMinutes,
        };
      });
      const listed = new Set(
        generateSlots(rules, new Date(dayStart), new Date(dayEnd), zone, exceptions).map((s) => `${s.startsAt.getTime()}-${s.endsAt.getTime()}`),
      );
      for (let startMs = dayStart; startMs < dayEnd - 3_600_000; startMs += 5 * 60_000) {
        const start = startMs + (random() < 0.05 ? 60_000 : 0);
        for (const minutes of [5, 10, 15, 25, 30, 60]) {
          const end = start + minutes * 60_000;
          const expected = listed.has(`${start}-${end}`);
          expect(isBookableSlot(rules, new Date(start), new Date(end), zone, exceptions), `${new Date(start).toISOString()} +${minutes}`).toBe(expected);
        }
      }
    }
  }, 60_000);
});

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("validateWeeklyRule", () => {
  it("accepts a sensible rule, including the 00:00-24:00 and boundary lengths", () => {
    expect(validateWeeklyRule(rule(MON, "09:00", "17:00", 15))).toBeNull();
    expect(validateWeeklyRule({ weekday: SAT, startMinute: 0, endMinute: 1440, slotMinutes: 240 })).toBeNull();
    expect(validateWeeklyRule({ weekday: SUN, startMinute: 0, endMinute: 5, slotMinutes: 5 })).toBeNull();
  });

  it.each([-1, 7, 1.5, Number.NaN])("rejects weekday %s", (weekday) => {
    expect(validateWeeklyRule({ weekday, startMinute: 540, endMinute: 600, slotMinutes: 30 })).toBe("weekday");
  });

  it.each([
    [600, 600],
    [600, 540],
    [-30, 60],
    [1380, 1441],
    [540.5, 600],
  ])("rejects range %s-%s", (startMinute, endMinute) => {
    expect(validateWeeklyRule({ weekday: MON, startMinute, endMinute, slotMinutes: 30 })).toBe("range");
  });

  it.each([0, 4, 241, 12.5])("rejects slot length %s", (slotMinutes) => {
    expect(validateWeeklyRule({ weekday: MON, startMinute: 0, endMinute: 1440, slotMinutes })).toBe("slot_length");
  });

  it("rejects a window too short for a single slot", () => {
    expect(validateWeeklyRule(rule(MON, "09:00", "09:20", 30))).toBe("slot_length");
  });
});

describe("sameDaySessionsOverlap", () => {
  it("sees shared time on the same day only, and lets a session start where another ends", () => {
    expect(sameDaySessionsOverlap(rule(MON, "09:00", "13:00", 15), rule(MON, "12:00", "14:00", 15))).toBe(true);
    expect(sameDaySessionsOverlap(rule(MON, "09:00", "13:00", 15), rule(MON, "10:00", "11:00", 15))).toBe(true);
    expect(sameDaySessionsOverlap(rule(MON, "09:00", "13:00", 15), rule(MON, "13:00", "17:00", 15))).toBe(false);
    expect(sameDaySessionsOverlap(rule(MON, "09:00", "13:00", 15), rule(TUE, "09:00", "13:00", 15))).toBe(false);
  });
});

describe("clinicLocalInstant", () => {
  it("reads a Karachi wall-clock date and time as an instant", () => {
    expect(clinicLocalInstant("2025-01-06", "09:30")).toEqual(new Date("2025-01-06T04:30:00Z"));
    expect(clinicLocalInstant("2025-01-06", "02:00")).toEqual(new Date("2025-01-05T21:00:00Z"));
    expect(clinicLocalInstant("2025-01-06", "24:00")).toEqual(new Date("2025-01-06T19:00:00Z"));
  });

  it.each([
    ["2025-02-30", "09:00"],
    ["2025-13-01", "09:00"],
    ["2025-01-06", "25:00"],
    ["2025-01-06", "24:30"],
    ["2025-01-06", "9:00"],
    ["", ""],
  ])("rejects %s %s", (date, time) => {
    expect(clinicLocalInstant(date, time)).toBeNull();
  });
});

describe("clock times", () => {
  it("reads and writes HH:MM, with 24:00 as the end of a day", () => {
    expect(clockMinutes("00:00")).toBe(0);
    expect(clockMinutes("09:30")).toBe(570);
    expect(clockMinutes("24:00")).toBe(1440);
    expect([0, 570, 1440].map(formatClockTime)).toEqual(["00:00", "09:30", "24:00"]);
  });

  it.each(["", "9:30", "24:01", "25:00", "12:60", "ab:cd"])("rejects %j", (time) => {
    expect(clockMinutes(time)).toBeNull();
  });
});
