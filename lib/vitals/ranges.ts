import { z } from "zod";
import { toAsciiDigits } from "@/lib/identifiers/identifiers";

/**
 * The values a measurement can physically take, in the units of the form. They catch typing
 * slips (a pulse of 720, a temperature in °F) without judging what is normal: a patient can be
 * very ill, and what is worrying is shown as a warning by `vitalsWarnings`, never refused.
 */
export const plausibleRanges = {
  systolic: { min: 50, max: 260, decimals: 0 }, // mmHg
  diastolic: { min: 30, max: 160, decimals: 0 }, // mmHg
  pulse: { min: 30, max: 220, decimals: 0 }, // beats/min
  temperatureC: { min: 30, max: 43, decimals: 1 }, // °C
  spo2: { min: 50, max: 100, decimals: 0 }, // %
  respiratoryRate: { min: 5, max: 80, decimals: 0 }, // breaths/min
  weightKg: { min: 0.5, max: 300, decimals: 1 }, // kg
  heightCm: { min: 30, max: 250, decimals: 1 }, // cm
  glucoseMgDl: { min: 20, max: 600, decimals: 0 }, // mg/dL
  muacCm: { min: 6, max: 30, decimals: 1 }, // cm
} as const;

type MeasuredField = keyof typeof plausibleRanges;
type Field = MeasuredField | "lastMenstrualPeriod";

/** An LMP longer ago than this cannot belong to an ongoing pregnancy, so it is a typing slip. */
export const LMP_MAX_WEEKS = 44;
/** MUAC screens children aged 6 to 59 months for acute malnutrition; its cut-offs mean nothing at other ages. */
const MUAC_AGE_MONTHS = { min: 6, max: 59 };

const DAY_MS = 86_400_000;

