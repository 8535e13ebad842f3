import { eq } from "drizzle-orm";
import { db } from "@/db";
import { consultations, patients, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/**
 * A consultation as its participants see it. Anyone else, including another patient or
 * another doctor, gets "not found", so that they cannot learn the consultation exists.
 */
export async function findVisibleConsultation(actor: Actor, consultationId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(consultationId)) throw new AppError("not_found", "not_found");
  const [row] = await db()
    .select({
      id: consultations.id,
      status: consultations.status,
      roomName: consultations.roomName,
      patientId: consultations.patientId,
      clinicianId: consultations.clinicianId,
      appointmentId: consultations.appointmentId,
      checkedInAt: consultations.checkedInAt,
      admittedAt: consultations.admittedAt,
      endedAt: consultations.endedAt,
      accountId: patients.accountId,
      patientName: patients.fullName,
      mrId: patients.mrId,
      sex: patients.sex,
      dateOfBirth: patients.dateOfBirth,
      clinicianName: users.name,
    })
    .from(consultations)
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .innerJoin(users, eq(users.id, consultations.clinicianId))
    .where(eq(consultations.id, consultationId));
  if (!row) throw new AppError("not_found", "not_found");
  const isPatientSide = actor.role === "patient" && row.accountId === actor.id;
  const isClinician = row.clinicianId === actor.id;
  if (!isPatientSide && !isClinician) throw new AppError("not_found", "not_found");
  return { ...row, viewerIsClinician: isClinician };
}

export type VisibleConsultation = Awaited<ReturnType<typeof findVisibleConsultation>>;
