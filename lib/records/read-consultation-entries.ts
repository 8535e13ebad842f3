import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { allergies, consultations, diagnoses, labOrders, labResults, problems, vitals } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { vitalsWarnings } from "@/lib/vitals/ranges";
import { readRecord } from "./access";

/**
 * What the record panels beside a call show, in one audited read: the vitals of this
 * consultation, the diagnoses and lab results of its encounter, and the patient's standing
 * allergies, problems and open lab orders (carried across encounters). For whoever may open the
 * patient's record; anyone else gets "not found".
 */
export async function readConsultationEntries(actor: Actor, consultationId: string) {
  if (!isUuid(consultationId)) throw notFound();
  const [consultation] = await db()
    .select({ patientId: consultations.patientId, encounterId: consultations.encounterId })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  if (!consultation) throw notFound();
  const { encounterId } = consultation;

  return readRecord(actor, consultation.patientId, { action: "record.view_entries", entityType: "consultation", entityId: consultationId }, async (tx, access) => {
    const ofPatient = access.patientIds;
    const [vitalsRows, diagnosisRows, allergyRows, problemRows, orderRows, resultRows] = await Promise.all([
      tx.select().from(vitals).where(eq(vitals.consultationId, consultationId)).orderBy(desc(vitals.recordedAt)).limit(5),
      tx.select().from(diagnoses).where(eq(diagnoses.encounterId, encounterId)).orderBy(asc(diagnoses.recordedAt)),
      tx
        .select()
        .from(allergies)
        .where(and(inArray(allergies.patientId, ofPatient), eq(allergies.status, "active")))
        .orderBy(asc(allergies.recordedAt)),
      tx
        .select()
        .from(problems)
        .where(and(inArray(problems.patientId, ofPatient), eq(problems.status, "active")))
        .orderBy(asc(problems.recordedAt)),
      tx
        .select()
        .from(labOrders)
        .where(and(inArray(labOrders.patientId, ofPatient), eq(labOrders.status, "ordered")))
        .orderBy(desc(labOrders.orderedAt)),
      tx.select().from(labResults).where(eq(labResults.encounterId, encounterId)).orderBy(desc(labResults.enteredAt)),
    ]);
    return {
      patient: { id: access.patient.id, dateOfBirth: access.patient.dateOfBirth },
      vitals: vitalsRows.map((row) => ({ ...row, warnings: vitalsWarnings(row) })),
      diagnoses: diagnosisRows,
      allergies: allergyRows,
      problems: problemRows,
      openLabOrders: orderRows,
      labResults: resultRows,
    };
  });
}

export type ConsultationEntries = Awaited<ReturnType<typeof readConsultationEntries>>;
