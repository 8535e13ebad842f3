import { TZDate } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format } from "date-fns";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A `YYYY-MM-DD` calendar day as midnight at the clinic, or null for anything that is not a
 * real day (2026-02-30 included). Days are counted in clinic time so that the answer does not
 * depend on the zone of the server that runs it.
 */
export function parseDay(text: string): TZDate | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new TZDate(year, month - 1, day, CLINIC_TIME_ZONE);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date;
}

/** The day, or a RangeError naming the argument: a malformed date here is a caller's bug, not a user's slip. */
export function requireDay(text: string, name: string): TZDate {
  const day = parseDay(text);
  if (!day) throw new RangeError(`${name} must be a YYYY-MM-DD calendar date`);
  return day;
}

/** `YYYY-MM-DD` of the day `days` after (or before, when negative) `day`. */
export function shiftDay(day: string, days: number): string {
  return format(addDays(requireDay(day, "day"), days), "yyyy-MM-dd");
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(requireDay(to, "to"), requireDay(from, "from"));
}

/** The clinic day a follow-up falls on, `inDays` after `today`: what a booking is made for. */
export function followUpDueOn(today: string, inDays: number): string {
  if (!Number.isInteger(inDays) || inDays < 0) throw new RangeError("inDays must be a whole number of days, not negative");
  return shiftDay(today, inDays);
}
