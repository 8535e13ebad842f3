import { GLUCOSE_LOW_MG_DL, GLUCOSE_VERY_HIGH_MG_DL, SYSTOLIC_LOW_MMHG } from "@/lib/vitals/ranges";

/**
 * Blood pressure of a patient in hypertension follow-up, by the higher of its two numbers.
 * Target below 140/90 for everyone treated in primary care, as the WHO HEARTS technical package
 * (2018, hypertension protocols 2021) and the WHO 2021 guideline on pharmacological treatment of
 * hypertension set it; 160/100 and over is grade 2 and 180/120 and over a hypertensive crisis
 * (ISH 2020 global practice guideline, which the Pakistan Hypertension League follows). Low is a
 * systolic below 90, as in the intake warnings (lib/vitals/ranges.ts).
 */
export const bloodPressureFlags = ["low", "at_target", "above_target", "severe", "crisis"] as const;
export type BloodPressureFlag = (typeof bloodPressureFlags)[number];

export const BP_TARGET = { systolic: 140, diastolic: 90 } as const;
const BP_SEVERE = { systolic: 160, diastolic: 100 } as const;
const BP_CRISIS = { systolic: 180, diastolic: 120 } as const;

/**
 * Glucose of a patient in diabetes follow-up (known diabetes), in mg/dL: ADA Standards of Care
 * targets, fasting 80–130 and at other times (random, after meals) below 180; below 70 is
 * hypoglycaemia and 300 or more severe hyperglycaemia, the thresholds of the intake warnings.
 */
export const glucoseFlags = ["hypo", "below_target", "at_target", "above_target", "very_high"] as const;
export type GlucoseFlag = (typeof glucoseFlags)[number];
export type GlucoseTiming = "fasting" | "random";

export const GLUCOSE_TARGET = { fastingLow: 80, fastingHigh: 130, randomHigh: 180 } as const;

/**
 * Glucose of someone not known to have diabetes (screening). Diabetes range: fasting 126 or
 * more, random 200 or more (WHO 2006/2019 and ADA criteria; a single value needs confirming
 * with a second test unless there are symptoms). Raised: fasting 100–125 (ADA impaired fasting
 * glucose), or a random 140–199, which is not diagnostic but asks for a fasting test.
 */
export const glucoseScreenFlags = ["hypo", "normal", "raised", "diabetes_range"] as const;
export type GlucoseScreenFlag = (typeof glucoseScreenFlags)[number];

export const GLUCOSE_DIAGNOSTIC = { fasting: 126, random: 200 } as const;
const GLUCOSE_RAISED = { fasting: 100, random: 140 } as const;

function requireMeasure(value: number, name: string): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
}

/** The follow-up flag of a blood pressure reading (mmHg), by its higher-risk number. */
export function bloodPressureFlag(systolic: number, diastolic: number): BloodPressureFlag {
  requireMeasure(systolic, "systolic");
  requireMeasure(diastolic, "diastolic");
  if (systolic >= BP_CRISIS.systolic || diastolic >= BP_CRISIS.diastolic) return "crisis";
  if (systolic >= BP_SEVERE.systolic || diastolic >= BP_SEVERE.diastolic) return "severe";
  if (systolic >= BP_TARGET.systolic || diastolic >= BP_TARGET.diastolic) return "above_target";
  if (systolic < SYSTOLIC_LOW_MMHG) return "low";
  return "at_target";
}

/** The follow-up flag of a glucose reading (mg/dL) of a patient known to have diabetes. */
export function glucoseFlag(mgDl: number, timing: GlucoseTiming): GlucoseFlag {
  requireMeasure(mgDl, "mgDl");
  if (mgDl < GLUCOSE_LOW_MG_DL) return "hypo";
  if (mgDl >= GLUCOSE_VERY_HIGH_MG_DL) return "very_high";
  if (timing === "fasting") {
    if (mgDl < GLUCOSE_TARGET.fastingLow) return "below_target";
    return mgDl > GLUCOSE_TARGET.fastingHigh ? "above_target" : "at_target";
  }
  return mgDl >= GLUCOSE_TARGET.randomHigh ? "above_target" : "at_target";
}

/** The screening flag of a glucose reading (mg/dL) of someone not known to have diabetes. */
export function glucoseScreenFlag(mgDl: number, timing: GlucoseTiming): GlucoseScreenFlag {
  requireMeasure(mgDl, "mgDl");
  if (mgDl < GLUCOSE_LOW_MG_DL) return "hypo";
  if (mgDl >= GLUCOSE_DIAGNOSTIC[timing]) return "diabetes_range";
  if (mgDl >= GLUCOSE_RAISED[timing]) return "raised";
  return "normal";
}

export type ReadingFlag = BloodPressureFlag | GlucoseFlag | GlucoseScreenFlag;

/**
 * Days until the next review for a flag. Controlled: every 3 months (HEARTS; ADA's quarterly
 * review while treatment changes). Above target: 4 weeks, the HEARTS interval after a change of
 * treatment. Severe hypertension: within a week. Crisis, hypoglycaemia and 300+ mg/dL: today
 * (0), assessed and referred if unwell. Low BP and fasting glucose below target: the treatment
 * is too strong, reviewed within 1–2 weeks. Screening: a normal value is rechecked in a year, a
 * raised one gets a fasting test in 2 weeks, one in the diabetes range is confirmed within a week.
 */
export function followUpInterval(flag: ReadingFlag): number {
  return FOLLOW_UP_DAYS[flag];
}

