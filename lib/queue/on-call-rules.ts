import { careNeeds } from "@/lib/vocabulary";

export { careNeeds };
export type CareNeed = (typeof careNeeds)[number];

export type Shift = { clinicianId: string; need: CareNeed; startsAt: Date; endsAt: Date };

/** Whether any shift for the need covers `now` (start inclusive, end exclusive). */
export function isOnCallOpen(shifts: readonly Shift[], need: CareNeed, now: Date): boolean {
  return shifts.some((s) => s.need === need && s.startsAt <= now && now < s.endsAt);
}

/** When the pool for a need next opens: now if open, else the earliest later shift, else null. */
export function nextOpening(shifts: readonly Shift[], need: CareNeed, now: Date): Date | null {
  if (isOnCallOpen(shifts, need, now)) return now;
  const later = shifts.filter((s) => s.need === need && s.startsAt > now).map((s) => s.startsAt.getTime());
  return later.length > 0 ? new Date(Math.min(...later)) : null;
}

/** The needs a clinician is on call for at `now`; they pick up patients only from these pools. */
export function needsOnCall(shifts: readonly Shift[], clinicianId: string, now: Date): CareNeed[] {
  const needs = shifts.filter((s) => s.clinicianId === clinicianId && s.startsAt <= now && now < s.endsAt).map((s) => s.need);
  return [...new Set(needs)];
}
