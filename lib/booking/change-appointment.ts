import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { appointments, patients, type Appointment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { bookingDeskRoles, type Actor } from "@/lib/auth/roles";
import { AppError, isExclusionViolation, retryOnDeadlock, notFound } from "@/lib/errors";
import { scheduleAppointmentNotices } from "@/lib/notifications/appointment-notices";
import { getSchedule } from "./schedule";
import { changeCutoffFor } from "./change-window";
import { cancelReasons, patientMayChange } from "./policy";
import { CLINIC_TIME_ZONE, isBookableSlot } from "./slots";
import { isUuid } from "@/lib/ids";
import { formEnum } from "@/lib/form-fields";


/**
 * Loads a booked appointment for a change, locked. The patient's account, the appointment's
 * clinician and clinic staff may change it; anyone else gets "not found". Patients must do so
 * before the cutoff.
 */
async function lockChangeable(tx: Transaction, actor: Actor, appointmentId: string): Promise<Appointment> {
  if (!isUuid(appointmentId)) throw notFound();
  const [row] = await tx
    .select({ appointment: appointments, accountId: patients.accountId })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(eq(appointments.id, appointmentId))
    .for("update", { of: appointments });
  const isOwner = actor.role === "patient" && row?.accountId === actor.id;
  const isStaff = row && (row.appointment.clinicianId === actor.id || bookingDeskRoles.includes(actor.role));
  if (!row || (!isOwner && !isStaff)) throw notFound();
  if (row.appointment.status !== "booked") throw new AppError("conflict", "appointment_not_active");
  if (!isStaff && !patientMayChange(row.appointment.startsAt, new Date(), await changeCutoffFor(row.appointment.clinicianId, tx))) {
    throw new AppError("conflict", "change_too_late");
  }
  return row.appointment;
}

/**
 * A booked appointment that this clinician or clinic staff member may move, with the patient's
 * name, for the staff "move to another time" page. Anyone else gets "not found".
 */
export async function getMovableAppointment(actor: Actor, appointmentId: string) {
  if (actor.role === "patient") throw notFound();
  return db().transaction(async (tx) => {
    const appointment = await lockChangeable(tx, actor, appointmentId);
    const [patient] = await tx.select({ fullName: patients.fullName }).from(patients).where(eq(patients.id, appointment.patientId));
    return { ...appointment, patientName: patient!.fullName };
  });
}

export const cancelAppointmentInput = z.object({
  reason: formEnum(cancelReasons, "cancel_reason_required"),
  note: z.string().trim().max(500, "note_too_long").optional(),
});
export type CancelAppointmentInput = z.input<typeof cancelAppointmentInput>;

/** Cancels a booking with a reason; the slot is free for others at once. */
export async function cancelAppointment(actor: Actor, appointmentId: string, input: CancelAppointmentInput): Promise<Appointment> {
  const parsed = cancelAppointmentInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", { reason: parsed.error.issues[0]!.message });
  const reason = parsed.data.note ? `${parsed.data.reason}: ${parsed.data.note}` : parsed.data.reason;
  const cancelled = await db().transaction(async (tx) => {
    const appointment = await lockChangeable(tx, actor, appointmentId);
    const [row] = await tx
      .update(appointments)
      .set({ status: "cancelled", cancelledAt: new Date(), cancelledBy: actor.id, cancelReason: reason })
      .where(eq(appointments.id, appointment.id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "appointment.cancel",
      entityType: "appointment",
      entityId: appointment.id,
      patientId: appointment.patientId,
      details: { reason: parsed.data.reason },
    });
    await scheduleAppointmentNotices(tx, row!, "cancelled");
    return row!;
  });
  return cancelled;
}

export const rescheduleAppointmentInput = z.object({ startsAt: z.coerce.date(), endsAt: z.coerce.date() });
export type RescheduleAppointmentInput = z.input<typeof rescheduleAppointmentInput>;

/**
 * Moves a booking to another slot of the same clinician: the old one is cancelled and the new
 * one booked in one transaction, so the patient never holds both or neither.
 */
export async function rescheduleAppointment(
  actor: Actor,
  appointmentId: string,
  input: RescheduleAppointmentInput,
): Promise<Appointment> {
  const parsed = rescheduleAppointmentInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "slot_invalid");
  const { startsAt, endsAt } = parsed.data;
  if (startsAt.getTime() <= Date.now()) throw new AppError("invalid", "slot_in_past");
  let moved: Appointment;
  try {
    moved = await retryOnDeadlock(() => db().transaction(async (tx) => {
      const old = await lockChangeable(tx, actor, appointmentId);
      const schedule = await getSchedule(old.clinicianId, tx);
      if (!isBookableSlot(schedule.rules, startsAt, endsAt, CLINIC_TIME_ZONE, schedule.exceptions)) {
        throw new AppError("invalid", "slot_unavailable");
      }
      await tx
        .update(appointments)
        .set({ status: "cancelled", cancelledAt: new Date(), cancelledBy: actor.id, cancelReason: "rescheduled" })
        .where(and(eq(appointments.id, old.id), eq(appointments.status, "booked")));
      const [inserted] = await tx
        .insert(appointments)
        .values({
          patientId: old.patientId,
          clinicianId: old.clinicianId,
          startsAt,
          endsAt,
          bookedBy: actor.id,
          rescheduledFromId: old.id,
        })
        .returning();
      await recordAudit(tx, {
        actorId: actor.id,
        action: "appointment.reschedule",
        entityType: "appointment",
        entityId: inserted!.id,
        patientId: old.patientId,
        details: { from: old.id },
      });
      // The old booking is cancelled, so its reminders drop themselves; one notice tells of the move.
      await scheduleAppointmentNotices(tx, inserted!, "rescheduled");
      return inserted!;
    }));
  } catch (error) {
    if (isExclusionViolation(error, "appointments_no_overlap")) throw new AppError("conflict", "slot_taken");
    throw error;
  }
  return moved;
}
