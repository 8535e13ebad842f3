import { and, asc, count, eq, lt } from "drizzle-orm";
import { db } from "@/db";
import { appointments, consultations, patients } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { findVisibleConsultation } from "./consultation-access";
import { canTransition } from "./rules";

/** Where a waiting patient stands: their place in the doctor's queue (1 = next). */
export async function getWaitingStatus(actor: Actor, consultationId: string) {
  const consultation = await findVisibleConsultation(actor, consultationId);
  let place: number | null = null;
  if (consultation.status === "waiting") {
    const [ahead] = await db()
      .select({ n: count() })
      .from(consultations)
      .where(
        and(
          eq(consultations.clinicianId, consultation.clinicianId),
          eq(consultations.status, "waiting"),
          lt(consultations.checkedInAt, consultation.checkedInAt),
        ),
      );
    place = (ahead?.n ?? 0) + 1;
  }
  return { status: consultation.status, place, clinicianName: consultation.clinicianName };
}

/** The doctor's waiting patients, first come first served. */
export async function listWaitingPatients(actor: Actor) {
  if (!clinicianRoles.includes(actor.role)) throw new AppError("not_found", "not_found");
  return db()
    .select({
      consultationId: consultations.id,
      checkedInAt: consultations.checkedInAt,
      patientName: patients.fullName,
      mrId: patients.mrId,
      sex: patients.sex,
      dateOfBirth: patients.dateOfBirth,
    })
    .from(consultations)
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .where(and(eq(consultations.clinicianId, actor.id), eq(consultations.status, "waiting")))
    .orderBy(asc(consultations.checkedInAt));
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

/**
 * Admits the longest-waiting patient. `skip locked` lets two tabs of the same doctor press
 * "admit next" at once without both taking the same patient.
 */
export async function admitNextPatient(actor: Actor): Promise<{ consultationId: string }> {
  if (!clinicianRoles.includes(actor.role)) throw new AppError("not_found", "not_found");
  return db().transaction(async (tx) => {
    const [next] = await tx
      .select({
        id: consultations.id,
        status: consultations.status,
        patientId: consultations.patientId,
        appointmentId: consultations.appointmentId,
      })
      .from(consultations)
      .where(and(eq(consultations.clinicianId, actor.id), eq(consultations.status, "waiting")))
      .orderBy(asc(consultations.checkedInAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) throw new AppError("conflict", "queue_empty");
    if (!canTransition(next.status, "in_call")) throw new AppError("conflict", "consultation_state");
    await tx
      .update(consultations)
      .set({ status: "in_call", admittedAt: new Date() })
      .where(eq(consultations.id, next.id));
    if (next.appointmentId) {
      await tx.update(appointments).set({ status: "in_consultation" }).where(eq(appointments.id, next.appointmentId));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.admit",
      entityType: "consultation",
      entityId: next.id,
      patientId: next.patientId,
    });
    return { consultationId: next.id };
  });
}
