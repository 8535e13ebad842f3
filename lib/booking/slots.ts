import { TZDate, tz } from "@date-fns/tz";
import { addDays, format, getDay, set, startOfDay } from "date-fns";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

export { CLINIC_TIME_ZONE };

export type WeeklyRule = {
  weekday: number; // 0=Sunday..6=Saturday, in clinic local time
  startMinute: number; // minutes after local midnight
  endMinute: number; // exclusive, up to 1440
  slotMinutes: number;
};

export type Slot = { startsAt: Date; endsAt: Date };

/**
 * A one-off change to the weekly pattern, as UTC instants: "leave" (leave, a public holiday)
 * removes every slot it touches; "extra" (an evening clinic) adds slots of `slotMinutes` cut
 * from `startsAt`.
 */
export type AvailabilityException = {
  kind: "leave" | "extra";
  startsAt: Date;
  endsAt: Date;
  slotMinutes?: number | null;
};

/** Everything that decides whether a clinician can be booked at a given time. */
export type Schedule = { rules: WeeklyRule[]; exceptions: AvailabilityException[] };

export type AvailabilityExceptionError = "exception_range" | "exception_too_long" | "slot_length";

/** A one-off exception may span at most this long; longer absences are a change of the weekly pattern. */
export const MAX_EXCEPTION_DAYS = 31;

export type WeeklyRuleError = "weekday" | "range" | "slot_length";

const MINUTES_PER_DAY = 1440;
const MIN_SLOT_MINUTES = 5;
const MAX_SLOT_MINUTES = 240;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

/** Why a weekly availability rule is unusable, or null if it yields at least one slot. */
export function validateWeeklyRule(rule: WeeklyRule): WeeklyRuleError | null {
  const { weekday, startMinute, endMinute, slotMinutes } = rule;
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) return "weekday";
  if (
    !Number.isInteger(startMinute) ||
    !Number.isInteger(endMinute) ||
    startMinute < 0 ||
    endMinute > MINUTES_PER_DAY ||
    startMinute >= endMinute
  ) {
    return "range";
  }
  if (!Number.isInteger(slotMinutes) || slotMinutes < MIN_SLOT_MINUTES || slotMinutes > MAX_SLOT_MINUTES) {
    return "slot_length";
  }
  if (startMinute + slotMinutes > endMinute) return "slot_length";
  return null;
}

/** Whether two weekly sessions share time on the same weekday (touching end to start is fine). */
export function sameDaySessionsOverlap(a: WeeklyRule, b: WeeklyRule): boolean {
  return a.weekday === b.weekday && a.startMinute < b.endMinute && b.startMinute < a.endMinute;
}

/** Why a one-off exception is unusable, or null. An extra clinic must fit at least one slot. */
export function validateAvailabilityException(exception: AvailabilityException): AvailabilityExceptionError | null {
  const startMs = exception.startsAt.getTime();
  const endMs = exception.endsAt.getTime();
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || startMs >= endMs) return "exception_range";
  if (endMs - startMs > MAX_EXCEPTION_DAYS * MS_PER_DAY) return "exception_too_long";
  if (exception.kind === "extra") {
    const { slotMinutes } = exception;
    if (
      slotMinutes == null ||
      !Number.isInteger(slotMinutes) ||
      slotMinutes < MIN_SLOT_MINUTES ||
      slotMinutes > MAX_SLOT_MINUTES ||
      startMs + slotMinutes * MS_PER_MINUTE > endMs
    ) {
      return "slot_length";
    }
  }
  return null;
}

/** Throws RangeError for a weekly rule or an exception the forms would have refused. */
function assertValidSchedule(rules: readonly WeeklyRule[], exceptions: readonly AvailabilityException[]) {
  for (const rule of rules) {
    const error = validateWeeklyRule(rule);
    if (error) throw new RangeError(`Invalid weekly rule: ${error}`);
  }
  for (const exception of exceptions) {
    const error = validateAvailabilityException(exception);
    if (error) throw new RangeError(`Invalid availability exception: ${error}`);
  }
}

