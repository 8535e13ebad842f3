import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { appointments, consultations, patients } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { openEncounter } from "@/lib/encounters/open-encounter";
import type { Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { checkInWindow, queueKeyOf, roomNameFor } from "./rules";
import { signalQueue } from "./signal";

/**
 * Checks a booked patient in and puts them in their doctor's waiting room. Checking in twice
 * (a double tap on a slow network) returns the same consultation.
 */
export async function checkIn(actor: Actor, appointmentId: string): Promise<{ consultationId: string }> {
  return db().transaction(async (tx) => {
    const [appointment] = await tx
      .select({ appointment: appointments, accountId: patients.accountId })
      .from(appointments)
      .innerJoin(patients, eq(patients.id, appointments.patientId))
      .where(eq(appointments.id, appointmentId))
      .for("update", { of: appointments });
    if (!appointment || appointment.accountId !== actor.id) throw notFound();
    const { appointment: a } = appointment;

    const [existing] = await tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(eq(consultations.appointmentId, a.id));
    if (existing) return { consultationId: existing.id };
    if (a.status !== "booked") throw new AppError("conflict", "appointment_not_active");

    const window = checkInWindow(a.startsAt, a.endsAt, new Date());
    if (window !== "open") throw new AppError("conflict", `check_in_${window}`);

    const id = crypto.randomUUID();
    const encounterId = await openEncounter(tx, { patientId: a.patientId, kind: "video_consult", facilityOf: a.clinicianId, createdBy: actor.id });
    await tx.insert(consultations).values({
      id,
      appointmentId: a.id,
      patientId: a.patientId,
      encounterId,
      clinicianId: a.clinicianId,
      roomName: roomNameFor(id),
      scheduledAt: a.startsAt,
      patientSeenAt: new Date(),
    });
    await tx
      .update(appointments)
      .set({ status: "checked_in" })
      .where(and(eq(appointments.id, a.id), eq(appointments.status, "booked")));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "appointment.check_in",
      entityType: "consultation",
      entityId: id,
      patientId: a.patientId,
    });
    await signalQueue(tx, { keys: [queueKeyOf({ clinicianId: a.clinicianId, specialtyCode: null })], consultations: [id] });
    return { consultationId: id };
  });
}
