import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { problems } from "@/db/schema";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { clinicToday } from "@/lib/booking/slots";
import { AppError, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { auditRecord, resolveRecordAccess } from "./access";
import { findDiagnosis } from "./catalog/diagnoses";
import { lockEncounterForWriting } from "./encounter-access";
import { codeOrFreeText, parseFields, pastDate } from "./entry-fields";

export const recordProblemInput = z.object({ code: z.string().optional(), freeText: z.string().optional(), onsetOn: z.string().optional() });
export type RecordProblemInput = z.input<typeof recordProblemInput>;

const problemName = codeOrFreeText((code) => findDiagnosis(code)?.code);

type ProblemRow = typeof problems.$inferSelect;

/**
 * The consultation's clinician adds a long-standing condition to the patient's problem list: a
 * code from the diagnosis list or free text, with the onset date when known. The problem is the
 * patient's, carried across encounters until resolved.
 */
export async function recordProblem(actor: Actor, consultationId: string, input: RecordProblemInput, now = new Date()): Promise<ProblemRow> {
  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician"]);
    const [name, { onsetOn }] = parseFields(input, problemName, z.object({ onsetOn: pastDate(clinicToday(now), "date_invalid") }));
    const [row] = await tx
      .insert(problems)
      .values({ ...name, onsetOn: onsetOn ?? null, patientId: encounter.access.patient.id, encounterId: encounter.encounterId, recordedBy: actor.id })
      .returning();
    await auditRecord(tx, actor, encounter.access, {
      action: "problem.record",
      entityType: "problem",
      entityId: row!.id,
      details: { consultationId, code: row!.code },
    });
    return row!;
  });
}

export const resolveProblemInput = z.object({ resolvedOn: z.string().optional() });
export type ResolveProblemInput = z.input<typeof resolveProblemInput>;

/**
 * A clinician in the patient's care marks an active problem resolved, on `resolvedOn` (today
 * when blank; not before its onset, not in the future). Anyone else gets "not found".
 */
export async function resolveProblem(actor: Actor, problemId: string, input: ResolveProblemInput, now = new Date()): Promise<ProblemRow> {
  if (!clinicianRoles.includes(actor.role) || !isUuid(problemId)) throw notFound();
  const today = clinicToday(now);
  return db().transaction(async (tx) => {
    const [current] = await tx.select().from(problems).where(eq(problems.id, problemId)).for("update");
    if (!current) throw notFound();
    const access = await resolveRecordAccess(actor, current.patientId, tx);
    if (access.purpose !== "care") throw notFound();
    const [{ resolvedOn = today }] = parseFields(input, z.object({ resolvedOn: pastDate(today, "date_invalid") }));
    if (current.status !== "active") throw new AppError("conflict", "problem_not_active");
    if (current.onsetOn && resolvedOn < current.onsetOn) throw new AppError("invalid", "form_invalid", { resolvedOn: "resolved_before_onset" });
    const [row] = await tx
      .update(problems)
      .set({ status: "resolved", resolvedOn, changedBy: actor.id, changedAt: now })
      .where(eq(problems.id, current.id))
      .returning();
    await auditRecord(tx, actor, access, { action: "problem.resolve", entityType: "problem", entityId: current.id, details: { resolvedOn } });
    return row!;
  });
}
