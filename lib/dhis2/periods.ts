import { TZDate } from "@date-fns/tz";
import {
  addMonths,
  addWeeks,
  format,
  getISOWeek,
  getISOWeekYear,
  getISOWeeksInYear,
  setISOWeek,
  startOfISOWeek,
  startOfMonth,
} from "date-fns";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

/**
 * A DHIS2 reporting period: a calendar month (`202611`) or an ISO-8601 week (`2026W48`).
 * `start` (inclusive) and `end` (exclusive) are the instants of local midnight in the clinic's
 * time zone (Asia/Karachi, UTC+5, no DST).
 */
export type Dhis2Period = { kind: "monthly" | "weekly"; id: string; start: Date; end: Date };

const MONTHLY_ID = /^(\d{4})(\d{2})$/;
// DHIS2 writes weeks without zero padding: 2026W1, never 2026W01.
const WEEKLY_ID = /^(\d{4})W([1-9]\d?)$/;
// Four-digit years only; below 1000 the id would need padding and Date treats 0–99 as 19xx.
const MIN_YEAR = 1000;

function plain(date: Date): Date {
  return new Date(date.getTime());
}

function monthlyFrom(localStart: TZDate): Dhis2Period {
  return {
    kind: "monthly",
    id: format(localStart, "yyyyMM"),
    start: plain(localStart),
    end: plain(addMonths(localStart, 1)),
  };
}

function weeklyFrom(localStart: TZDate): Dhis2Period {
  return {
    kind: "weekly",
    id: `${getISOWeekYear(localStart)}W${getISOWeek(localStart)}`,
    start: plain(localStart),
    end: plain(addWeeks(localStart, 1)),
  };
}

/**
 * Reads a DHIS2 period id (`yyyyMM` or `yyyyWn`) into its kind and its start and end instants.
 * Returns null for anything that is not a real period: a malformed id, month 13, a zero-padded
 * week, or week 53 of a year that has only 52 ISO weeks.
 */
export function parsePeriod(id: string): Dhis2Period | null {
  const monthly = MONTHLY_ID.exec(id);
  if (monthly) {
    const year = Number(monthly[1]);
    const month = Number(monthly[2]);
    if (year < MIN_YEAR || month < 1 || month > 12) return null;
    return monthlyFrom(new TZDate(year, month - 1, 1, CLINIC_TIME_ZONE));
  }
  const weekly = WEEKLY_ID.exec(id);
  if (weekly) {
    const year = Number(weekly[1]);
    const week = Number(weekly[2]);
    // 4 January always lies in ISO week 1 of its year.
    const anchor = new TZDate(year, 0, 4, CLINIC_TIME_ZONE);
    if (year < MIN_YEAR || week > getISOWeeksInYear(anchor)) return null;
    return weeklyFrom(startOfISOWeek(setISOWeek(anchor, week)));
  }
  return null;
}

/** The monthly or weekly period that contains the given instant, as the clinic's calendar reads it. */
export function periodOf(kind: Dhis2Period["kind"], at: Date): Dhis2Period {
  const local = new TZDate(at.getTime(), CLINIC_TIME_ZONE);
  return kind === "monthly" ? monthlyFrom(startOfMonth(local)) : weeklyFrom(startOfISOWeek(local));
}

/** The period of the same kind just before the given one (last month, or last ISO week). */
export function previousPeriod(period: Dhis2Period): Dhis2Period {
  return periodOf(period.kind, new Date(period.start.getTime() - 1));
}
