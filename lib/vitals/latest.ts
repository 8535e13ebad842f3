import { desc, inArray } from "drizzle-orm";
import { db } from "@/db";
import { vitals } from "@/db/schema";

/** The measurements the queue shows; null where nothing was measured. */
export type VitalsSummary = {
  recordedAt: Date;
  systolic: number | null;
  diastolic: number | null;
  pulse: number | null;
  temperatureC: number | null;
  spo2: number | null;
  respiratoryRate: number | null;
  weightKg: number | null;
  glucoseMgDl: number | null;
  muacCm: number | null;
  lastMenstrualPeriod: string | null;
};

/**
 * The latest vitals of each consultation, in one query. Not for app code: it takes no actor, so
 * it is called by use cases (listWaitingPatients) with consultations they have already checked.
 */
export async function latestVitalsOf(consultationIds: readonly string[]): Promise<Map<string, VitalsSummary>> {
  if (consultationIds.length === 0) return new Map();
  const rows = await db()
    .selectDistinctOn([vitals.consultationId], {
      consultationId: vitals.consultationId,
      recordedAt: vitals.recordedAt,
      systolic: vitals.systolic,
      diastolic: vitals.diastolic,
      pulse: vitals.pulse,
      temperatureC: vitals.temperatureC,
      spo2: vitals.spo2,
      respiratoryRate: vitals.respiratoryRate,
      weightKg: vitals.weightKg,
      glucoseMgDl: vitals.glucoseMgDl,
      muacCm: vitals.muacCm,
      lastMenstrualPeriod: vitals.lastMenstrualPeriod,
    })
    .from(vitals)
    .where(inArray(vitals.consultationId, [...consultationIds]))
    .orderBy(vitals.consultationId, desc(vitals.recordedAt));
  return new Map(rows.flatMap(({ consultationId, ...summary }) => (consultationId ? [[consultationId, summary] as const] : [])));
}
