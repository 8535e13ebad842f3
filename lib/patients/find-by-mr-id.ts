import { eq } from "drizzle-orm";
import { db } from "@/db";
import { patients } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { staffRoles, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { parseMrId } from "@/lib/mrid/mrid";
import { survivor } from "./survivor";

/**
 * The patient a scanned (or typed) MR ID belongs to, for clinic staff: a mistyped ID is
 * `invalid` by its check digit, an unknown one "not found", and a retired one resolves to the
 * patient it was merged into. Audited like a lookup.
 */
export async function findPatientByMrId(actor: Actor, input: string): Promise<{ id: string; mrId: string; merged: boolean }> {
  if (!staffRoles.includes(actor.role)) throw notFound();
  const parsed = parseMrId(input);
  if (!parsed.ok) {
    const key = parsed.reason === "check_digit" ? "mrid_check_digit" : "mrid_format";
    throw new AppError("invalid", key, { mr: key });
  }
  return db().transaction(async (tx) => {
    const [found] = await tx.select().from(patients).where(eq(patients.mrId, parsed.mrId));
    if (!found) throw notFound();
    const patient = await survivor(tx, found);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "patient.lookup",
      entityType: "patient",
      entityId: patient.id,
      patientId: patient.id,
      details: { by: "mr_id", ...(patient.id !== found.id ? { retiredMrId: found.mrId } : {}) },
    });
    return { id: patient.id, mrId: patient.mrId, merged: patient.id !== found.id };
  });
}