const FOLLOW_UP_DAYS: Record<ReadingFlag, number> = {
  crisis: 0,
  severe: 7,
  above_target: 28,
  at_target: 90,
  low: 7,
  hypo: 0,
  below_target: 14,
  very_high: 0,
  normal: 365,
  raised: 14,
  diabetes_range: 7,
};

/** True for every flag that is not "at target" or "normal": the reading is marked on the chart. */
export function isOutOfRange(flag: ReadingFlag): boolean {
  return flag !== "at_target" && flag !== "normal";
}

export type BloodPressureReading = { takenAt: Date; systolic: number; diastolic: number };
export type GlucoseReading = { takenAt: Date; mgDl: number; timing: GlucoseTiming };

export type SeriesKey = "systolic" | "diastolic" | "fasting" | "random";
export type SeriesPoint = { takenAt: Date; value: number; outOfRange: boolean };
/** A line across the chart: a target to stay under (or above, for "hypo"), keyed for its label. */
export type ThresholdLine = {
  key: "systolic_target" | "diastolic_target" | "hypo" | "fasting_target" | "random_target";
  value: number;
};

export type ReadingSeries<F extends ReadingFlag> = {
  /** Every reading, oldest first, with its flag: for the table beside the chart. */
  readings: Array<{ takenAt: Date; flag: F; followUpInDays: number }>;
  /** One series per line drawn; a series with no points is left out. */
  series: Array<{ key: SeriesKey; points: SeriesPoint[] }>;
  lines: ThresholdLine[];
  /** The newest reading's flag, or null with no readings: what the follow-up is booked by. */
  latest: F | null;
};

function sortedByTime<T extends { takenAt: Date }>(readings: readonly T[]): T[] {
  for (const r of readings) {
    if (!(r.takenAt instanceof Date) || Number.isNaN(r.takenAt.getTime())) throw new RangeError("takenAt must be a valid date");
  }
  // Array.prototype.sort is stable, so two readings taken at the same time keep their order.
  return [...readings].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

function seriesResult<F extends ReadingFlag>(
  readings: Array<{ takenAt: Date; flag: F }>,
  series: Array<{ key: SeriesKey; points: SeriesPoint[] }>,
  lines: ThresholdLine[],
): ReadingSeries<F> {
  return {
    readings: readings.map((r) => ({ ...r, followUpInDays: followUpInterval(r.flag) })),
    series: series.filter((s) => s.points.length > 0),
    lines,
    latest: readings.at(-1)?.flag ?? null,
  };
}

/**
 * Blood pressure readings for the chart: sorted oldest first, a systolic and a diastolic series
 * whose points are out of range when that number alone is (systolic ≥ 140 or < 90, diastolic
 * ≥ 90), the 140 and 90 target lines, and each reading's flag.
 */
export function bloodPressureSeries(readings: readonly BloodPressureReading[]): ReadingSeries<BloodPressureFlag> {
  const sorted = sortedByTime(readings);
  const flagged = sorted.map((r) => ({ takenAt: r.takenAt, flag: bloodPressureFlag(r.systolic, r.diastolic) }));
  return seriesResult(
    flagged,
    [
      {
        key: "systolic",
        points: sorted.map((r) => ({
          takenAt: r.takenAt,
          value: r.systolic,
          outOfRange: r.systolic >= BP_TARGET.systolic || r.systolic < SYSTOLIC_LOW_MMHG,
        })),
      },
      {
        key: "diastolic",
        points: sorted.map((r) => ({ takenAt: r.takenAt, value: r.diastolic, outOfRange: r.diastolic >= BP_TARGET.diastolic })),
      },
    ],
    [
      { key: "systolic_target", value: BP_TARGET.systolic },
      { key: "diastolic_target", value: BP_TARGET.diastolic },
    ],
  );
}

/**
 * Glucose readings of a patient with diabetes for the chart: sorted oldest first, fasting and
 * random readings as two series (their targets differ), a point out of range when its flag is
 * not "at target", and the lines of the targets for the series present and of hypoglycaemia.
 */
export function glucoseSeries(readings: readonly GlucoseReading[]): ReadingSeries<GlucoseFlag> {
  const sorted = sortedByTime(readings);
  const flagged = sorted.map((r) => ({ takenAt: r.takenAt, flag: glucoseFlag(r.mgDl, r.timing) }));
  const pointsOf = (timing: GlucoseTiming) =>
    sorted
      .map((r, i) => ({ reading: r, flag: flagged[i]!.flag }))
      .filter(({ reading }) => reading.timing === timing)
      .map(({ reading, flag }) => ({ takenAt: reading.takenAt, value: reading.mgDl, outOfRange: isOutOfRange(flag) }));
  const fasting = pointsOf("fasting");
  const random = pointsOf("random");
  const lines: ThresholdLine[] = [{ key: "hypo", value: GLUCOSE_LOW_MG_DL }];
  if (fasting.length > 0) lines.push({ key: "fasting_target", value: GLUCOSE_TARGET.fastingHigh });
  if (random.length > 0) lines.push({ key: "random_target", value: GLUCOSE_TARGET.randomHigh });
  return seriesResult(
    flagged,
    [
      { key: "fasting", points: fasting },
      { key: "random", points: random },
    ],
    lines,
  );
}

/**
 * The readings of either programme as chart series, by kind: blood pressure or glucose.
 * See bloodPressureSeries and glucoseSeries.
 */
export function readingSeries(
  input: { kind: "blood_pressure"; readings: readonly BloodPressureReading[] } | { kind: "glucose"; readings: readonly GlucoseReading[] },
): ReadingSeries<BloodPressureFlag> | ReadingSeries<GlucoseFlag> {
  return input.kind === "blood_pressure" ? bloodPressureSeries(input.readings) : glucoseSeries(input.readings);
}
