import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { patientMerges, patients } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { parseMrId } from "@/lib/mrid/mrid";

export const mergePatientsInput = z.object({
  survivorMrId: z.string().trim().min(1, "mrid_required"),
  retiredMrId: z.string().trim().min(1, "mrid_required"),
  reason: z.string().trim().min(10, "merge_reason_short").max(1_000, "merge_reason_long"),
});
export type MergePatientsInput = z.input<typeof mergePatientsInput>;

/**
 * An admin merges two MR IDs found to be one person. Nothing is moved or rewritten (signed
 * notes could not be): the retired patient points at the survivor, every record lookup reads
 * both (lib/records/access.ts), and the retired MR ID resolves to the survivor from now on.
 * IDs already merged into the retired one follow it to the survivor.
 */
export async function mergePatients(actor: Actor, input: MergePatientsInput): Promise<{ survivorId: string; retiredId: string }> {
  if (actor.role !== "admin") throw notFound();
  const parsed = mergePatientsInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const survivorParsed = parseMrId(parsed.data.survivorMrId);
  const retiredParsed = parseMrId(parsed.data.retiredMrId);
  const survivorMrId = survivorParsed.ok ? survivorParsed.mrId : null;
  const retiredMrId = retiredParsed.ok ? retiredParsed.mrId : null;
  const errors: Record<string, string> = {};
  if (!survivorParsed.ok) errors.survivorMrId = `mrid_${survivorParsed.reason}`;
  if (!retiredParsed.ok) errors.retiredMrId = `mrid_${retiredParsed.reason}`;
  if (survivorMrId && survivorMrId === retiredMrId) errors.retiredMrId = "merge_same_patient";
  if (Object.keys(errors).length > 0) throw new AppError("invalid", "form_invalid", errors);

  return db().transaction(async (tx) => {
    // Locked in one statement, in id order, so that two merges of the same pair cannot deadlock.
    const rows = await tx
      .select({ id: patients.id, mrId: patients.mrId, mergedIntoId: patients.mergedIntoId })
      .from(patients)
      .where(inArray(patients.mrId, [survivorMrId!, retiredMrId!]))
      .orderBy(patients.id)
      .for("update");
    const survivor = rows.find((row) => row.mrId === survivorMrId);
    const retired = rows.find((row) => row.mrId === retiredMrId);
    const missing: Record<string, string> = {};
    if (!survivor) missing.survivorMrId = "mrid_unknown";
    if (!retired) missing.retiredMrId = "mrid_unknown";
    if (survivor?.mergedIntoId) missing.survivorMrId = "mrid_already_merged";
    if (retired?.mergedIntoId) missing.retiredMrId = "mrid_already_merged";
    if (Object.keys(missing).length > 0) throw new AppError("invalid", "form_invalid", missing);

    await tx.update(patients).set({ mergedIntoId: survivor!.id }).where(sql`${patients.id} = ${retired!.id} or ${patients.mergedIntoId} = ${retired!.id}`);
    const [merge] = await tx
      .insert(patientMerges)
      .values({ survivorId: survivor!.id, retiredId: retired!.id, reason: parsed.data.reason, mergedBy: actor.id })
      .returning({ id: patientMerges.id });
    for (const patientId of [survivor!.id, retired!.id]) {
      await recordAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        purpose: "admin",
        action: "patient.merge",
        entityType: "patient_merge",
        entityId: merge!.id,
        patientId,
        details: { survivorMrId, retiredMrId, reason: parsed.data.reason },
      });
    }
    return { survivorId: survivor!.id, retiredId: retired!.id };
  });
}

