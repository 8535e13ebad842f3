import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { consultations, patients } from "@/db/schema";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { findVisibleConsultation } from "./consultation-access";
import { latestVitalsOf } from "@/lib/vitals/latest";
import { loadClinicianQueue, viewsOf, type WaitingView } from "./snapshot";

/** Where a consultation stands for the patient (or the staff hosting them): their place and estimated wait. */
export async function getWaitingStatus(actor: Actor, consultationId: string): Promise<WaitingView> {
  const consultation = await findVisibleConsultation(actor, consultationId);
  const view = (await viewsOf([consultation.id])).get(consultation.id);
  if (!view) throw notFound();
  return view;
}

/** The clinician's waiting patients, in the order of the queue rule, each with their latest vitals. */
export async function listWaitingPatients(actor: Actor) {
  if (!clinicianRoles.includes(actor.role)) throw notFound();
  const queue = await loadClinicianQueue(actor.id);
  const vitals = await latestVitalsOf(queue.map((e) => e.id));
  return queue.map((e) => ({ ...e, consultationId: e.id, vitals: vitals.get(e.id) ?? null }));
}

/** The doctor's consultations that are open in a call right now. */
export async function listActiveConsultations(actor: Actor) {
  if (!clinicianRoles.includes(actor.role)) return [];
  return db()
    .select({ consultationId: consultations.id, patientName: patients.fullName, admittedAt: consultations.admittedAt })
    .from(consultations)
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .where(and(eq(consultations.clinicianId, actor.id), eq(consultations.status, "in_call")));
}
