import { db } from "@/db";
import { vitals, type Vitals } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { clinicToday } from "@/lib/booking/slots";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { ageInMonths, vitalsInputFor, vitalsWarnings, type VitalsInput } from "@/lib/vitals/ranges";
import { auditRecord } from "./access";
import { lockEncounterForWriting } from "./encounter-access";

export type { VitalsInput };

/**
 * Vitals measured during a consultation, by its clinician or the facility staff hosting it,
 * stored against the consultation with who measured them and when. The same form rules as at
 * intake (lib/vitals/ranges); returns the warnings intake shows (`queue.warning_<code>`). A
 * correction is a new measurement: rows are never updated.
 */
export async function recordVitals(
  actor: Actor,
  consultationId: string,
  input: VitalsInput,
  now = new Date(),
): Promise<{ vitals: Vitals; warnings: string[] }> {
  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician", "host"]);
    const today = clinicToday(now);
    const parsed = vitalsInputFor(today, ageInMonths(encounter.access.patient.dateOfBirth, today)).safeParse(input);
    if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
    if (Object.values(parsed.data).every((value) => value === null)) throw new AppError("invalid", "vitals_empty");

    const [row] = await tx
      .insert(vitals)
      .values({ ...parsed.data, patientId: encounter.access.patient.id, consultationId, recordedBy: actor.id, recordedAt: now })
      .returning();
    const warnings = vitalsWarnings(parsed.data);
    await auditRecord(tx, actor, encounter.access, {
      action: "vitals.record",
      entityType: "vitals",
      entityId: row!.id,
      details: { consultationId, role: encounter.role, warnings },
    });
    return { vitals: row!, warnings };
  });
}
