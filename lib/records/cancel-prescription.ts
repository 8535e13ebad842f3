import { eq } from "drizzle-orm";
import { db } from "@/db";
import { prescriptions } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { auditRecord, resolveRecordAccess } from "./access";

/**
 * Its prescriber marks a prescription as entered in error, while they may still open the
 * record and before a pharmacy has dispensed it; it is kept, and the pharmacy's check then
 * says it was cancelled. Audited in the same transaction; anyone but its prescriber gets
 * "not found".
 */
export async function cancelPrescription(actor: Actor, prescriptionId: string): Promise<void> {
  if (!isUuid(prescriptionId)) throw notFound();
  await db().transaction(async (tx) => {
    const [row] = await tx.select().from(prescriptions).where(eq(prescriptions.id, prescriptionId)).for("update");
    if (!row || row.prescriberId !== actor.id) throw notFound();
    const access = await resolveRecordAccess(actor, row.patientId, tx);
    if (row.enteredInErrorAt) throw new AppError("conflict", "prescription_cancelled");
    if (row.dispensedAt) throw new AppError("conflict", "prescription_dispensed");
    await tx.update(prescriptions).set({ enteredInErrorAt: new Date(), enteredInErrorBy: actor.id }).where(eq(prescriptions.id, row.id));
    await auditRecord(tx, actor, access, { action: "prescription.cancel", entityType: "prescription", entityId: row.id });
  });
}
