import { eq } from "drizzle-orm";
import { db } from "@/db";
import { patients, type Patient } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { staffRoles, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { survivor } from "./survivor";

type CardPatient = Pick<Patient, "id" | "mrId" | "fullName" | "sex" | "dateOfBirth" | "accountId">;

/**
 * What the printable MR card shows: the MR ID, the name as registered, sex and date of birth,
 * for the phone account that manages the patient and for clinic staff (who find patients by
 * MR ID anyway); a retired MR ID gives its survivor's card. Audited; anyone else "not found".
 */
export async function readMrCard(actor: Actor, patientId: string): Promise<CardPatient> {
  if (!isUuid(patientId)) throw notFound();
  return db().transaction(async (tx) => {
    const [found] = await tx.select().from(patients).where(eq(patients.id, patientId));
    if (!found) throw notFound();
    const patient = await survivor(tx, found);
    const own = actor.role === "patient" && (patient.accountId === actor.id || found.accountId === actor.id);
    if (!own && !staffRoles.includes(actor.role)) throw notFound();
    await recordAudit(tx, { actorId: actor.id, action: "patient.mr_card", entityType: "patient", entityId: patient.id, patientId: patient.id });
    return { id: patient.id, mrId: patient.mrId, fullName: patient.fullName, sex: patient.sex, dateOfBirth: patient.dateOfBirth, accountId: patient.accountId };
  });
}
