import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { Dhis2Period } from "@/lib/dhis2/periods";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

const MONTH_INPUT = /^(\d{4})-(\d{2})$/;
const WEEK_INPUT = /^(\d{4})-W(\d{2})$/;

/**
 * The DHIS2 period id for what a browser's month (`2026-11`) or week (`2026-W48`) input posted:
 * `202611` or `2026W48` (DHIS2 writes weeks without a leading zero). "" when the input is not
 * of that shape; whether the period is real is lib/dhis2/periods.ts's to say.
 */
export function periodIdFromInput(kind: string, month: string, week: string): string {
  if (kind === "weekly") {
    const match = WEEK_INPUT.exec(week);
    return match ? `${match[1]}W${Number(match[2])}` : "";
  }
  const match = MONTH_INPUT.exec(month);
  return match ? `${match[1]}${match[2]}` : "";
}

/** The browser input values that show a period: its month, or its ISO week. */
export function inputOfPeriod(period: Dhis2Period): { month: string; week: string } {
  const local = new TZDate(period.start.getTime(), CLINIC_TIME_ZONE);
  if (period.kind === "monthly") return { month: format(local, "yyyy-MM"), week: "" };
  return { month: "", week: format(local, "RRRR-'W'II") };
}
