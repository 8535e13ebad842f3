import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { appointments, consultations, patients, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";

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
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(users, eq(users.id, appointments.clinicianId))
    .leftJoin(consultations, eq(consultations.appointmentId, appointments.id))
    .where(and(eq(patients.accountId, actor.id), inArray(appointments.status, ["booked", "checked_in", "in_consultation"])))
    .orderBy(asc(appointments.startsAt));
}
