import { and, asc, eq, gte, lt } from "drizzle-orm";
import { db } from "@/db";
import { appointments, patients } from "@/db/schema";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";

const DAY_MS = 24 * 60 * 60_000;

/**
 * A clinician's own appointments from today over the next days, cancelled ones included so
 * the doctor sees what changed.
 */
export async function listClinicianAppointments(actor: Actor, days = 7, now = new Date()) {
  if (!clinicianRoles.includes(actor.role)) throw notFound();
  const from = new Date(now.getTime() - 60 * 60_000);
  return db()
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      status: appointments.status,
      cancelReason: appointments.cancelReason,
      rescheduledFromId: appointments.rescheduledFromId,
      patientName: patients.fullName,
      mrId: patients.mrId,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(
      and(
        eq(appointments.clinicianId, actor.id),
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, new Date(now.getTime() + days * DAY_MS)),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(200);
}
