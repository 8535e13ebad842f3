import { findDurationUnit, type DurationUnit } from "./catalog/frequencies";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a course issued at `issuedAt` runs out: the duration in days (a month counted as 30, as
 * the catalog counts doses) after the moment it was issued.
 */
export function courseEndsAt(issuedAt: Date, durationValue: number, durationUnit: DurationUnit): Date {
  const unit = findDurationUnit(durationUnit);
  if (!unit) throw new RangeError(`courseEndsAt: unknown duration unit ${durationUnit}`);
  return new Date(issuedAt.getTime() + durationValue * unit.days * DAY_MS);
}

/** True while a course issued at `issuedAt` is still being taken at `now`: it warns on a new prescription. */
export function isCourseOngoing(issuedAt: Date, durationValue: number, durationUnit: DurationUnit, now: Date): boolean {
  return courseEndsAt(issuedAt, durationValue, durationUnit).getTime() > now.getTime();
}

/**
 * An MR ID as the pharmacy's check shows it: the first four digits and the check pair, the
 * middle hidden (`1000-••••-34`), enough to match the card in the patient's hand and no more.
 */
export function maskMrId(mrId: string): string {
  if (!/^[0-9]{10}$/.test(mrId)) throw new RangeError("maskMrId: an MR ID is 10 digits");
  return `${mrId.slice(0, 4)}-••••-${mrId.slice(8)}`;
}

/**
 * The initials of a name as typed, one per word in its own script ("Amina Bibi" → "A. B.",
 * "آمنہ بی بی" → "آ. ب. ب."): titles and honorifics are kept as words like any other, because
 * a pharmacist compares them with the name the patient gives.
 */
export function nameInitials(fullName: string): string {
  return fullName
    .trim()
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => `${[...word][0]!.toLocaleUpperCase("en")}.`)
    .join(" ");
}

/** Whole years of age on `today` (both YYYY-MM-DD) of someone born on `dateOfBirth`. */
export function ageInYears(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return Math.max(0, ty - by - (hadBirthday ? 0 : 1));
}
