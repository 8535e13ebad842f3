import { describe, expect, it } from "vitest";
import {
  CLINIC_TIME_ZONE,
  findOrphanedBookings,
  generateSlots,
  isBookableSlot,
  validateAvailabilityException,
  type AvailabilityException,
  type WeeklyRule,
} from "./slots";

// The slot rules with leave and extra clinics (the weekly rules alone are in slots.test.ts).
// Karachi has been a fixed UTC+05:00 since 2009, so explicit offsets make expectations readable.
const pk = (local: string) => new Date(`${local}:00+05:00`);
const MON = 1; // 2025-01-06 is a Monday

const rule = (weekday: number, start: string, end: string, slotMinutes: number): WeeklyRule => {
  const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return { weekday, startMinute: toMinute(start), endMinute: toMinute(end), slotMinutes };
};

const leave = (from: string, to: string): AvailabilityException => ({ kind: "leave", startsAt: pk(from), endsAt: pk(to) });
const extra = (from: string, to: string, slotMinutes: number): AvailabilityException => ({
  kind: "extra",
  startsAt: pk(from),
  endsAt: pk(to),
  slotMinutes,
});

describe("generateSlots with exceptions", () => {
  const monday = [rule(MON, "09:00", "13:00", 60), rule(MON, "14:00", "16:00", 60)];
  const mondayStarts = (exceptions: AvailabilityException[]) =>
    generateSlots(monday, pk("2025-01-06T00:00"), pk("2025-01-07T00:00"), CLINIC_TIME_ZONE, exceptions).map((s) =>
      s.startsAt.toISOString(),
    );
  const at = (...times: string[]) => times.map((t) => pk(`2025-01-06T${t}`).toISOString());

  it("keeps the gap between two sessions of a day as a break", () => {
    expect(mondayStarts([])).toEqual(at("09:00", "10:00", "11:00", "12:00", "14:00", "15:00"));
  });

  it("removes every slot a leave touches, even partly", () => {
    expect(mondayStarts([leave("2025-01-06T10:30", "2025-01-06T14:00")])).toEqual(at("09:00", "14:00", "15:00"));
    expect(mondayStarts([leave("2025-01-06T00:00", "2025-01-07T00:00")])).toEqual([]);
  });

  it("leaves other days alone and ignores a leave that only touches a slot's edge", () => {
    expect(mondayStarts([leave("2025-01-06T13:00", "2025-01-06T14:00"), leave("2025-01-07T00:00", "2025-01-08T00:00")])).toEqual(
      mondayStarts([]),
    );
  });

  it("adds an extra clinic cut into its own slot length from its start", () => {
    expect(mondayStarts([extra("2025-01-06T18:10", "2025-01-06T19:20", 20)])).toEqual([
      ...at("09:00", "10:00", "11:00", "12:00", "14:00", "15:00"),
      ...at("18:10", "18:30", "18:50"),
    ]);
    const [first] = generateSlots([], pk("2025-01-06T18:00"), pk("2025-01-06T19:00"), CLINIC_TIME_ZONE, [
      extra("2025-01-06T18:10", "2025-01-06T19:20", 20),
    ]);
    expect(first).toEqual({ startsAt: pk("2025-01-06T18:10"), endsAt: pk("2025-01-06T18:30") });
  });

  it("does not duplicate a start that a weekly rule already offers; the weekly slot wins", () => {
    const slots = generateSlots(monday, pk("2025-01-06T12:00"), pk("2025-01-06T13:00"), CLINIC_TIME_ZONE, [
      extra("2025-01-06T12:00", "2025-01-06T13:00", 30),
    ]);
    expect(slots).toEqual([
      { startsAt: pk("2025-01-06T12:00"), endsAt: pk("2025-01-06T13:00") },
      { startsAt: pk("2025-01-06T12:30"), endsAt: pk("2025-01-06T13:00") },
    ]);
  });

  it("lets a leave win over an extra clinic", () => {
    const evening = mondayStarts([extra("2025-01-06T18:00", "2025-01-06T20:00", 60), leave("2025-01-06T19:00", "2025-01-06T21:00")]);
    expect(evening).toContain(pk("2025-01-06T18:00").toISOString());
    expect(evening).not.toContain(pk("2025-01-06T19:00").toISOString());
  });

  it("keeps only extra slots starting in [from, to)", () => {
    const slots = generateSlots([], pk("2025-01-06T18:30"), pk("2025-01-06T19:00"), CLINIC_TIME_ZONE, [
      extra("2025-01-06T18:00", "2025-01-06T20:00", 15),
    ]);
    expect(slots.map((s) => s.startsAt)).toEqual([pk("2025-01-06T18:30"), pk("2025-01-06T18:45")]);
  });

  it("throws for an invalid exception", () => {
    expect(() => generateSlots([], pk("2025-01-06T00:00"), pk("2025-01-07T00:00"), CLINIC_TIME_ZONE, [
      { kind: "extra", startsAt: pk("2025-01-06T18:00"), endsAt: pk("2025-01-06T20:00") },
    ])).toThrow(RangeError);
  });
});

