import { tz } from "@date-fns/tz";
import { addDays, getDay, set, startOfDay } from "date-fns";

export const CLINIC_TIME_ZONE = "Asia/Karachi";

export type WeeklyRule = {
  weekday: number; // 0=Sunday..6=Saturday, in clinic local time
  startMinute: number; // minutes after local midnight
  endMinute: number; // exclusive, up to 1440
  slotMinutes: number;
};

export type Slot = { startsAt: Date; endsAt: Date };

export type WeeklyRuleError = "weekday" | "range" | "slot_length";

const MINUTES_PER_DAY = 1440;
const MIN_SLOT_MINUTES = 5;
const MAX_SLOT_MINUTES = 240;
const MS_PER_MINUTE = 60_000;

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

/**
 * All slots of all rules starting in [from, to), sorted by start. When rules overlap, the
 * slot from the earliest rule in `rules` wins for a given start instant.
 * Throws RangeError for an invalid rule or date.
 */
export function generateSlots(rules: WeeklyRule[], from: Date, to: Date, timeZone = CLINIC_TIME_ZONE): Slot[] {
  assertValidDate(from, "from");
  assertValidDate(to, "to");
  for (const rule of rules) {
    const error = validateWeeklyRule(rule);
    if (error) throw new RangeError(`Invalid weekly rule: ${error}`);
  }

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

  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Whether [startsAt, endsAt) is exactly one of the slots `generateSlots` would produce. */
export function isBookableSlot(rules: WeeklyRule[], startsAt: Date, endsAt: Date, timeZone = CLINIC_TIME_ZONE): boolean {
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) return false;
  const [match] = generateSlots(rules, startsAt, new Date(startsAt.getTime() + 1), timeZone);
  return match !== undefined && match.endsAt.getTime() === endsAt.getTime();
}

function assertValidDate(date: Date, name: string): void {
  if (Number.isNaN(date.getTime())) throw new RangeError(`${name} is not a valid date`);
}