/**
 * All slots starting in [from, to), sorted by start: those of the weekly rules, plus those of
 * extra clinics, minus any slot that overlaps a leave (leave wins over an extra clinic too, so a
 * holiday declared later is never undone by an older extra session). When slots of two rules
 * or an extra clinic start at the same instant, the weekly rule earliest in `rules` wins.
 * Throws RangeError for an invalid rule, exception or date.
 */
export function generateSlots(
  rules: WeeklyRule[],
  from: Date,
  to: Date,
  timeZone = CLINIC_TIME_ZONE,
  exceptions: readonly AvailabilityException[] = [],
): Slot[] {
  assertValidDate(from, "from");
  assertValidDate(to, "to");
  assertValidSchedule(rules, exceptions);

  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (toMs <= fromMs) return [];

  const inZone = tz(timeZone);
  const lastDayMs = startOfDay(to, { in: inZone }).getTime();
  const byStart = new Map<number, Slot>();

  // A slot always starts on the local day its rule belongs to, so walking local days from
  // the day containing `from` to the day containing `to` covers every candidate.
  for (let day = startOfDay(from, { in: inZone }); day.getTime() <= lastDayMs; day = addDays(day, 1)) {
    const weekday = getDay(day);
    for (const rule of rules) {
      if (rule.weekday !== weekday) continue;
      for (let minute = rule.startMinute; minute + rule.slotMinutes <= rule.endMinute; minute += rule.slotMinutes) {
        const startMs = set(day, { hours: Math.floor(minute / 60), minutes: minute % 60 }).getTime();
        if (startMs < fromMs || startMs >= toMs || byStart.has(startMs)) continue;
        // Length is elapsed time, not wall-clock difference, so a consultation is never
        // stretched or squeezed by a DST change in zones that have one.
        byStart.set(startMs, { startsAt: new Date(startMs), endsAt: new Date(startMs + rule.slotMinutes * MS_PER_MINUTE) });
      }
    }
  }

  for (const extra of exceptions) {
    if (extra.kind !== "extra") continue;
    const stepMs = extra.slotMinutes! * MS_PER_MINUTE;
    const endMs = extra.endsAt.getTime();
    // Extra clinics are cut in elapsed time from their own start, not aligned to the weekly grid.
    for (let startMs = extra.startsAt.getTime(); startMs + stepMs <= endMs; startMs += stepMs) {
      if (startMs < fromMs || startMs >= toMs || byStart.has(startMs)) continue;
      byStart.set(startMs, { startsAt: new Date(startMs), endsAt: new Date(startMs + stepMs) });
    }
  }

  const leaves = exceptions.filter((exception) => exception.kind === "leave");
  return [...byStart.values()]
    .filter((slot) => !leaves.some((leave) => overlaps(slot, leave)))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * Whether [startsAt, endsAt) is exactly one of the slots `generateSlots` would produce with the
 * same rules and exceptions.
 */
export function isBookableSlot(
  rules: WeeklyRule[],
  startsAt: Date,
  endsAt: Date,
  timeZone = CLINIC_TIME_ZONE,
  exceptions: readonly AvailabilityException[] = [],
): boolean {
  const startMs = startsAt.getTime();
  if (Number.isNaN(startMs) || Number.isNaN(endsAt.getTime())) return false;
  const inZone = tz(timeZone);
  const day = startOfDay(startsAt, { in: inZone });
  // The fast path below reads the local wall-clock minute straight off the elapsed time since
  // local midnight, which holds on a day of 24 hours. A day with a clock change (none in
  // Pakistan) takes the long way: every slot of the day generated, as the booking page lists them.
  if (addDays(day, 1).getTime() - day.getTime() !== MS_PER_DAY) {
    const [match] = generateSlots(rules, startsAt, new Date(startMs + 1), timeZone, exceptions);
    return match !== undefined && match.endsAt.getTime() === endsAt.getTime();
  }
  const match = slotStartingAt(rules, startMs, day, exceptions);
  return match !== null && match.endsAt.getTime() === endsAt.getTime();
}

/**
 * The one slot generateSlots would produce starting exactly at `startMs` on the 24-hour local
 * day beginning at `day`, or null, found without generating the day's other slots (the booking
 * path checks one slot; generating a day of 15-minute slots in a time zone costs ~100 zoned
 * date computations). Same precedence: the earliest weekly rule, then extra clinics in order,
 * and a leave that touches the slot removes it. Throws RangeError as generateSlots does.
 */
function slotStartingAt(rules: WeeklyRule[], startMs: number, day: Date, exceptions: readonly AvailabilityException[]): Slot | null {
  assertValidSchedule(rules, exceptions);
  let slotMinutes: number | null = null;
  const minute = (startMs - day.getTime()) / MS_PER_MINUTE;
  if (Number.isInteger(minute)) {
    const weekday = getDay(day);
    const rule = rules.find(
      (r) => r.weekday === weekday && minute >= r.startMinute && (minute - r.startMinute) % r.slotMinutes === 0 && minute + r.slotMinutes <= r.endMinute,
    );
    if (rule) slotMinutes = rule.slotMinutes;
  }
  if (slotMinutes === null) {
    const extra = exceptions.find((e) => {
      if (e.kind !== "extra") return false;
      const stepMs = e.slotMinutes! * MS_PER_MINUTE;
      const offset = startMs - e.startsAt.getTime();
      return offset >= 0 && offset % stepMs === 0 && startMs + stepMs <= e.endsAt.getTime();
    });
    if (extra) slotMinutes = extra.slotMinutes!;
  }
  if (slotMinutes === null) return null;
  const slot = { startsAt: new Date(startMs), endsAt: new Date(startMs + slotMinutes * MS_PER_MINUTE) };
  return exceptions.some((e) => e.kind === "leave" && overlaps(slot, e)) ? null : slot;
}

/**
 * The bookings a schedule would orphan: those whose time is no longer exactly a bookable slot
 * (removed by a rule change or a leave, or cut differently because the slot length changed).
 * Which bookings count as live (status, future) is the caller's choice.
 */
export function findOrphanedBookings<T extends Slot>(
  bookings: readonly T[],
  schedule: Schedule,
  timeZone = CLINIC_TIME_ZONE,
): T[] {
  return bookings.filter((booking) => !isBookableSlot(schedule.rules, booking.startsAt, booking.endsAt, timeZone, schedule.exceptions));
}

/**
 * The instant of a clinic-local date ("2025-01-06") and time ("09:30"), or null if either is
 * not a real date or time. Staff type times as the clinic's wall clock, whatever their device's zone.
 */
export function clinicLocalInstant(date: string, time: string, timeZone = CLINIC_TIME_ZONE): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hours, minutes] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  // "24:00" is allowed as the end of a day, as in the weekly rules.
  if (month < 1 || month > 12 || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return null;
  const midnight = new TZDate(year, month - 1, day, timeZone);
  if (midnight.getFullYear() !== year || midnight.getMonth() !== month - 1 || midnight.getDate() !== day) return null;
  const local = hours === 24 ? addDays(midnight, 1) : set(midnight, { hours, minutes });
  return new Date(local.getTime());
}

/** Minutes after local midnight of a clock time "HH:MM" ("24:00" ends a day), or null. */
export function clockMinutes(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** "HH:MM" for minutes after local midnight, as time inputs expect. */
export function formatClockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

function overlaps(a: Slot, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

function assertValidDate(date: Date, name: string): void {
  if (Number.isNaN(date.getTime())) throw new RangeError(`${name} is not a valid date`);
}

/** Today's date at the clinic (YYYY-MM-DD): ages, pregnancy weeks and vitals checks count from it. */
export function clinicToday(now: Date, timeZone = CLINIC_TIME_ZONE): string {
  return format(new TZDate(now, timeZone), "yyyy-MM-dd");
}
