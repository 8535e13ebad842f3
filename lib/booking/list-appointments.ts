import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { appointments, clinicianProfiles, consultations, facilities, patients, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { PATIENT_CHANGE_CUTOFF_MINUTES } from "./policy";

/** Upcoming and current appointments of every patient the account manages. */
export async function listAccountAppointments(actor: Actor) {
  if (actor.role !== "patient") return [];
  return db()
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      patientId: appointments.patientId,
      patientName: patients.fullName,
      mrId: patients.mrId,
      clinicianId: appointments.clinicianId,
      clinicianName: users.name,
      consultationId: consultations.id,
      // The clinician's facility decides how late a patient may still move or cancel.
      changeCutoffMinutes: sql<number>`coalesce(${facilities.patientChangeCutoffMinutes}, ${PATIENT_CHANGE_CUTOFF_MINUTES})`.mapWith(Number),
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(users, eq(users.id, appointments.clinicianId))
    .leftJoin(consultations, eq(consultations.appointmentId, appointments.id))
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, appointments.clinicianId))
    .leftJoin(facilities, eq(facilities.id, clinicianProfiles.facilityId))
    .where(and(eq(patients.accountId, actor.id), inArray(appointments.status, ["booked", "checked_in", "in_consultation"])))
    .orderBy(asc(appointments.startsAt));
}
