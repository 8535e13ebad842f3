/** One shift as the roster form gives it: a weekday (1 Monday … 7 Sunday) and "HH:MM" times, clinic time. */
export type ShiftInput = { weekday: number; starts: string; ends: string };
export type Shift = { weekday: number; startsMinute: number; endsMinute: number };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of an "HH:MM" time, or null when it is not one. */
export function minuteOf(time: string): number | null {
  const match = TIME.exec(time.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * A week's shifts from the form: a day left blank (both times empty) is a day off; a day with
 * one time only, an unreadable time, or an end not after its start is refused at that day's
 * field (`shift_<weekday>`).
 */
export function parseShifts(days: ShiftInput[]): { shifts: Shift[]; errors: Record<string, string> } {
  const shifts: Shift[] = [];
  const errors: Record<string, string> = {};
  for (const day of days) {
    if (!Number.isInteger(day.weekday) || day.weekday < 1 || day.weekday > 7) continue;
    const field = `shift_${day.weekday}`;
    if (!day.starts.trim() && !day.ends.trim()) continue;
    const startsMinute = minuteOf(day.starts);
    const endsMinute = minuteOf(day.ends);
    if (startsMinute === null || endsMinute === null) errors[field] = "roster_time_invalid";
    else if (endsMinute <= startsMinute) errors[field] = "roster_end_before_start";
    else shifts.push({ weekday: day.weekday, startsMinute, endsMinute });
  }
  return { shifts, errors };
}

/** Scheduled hours a week of a set of shifts. */
export function weeklyHours(shifts: readonly Shift[]): number {
  return shifts.reduce((sum, shift) => sum + (shift.endsMinute - shift.startsMinute), 0) / 60;
}
