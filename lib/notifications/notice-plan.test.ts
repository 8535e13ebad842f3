import { describe, expect, it } from "vitest";
import { dedupeKeyFor, formatNoticeTime, noticeStillDue, planNotices } from "./notice-plan";

const minutes = (n: number) => n * 60_000;
const startsAt = new Date("2025-06-24T11:30:00Z");

describe("planNotices", () => {
  it("confirms a booking now and reminds 24 hours and 15 minutes before", () => {
    const now = new Date(startsAt.getTime() - minutes(3 * 24 * 60));
    expect(planNotices("booked", startsAt, now)).toEqual([
      { kind: "bookingConfirmed", sendAt: now },
      { kind: "reminder24h", sendAt: new Date("2025-06-23T11:30:00Z") },
      { kind: "reminder15m", sendAt: new Date("2025-06-24T11:15:00Z") },
    ]);
  });

  it("drops reminders whose time has passed", () => {
    const now = new Date(startsAt.getTime() - minutes(60));
    expect(planNotices("booked", startsAt, now).map((n) => n.kind)).toEqual(["bookingConfirmed", "reminder15m"]);
    const late = new Date(startsAt.getTime() - minutes(10));
    expect(planNotices("booked", startsAt, late).map((n) => n.kind)).toEqual(["bookingConfirmed"]);
  });

  it("drops a reminder due exactly now, since the confirmation goes out at the same moment", () => {
    const now = new Date(startsAt.getTime() - minutes(15));
    expect(planNotices("booked", startsAt, now).map((n) => n.kind)).toEqual(["bookingConfirmed"]);
  });

  it("reminds of the new time after a reschedule", () => {
    const now = new Date(startsAt.getTime() - minutes(2 * 24 * 60));
    expect(planNotices("rescheduled", startsAt, now).map((n) => n.kind)).toEqual([
      "rescheduled",
      "reminder24h",
      "reminder15m",
    ]);
  });

  it("sends only the notice for a cancellation", () => {
    const now = new Date(startsAt.getTime() - minutes(2 * 24 * 60));
    expect(planNotices("cancelled", startsAt, now)).toEqual([{ kind: "cancelled", sendAt: now }]);
  });

  it("takes other reminder times", () => {
    const now = new Date(startsAt.getTime() - minutes(3 * 60));
    const plan = planNotices("booked", startsAt, now, [{ kind: "reminder15m", minutesBefore: 120 }]);
    expect(plan[1]).toEqual({ kind: "reminder15m", sendAt: new Date(startsAt.getTime() - minutes(120)) });
  });
});

describe("dedupeKeyFor", () => {
  const id = "6f1c2a9e-0000-4000-8000-000000000001";

  it("gives each notice of an appointment its own key", () => {
    const kinds = ["bookingConfirmed", "reminder24h", "reminder15m", "cancelled", "rescheduled"] as const;
    const keys = kinds.map((kind) => dedupeKeyFor(kind, id, startsAt));
    expect(new Set(keys).size).toBe(kinds.length);
    expect(dedupeKeyFor("reminder24h", id, startsAt)).toBe(`reminder-24h:${id}@2025-06-24T11:30:00.000Z`);
  });

  it("keys reminders by start time, but a confirmation or cancellation once per appointment", () => {
    const later = new Date(startsAt.getTime() + minutes(60));
    expect(dedupeKeyFor("reminder15m", id, later)).not.toBe(dedupeKeyFor("reminder15m", id, startsAt));
    expect(dedupeKeyFor("bookingConfirmed", id, later)).toBe(dedupeKeyFor("bookingConfirmed", id, startsAt));
    expect(dedupeKeyFor("cancelled", id, later)).toBe(`cancelled:${id}`);
  });
});

describe("noticeStillDue", () => {
  const before = new Date(startsAt.getTime() - minutes(60));

  it("sends a reminder only while the appointment is live at the planned time", () => {
    expect(noticeStillDue("reminder24h", { status: "booked", startsAt }, startsAt, before)).toBe(true);
    expect(noticeStillDue("reminder15m", { status: "checked_in", startsAt }, startsAt, before)).toBe(true);
    for (const status of ["cancelled", "no_show", "completed", "in_consultation"]) {
      expect(noticeStillDue("reminder24h", { status, startsAt }, startsAt, before), status).toBe(false);
    }
    const moved = new Date(startsAt.getTime() + minutes(30));
    expect(noticeStillDue("reminder24h", { status: "booked", startsAt: moved }, startsAt, before)).toBe(false);
    expect(noticeStillDue("bookingConfirmed", { status: "cancelled", startsAt }, startsAt, before)).toBe(false);
  });

  it("drops a reminder that retries delayed past the start, but not a confirmation", () => {
    const late = new Date(startsAt.getTime() + minutes(1));
    expect(noticeStillDue("reminder15m", { status: "booked", startsAt }, startsAt, late)).toBe(false);
    expect(noticeStillDue("bookingConfirmed", { status: "checked_in", startsAt }, startsAt, late)).toBe(true);
  });

  it("sends a cancellation notice only for a cancelled appointment", () => {
    expect(noticeStillDue("cancelled", { status: "cancelled", startsAt }, startsAt, before)).toBe(true);
    expect(noticeStillDue("cancelled", { status: "booked", startsAt }, startsAt, before)).toBe(false);
  });
});

describe("formatNoticeTime", () => {
  it("states the time in Asia/Karachi (UTC+5) in the patient's language", () => {
    expect(formatNoticeTime(startsAt, "en")).toMatch(/Tue, 24 Jun, 4:30\s?pm/i);
    const urdu = formatNoticeTime(startsAt, "ur");
    expect(urdu).toContain("جون");
    expect(urdu).toContain("4:30");
  });
});