// Urdu keyboards type their own digits; a comma or the Arabic decimal separator (U+066B) is
// typed where English uses a point.
function normalizeTyped(text: string): string {
  return toAsciiDigits(text.trim()).replace(/[,\u066b]/g, ".");
}

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** One measurement field: "" or absent is "not measured" (null), anything else must be a plausible number. */
function measurement(field: MeasuredField) {
  const { min, max, decimals } = plausibleRanges[field];
  return z
    .string({ error: `${field}_number` })
    .optional()
    .transform((raw, ctx): number | null => {
      const text = normalizeTyped(raw ?? "");
      if (text === "") return null;
      if (!DECIMAL.test(text)) {
        ctx.addIssue({ code: "custom", message: `${field}_number` });
        return null;
      }
      // Rounded in decimal (shifting by the exponent), so 36.45 becomes 36.5 and not 36.4.
      const value = decimals === 0 ? Number(text) : Math.round(Number(`${text}e1`)) / 10;
      if (decimals === 0 && !Number.isInteger(value)) {
        ctx.addIssue({ code: "custom", message: `${field}_number` });
        return null;
      }
      if (value < min || value > max) {
        ctx.addIssue({ code: "custom", message: `${field}_range` });
        return null;
      }
      return value;
    });
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date, or null for anything else (2026-02-30 included). */
function dayNumber(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.getTime() / DAY_MS;
}

function requireDayNumber(text: string, name: string): number {
  const day = dayNumber(text);
  if (day === null) throw new RangeError(`${name} must be a YYYY-MM-DD calendar date`);
  return day;
}

const lastMenstrualPeriod = z
  .string({ error: "lmp_invalid" })
  .optional()
  .transform((raw, ctx): string | null => {
    const text = normalizeTyped(raw ?? "");
    if (text === "") return null;
    if (dayNumber(text) === null) {
      ctx.addIssue({ code: "custom", message: "lmp_invalid" });
      return null;
    }
    return text;
  });

/**
 * Cross-field rules run only on fields that parsed, so a typing slip is reported once, where it
 * is; and never when the form as a whole was not an object (its issue has no field).
 */
function whenValid(...fields: Field[]) {
  return {
    when: (payload: { issues: ReadonlyArray<{ path?: PropertyKey[] }> }) =>
      !payload.issues.some((issue) => {
        const field = issue.path?.[0];
        return field === undefined || fields.includes(field as Field);
      }),
  };
}

/**
 * The vitals form: every field an optional string ("" = not measured), parsed to numbers (or the
 * LMP date) or null. Errors are message keys on the field: `<field>_number`, `<field>_range`,
 * `lmp_invalid`, and for blood pressure `bp_pair` / `bp_order` on "diastolic".
 */
export const vitalsInput = z
  .object(
    {
      systolic: measurement("systolic"),
      diastolic: measurement("diastolic"),
      pulse: measurement("pulse"),
      temperatureC: measurement("temperatureC"),
      spo2: measurement("spo2"),
      respiratoryRate: measurement("respiratoryRate"),
      weightKg: measurement("weightKg"),
      heightCm: measurement("heightCm"),
      glucoseMgDl: measurement("glucoseMgDl"),
      muacCm: measurement("muacCm"),
      lastMenstrualPeriod,
    },
    { error: "form_invalid" },
  )
  .superRefine((v, ctx) => {
    // A blood pressure is a pair; half of one cannot be read.
    if ((v.systolic === null) !== (v.diastolic === null)) {
      ctx.addIssue({ code: "custom", message: "bp_pair", path: ["diastolic"] });
    } else if (v.systolic !== null && v.diastolic !== null && v.diastolic >= v.systolic) {
      ctx.addIssue({ code: "custom", message: "bp_order", path: ["diastolic"] });
    }
  }, whenValid("systolic", "diastolic"));
export type VitalsInput = z.input<typeof vitalsInput>;
/** Parsed vitals: numbers in the form's units, or null where nothing was measured. */
export type VitalsValues = z.output<typeof vitalsInput>;

/**
 * The vitals form for one patient on one day: adds the checks that need the clinic-local date
 * (`today`, YYYY-MM-DD) and the patient's age. An LMP must lie within the last 44 weeks; MUAC is
 * taken only from children aged 6–59 months.
 */
export function vitalsInputFor(today: string, patientAgeMonths: number) {
  const todayDay = requireDayNumber(today, "today");
  return vitalsInput
    .superRefine((v, ctx) => {
      if (v.lastMenstrualPeriod === null) return;
      const daysAgo = todayDay - dayNumber(v.lastMenstrualPeriod)!;
      if (daysAgo < 0 || daysAgo > LMP_MAX_WEEKS * 7) {
        ctx.addIssue({ code: "custom", message: "lmp_invalid", path: ["lastMenstrualPeriod"] });
      }
    }, whenValid("lastMenstrualPeriod"))
    .superRefine((v, ctx) => {
      const child = patientAgeMonths >= MUAC_AGE_MONTHS.min && patientAgeMonths <= MUAC_AGE_MONTHS.max;
      if (v.muacCm !== null && !child) {
        ctx.addIssue({ code: "custom", message: "muac_child_only", path: ["muacCm"] });
      }
    }, whenValid("muacCm"));
}

/** Gestational age by Naegele's rule: completed weeks and days since the first day of the LMP. */
export function gestationalAge(lmp: string, today: string): { weeks: number; days: number } {
  const days = requireDayNumber(today, "today") - requireDayNumber(lmp, "lmp");
  if (days < 0) throw new RangeError("lmp is after today");
  return { weeks: Math.floor(days / 7), days: days % 7 };
}

/**
 * Completed months of age on `today`. A month is completed on the same day of the month as the
 * birth, so a child born on the 31st completes a month only on the 1st of a shorter next month.
 */
export function ageInMonths(dateOfBirth: string, today: string): number {
  if (requireDayNumber(dateOfBirth, "dateOfBirth") > requireDayNumber(today, "today")) {
    throw new RangeError("dateOfBirth is after today");
  }
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
}

/**
 * Thresholds shared with the programmes' follow-up flags (lib/records/programmes/chronic.ts), so
 * that a reading warned of at intake is flagged the same way on the chart: systolic below 90 is
 * hypotension; glucose below 70 mg/dL is hypoglycaemia (ADA level 1) and from 300 mg/dL is
 * severe hyperglycaemia, checked for ketones the same day.
 */
export const SYSTOLIC_LOW_MMHG = 90;
export const GLUCOSE_LOW_MG_DL = 70;
export const GLUCOSE_VERY_HIGH_MG_DL = 300;

/**
 * Codes for clinically worrying values, for staff to see beside the measurement (keys of the
 * i18n messages). Takes a parsed form or a stored row alike; what was not measured warns of nothing.
 */
export function vitalsWarnings(v: Partial<VitalsValues>): string[] {
  const warnings: string[] = [];
  const has = (value: number | null | undefined): value is number => value !== null && value !== undefined;
  const { systolic, diastolic, pulse, temperatureC, spo2, glucoseMgDl, muacCm } = v;

  if (has(spo2) && spo2 < 92) warnings.push("spo2_low");
  if ((has(systolic) && systolic >= 160) || (has(diastolic) && diastolic >= 110)) warnings.push("bp_high");
  if (has(systolic) && systolic < SYSTOLIC_LOW_MMHG) warnings.push("bp_low");
  if (has(pulse) && pulse > 120) warnings.push("pulse_high");
  if (has(temperatureC) && temperatureC >= 38.5) warnings.push("temp_high");
  if (has(temperatureC) && temperatureC < 35) warnings.push("temp_low");
  if (has(glucoseMgDl) && glucoseMgDl < GLUCOSE_LOW_MG_DL) warnings.push("glucose_low");
  if (has(glucoseMgDl) && glucoseMgDl >= GLUCOSE_VERY_HIGH_MG_DL) warnings.push("glucose_high");
  // WHO cut-offs for children 6–59 months: below 11.5 cm severe, below 12.5 cm moderate acute malnutrition.
  if (has(muacCm) && muacCm < 11.5) warnings.push("muac_severe");
  else if (has(muacCm) && muacCm < 12.5) warnings.push("muac_moderate");
  return warnings;
}
