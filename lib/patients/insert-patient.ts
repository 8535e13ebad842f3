import { sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { patients, type Patient } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { mrIdFromSerial } from "@/lib/mrid/mrid";

type NewPatient = Omit<typeof patients.$inferInsert, "id" | "mrId" | "createdBy" | "createdAt">;

/**
 * Inserts a patient under a freshly issued MR ID and audits it, inside the caller's
 * transaction. Every way a patient comes into being goes through here, so MR IDs are issued
 * one way only: the next serial of `mr_id_serial` plus its Damm check digit.
 */
export async function insertPatientWithMrId(
  tx: Transaction,
  actorId: string,
  values: NewPatient,
  audit: { action: string; details?: Record<string, unknown> },
): Promise<Patient> {
  const [next] = await tx.execute<{ serial: string }>(sql`select nextval('mr_id_serial') as serial`);
  let patient: Patient | undefined;
  try {
    [patient] = await tx
      .insert(patients)
      .values({ ...values, mrId: mrIdFromSerial(Number(next!.serial)), createdBy: actorId })
      .returning();
  } catch (error) {
    // A CNIC belongs to one person; the one already registered keeps it.
    if (isUniqueViolation(error, "patients_cnic_unique")) {
      throw new AppError("conflict", "cnic_taken", { cnic: "cnic_taken" });
    }
    throw error;
  }
  await recordAudit(tx, {
    actorId,
    action: audit.action,
    entityType: "patient",
    entityId: patient!.id,
    patientId: patient!.id,
    details: audit.details,
  });
  return patient!;
}
