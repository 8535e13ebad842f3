import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { diagnoses } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { isUuid } from "@/lib/ids";
import { diagnosisCertainties } from "@/lib/vocabulary";
import { auditRecord } from "./access";
import { findDiagnosis } from "./catalog/diagnoses";
import { lockEncounterForWriting } from "./encounter-access";
import { codeOrFreeText, parseFields } from "./entry-fields";

export const recordDiagnosisInput = z.object({
  code: z.string().optional(),
  freeText: z.string().optional(),
  certainty: z.string().optional(),
});
export type RecordDiagnosisInput = z.input<typeof recordDiagnosisInput>;

const diagnosisName = codeOrFreeText((code) => findDiagnosis(code)?.code);
const certainty = z.object({ certainty: formEnum(diagnosisCertainties, "certainty_required") });

type DiagnosisRow = typeof diagnoses.$inferSelect;

/**
 * The consultation's clinician records a diagnosis: an ICD-10 code from the shipped list
 * (lib/records/catalog/diagnoses) or, when nothing fits, free text — exactly one — provisional
 * or confirmed. Anyone but the clinician of a writable consultation gets "not found".
 */
export async function recordDiagnosis(actor: Actor, consultationId: string, input: RecordDiagnosisInput): Promise<DiagnosisRow> {
  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician"]);
    const [name, rest] = parseFields(input, diagnosisName, certainty);
    const [row] = await tx
      .insert(diagnoses)
      .values({ ...name, certainty: rest.certainty, patientId: encounter.access.patient.id, encounterId: encounter.encounterId, recordedBy: actor.id })
      .returning();
    await auditRecord(tx, actor, encounter.access, {
      action: "diagnosis.record",
      entityType: "diagnosis",
      entityId: row!.id,
      details: { consultationId, code: row!.code, certainty: row!.certainty },
    });
    return row!;
  });
}

/**
 * Marks a diagnosis as entered in error: kept and shown struck through, never deleted. Only its
 * recorder may, through a consultation of the same encounter that they can still write to;
 * anyone else gets "not found". Marking it twice changes nothing.
 */
export async function markDiagnosisEnteredInError(actor: Actor, consultationId: string, diagnosisId: string): Promise<DiagnosisRow> {
  if (!isUuid(diagnosisId)) throw notFound();
  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician"]);
    const [current] = await tx
      .select()
      .from(diagnoses)
      .where(and(eq(diagnoses.id, diagnosisId), eq(diagnoses.encounterId, encounter.encounterId), eq(diagnoses.recordedBy, actor.id)))
      .for("update");
    if (!current) throw notFound();
    if (current.enteredInErrorAt) return current;
    const [row] = await tx
      .update(diagnoses)
      .set({ enteredInErrorAt: new Date(), enteredInErrorBy: actor.id })
      .where(eq(diagnoses.id, current.id))
      .returning();
    await auditRecord(tx, actor, encounter.access, {
      action: "diagnosis.entered_in_error",
      entityType: "diagnosis",
      entityId: current.id,
      details: { consultationId },
    });
    return row!;
  });
}
