import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db";
import { appointments, consultations, patients, type Consultation } from "@/db/schema";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { roleIn, type ConsultationRole } from "./consultation-access";
import { canTransition } from "./rules";

// What the queue's use cases (admit, no answer, return, transfer, withdraw) share when they
// change one consultation: who may, on the locked row, and how the appointment follows.

/** Clinician-only use cases answer anyone else "not found", like a stranger's consultation. */
export function requireClinician(actor: Actor): void {
  if (!clinicianRoles.includes(actor.role)) throw notFound();
}

/**
 * The consultation row, locked, for a change by one of its participants. Who may change it is
 * decided on the locked row: checked before the lock, a colleague could act on a patient another
 * clinician admitted a moment ago.
 */
export async function lockFor(tx: Transaction, actor: Actor, id: string, allowed: readonly ConsultationRole[]): Promise<Consultation> {
  if (!z.uuid().safeParse(id).success) throw notFound();
  const [locked] = await tx
    .select({ row: consultations, accountId: patients.accountId })
    .from(consultations)
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .where(eq(consultations.id, id))
    .for("update", { of: consultations });
  if (!locked) throw notFound();
  const role = await roleIn(actor, { ...locked.row, accountId: locked.accountId });
  if (!role || !allowed.includes(role)) throw notFound();
  return locked.row;
}

/** A change the state machine does not allow is a conflict the person can understand. */
export function assertTransition(row: Consultation, to: Consultation["status"]): void {
  if (!canTransition(row.status, to)) throw new AppError("conflict", "consultation_state");
}

/** Keeps the booked appointment in step with its consultation. */
export async function setAppointment(tx: Transaction, row: Consultation, change: Partial<typeof appointments.$inferInsert>): Promise<void> {
  if (row.appointmentId) await tx.update(appointments).set(change).where(eq(appointments.id, row.appointmentId));
}

/**
 * Back to the patient's place: in the specialty's shared queue if they were taken from one, else
 * with their clinician. Their grace period starts now, as they find their way back to the waiting page.
 */
export function backToQueue(row: Consultation) {
  return { status: "waiting" as const, admittedAt: null, clinicianId: row.specialtyCode ? null : row.clinicianId, patientSeenAt: new Date() };
}

/** The staff hosting the visit, whose list must hear of the change. */
export const hostsOf = (row: Consultation): string[] => (row.hostedBy ? [row.hostedBy] : []);
