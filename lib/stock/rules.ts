import { doseCount, findMedicine, type DosageForm, type DurationUnit } from "@/lib/records/catalog";

/** Consumption is averaged over this many days to say how long the stock will last. */
export const CONSUMPTION_WINDOW_DAYS = 30;
/** Fewer days of stock left than this raises a low-stock alert to the district. */
export const LOW_STOCK_DAYS = 14;
/** The most one receipt, adjustment or transfer moves: a typo guard, not a policy. */
export const MAX_MOVEMENT_QUANTITY = 100_000;

export type StockLevel = "out" | "low";

/**
 * Days the stock on hand lasts at the average daily use of the last CONSUMPTION_WINDOW_DAYS,
 * rounded down; null when nothing was used (no basis to say), 0 when nothing is left.
 */
export function daysLeft(onHand: number, usedInWindow: number): number | null {
  if (onHand <= 0) return 0;
  if (usedInWindow <= 0) return null;
  return Math.floor(onHand / (usedInWindow / CONSUMPTION_WINDOW_DAYS));
}

/** The alert a facility's stock of a medicine calls for, or null when it is fine. */
export function stockLevel(onHand: number, usedInWindow: number): StockLevel | null {
  if (onHand <= 0) return "out";
  const days = daysLeft(onHand, usedInWindow);
  return days !== null && days < LOW_STOCK_DAYS ? "low" : null;
}

// Forms counted out one by one: a dose of "2" is two of them. Anything else (a bottle of syrup,
// a tube of cream, an inhaler) goes out as one pack for the course.
const countedForms: ReadonlySet<DosageForm> = new Set([
  "tablet",
  "dispersible_tablet",
  "chewable_tablet",
  "sublingual_tablet",
  "vaginal_tablet",
  "capsule",
  "sachet",
  "suppository",
  "injection",
]);

/**
 * What the dispensing form suggests handing over for a prescription line: for counted forms the
 * dose's leading number times the doses in the course (at least 1), else one pack. The person
 * at the counter can change it; null when it cannot be worked out (an "as needed" course).
 */
export function suggestedQuantity(line: { medicineCode: string; dose: string; frequencyCode: string; durationValue: number; durationUnit: DurationUnit }): number | null {
  const medicine = findMedicine(line.medicineCode);
  if (!medicine) return null;
  if (!countedForms.has(medicine.form)) return 1;
  const doses = doseCount(line.frequencyCode, line.durationValue, line.durationUnit);
  if (doses === null) return null;
  const perDose = Number.parseFloat(line.dose.replace(",", "."));
  const units = Number.isFinite(perDose) && perDose > 0 ? perDose : 1;
  return Math.max(1, Math.ceil(units * doses));
}