describe("isBookableSlot with exceptions", () => {
  const rules = [rule(MON, "09:00", "12:00", 30)];

  it("keeps working without exceptions", () => {
    expect(isBookableSlot(rules, pk("2025-01-06T09:30"), pk("2025-01-06T10:00"))).toBe(true);
  });

  it("refuses a slot under leave and accepts an extra clinic's slot", () => {
    const exceptions = [leave("2025-01-06T09:00", "2025-01-06T10:00"), extra("2025-01-06T17:00", "2025-01-06T18:00", 20)];
    expect(isBookableSlot(rules, pk("2025-01-06T09:30"), pk("2025-01-06T10:00"), CLINIC_TIME_ZONE, exceptions)).toBe(false);
    expect(isBookableSlot(rules, pk("2025-01-06T10:00"), pk("2025-01-06T10:30"), CLINIC_TIME_ZONE, exceptions)).toBe(true);
    expect(isBookableSlot(rules, pk("2025-01-06T17:20"), pk("2025-01-06T17:40"), CLINIC_TIME_ZONE, exceptions)).toBe(true);
    expect(isBookableSlot(rules, pk("2025-01-06T17:20"), pk("2025-01-06T17:50"), CLINIC_TIME_ZONE, exceptions)).toBe(false);
    expect(isBookableSlot(rules, pk("2025-01-06T17:10"), pk("2025-01-06T17:30"), CLINIC_TIME_ZONE, exceptions)).toBe(false);
  });
});

describe("findOrphanedBookings", () => {
  const booking = (id: string, start: string, end: string) => ({ id, startsAt: pk(start), endsAt: pk(end) });
  const nine = booking("a", "2025-01-06T09:00", "2025-01-06T09:30");
  const eleven = booking("b", "2025-01-06T11:00", "2025-01-06T11:30");
  const evening = booking("c", "2025-01-06T17:00", "2025-01-06T17:20");

  it("finds nothing when every booking is still a slot", () => {
    const schedule = { rules: [rule(MON, "09:00", "12:00", 30)], exceptions: [extra("2025-01-06T17:00", "2025-01-06T18:00", 20)] };
    expect(findOrphanedBookings([nine, eleven, evening], schedule)).toEqual([]);
  });

  it("finds bookings whose session was shortened, re-cut, put under leave or whose extra clinic went", () => {
    expect(findOrphanedBookings([nine, eleven], { rules: [rule(MON, "09:00", "10:00", 30)], exceptions: [] })).toEqual([eleven]);
    expect(findOrphanedBookings([nine, eleven], { rules: [rule(MON, "09:00", "12:00", 20)], exceptions: [] })).toEqual([nine, eleven]);
    expect(
      findOrphanedBookings([nine, eleven], { rules: [rule(MON, "09:00", "12:00", 30)], exceptions: [leave("2025-01-06T08:00", "2025-01-06T09:10")] }),
    ).toEqual([nine]);
    expect(findOrphanedBookings([evening], { rules: [rule(MON, "09:00", "12:00", 30)], exceptions: [] })).toEqual([evening]);
  });
});

describe("validateAvailabilityException", () => {
  it("accepts a leave and an extra clinic that fits a slot", () => {
    expect(validateAvailabilityException(leave("2025-01-06T00:00", "2025-01-20T00:00"))).toBeNull();
    expect(validateAvailabilityException(extra("2025-01-06T18:00", "2025-01-06T18:05", 5))).toBeNull();
  });

  it("rejects an empty or reversed range, more than 31 days, and a bad extra slot length", () => {
    expect(validateAvailabilityException(leave("2025-01-06T10:00", "2025-01-06T10:00"))).toBe("exception_range");
    expect(validateAvailabilityException(leave("2025-01-06T10:00", "2025-01-06T09:00"))).toBe("exception_range");
    expect(validateAvailabilityException(leave("2025-01-01T00:00", "2025-02-01T00:01"))).toBe("exception_too_long");
    expect(validateAvailabilityException(extra("2025-01-06T18:00", "2025-01-06T20:00", 4))).toBe("slot_length");
    expect(validateAvailabilityException(extra("2025-01-06T18:00", "2025-01-06T20:00", 241))).toBe("slot_length");
    expect(validateAvailabilityException(extra("2025-01-06T18:00", "2025-01-06T18:20", 30))).toBe("slot_length");
    expect(validateAvailabilityException({ kind: "extra", startsAt: pk("2025-01-06T18:00"), endsAt: pk("2025-01-06T19:00") })).toBe(
      "slot_length",
    );
  });
});
