import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { appointments, patients, users, type Appointment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clinicianRoles, staffRoles, type Actor } from "@/lib/auth/roles";
import { AppError, isExclusionViolation, isUniqueViolation, retryOnDeadlock, notFound } from "@/lib/errors";
import { scheduleAppointmentNotices } from "@/lib/notifications/appointment-notices";
import { getSchedule } from "./schedule";
import { CLINIC_TIME_ZONE, isBookableSlot } from "./slots";

export const bookAppointmentInput = z.object({
  patientId: z.uuid(),
  clinicianId: z.uuid(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  idempotencyKey: z.string().min(8).max(100).optional(),
});
export type BookAppointmentInput = z.input<typeof bookAppointmentInput>;
type ParsedBooking = z.output<typeof bookAppointmentInput>;


/**
 * Books one slot. Whether the slot is free is decided by the database's exclusion constraint,
 * so that of any number of simultaneous requests for overlapping times exactly one wins and the
 * rest get `conflict`. A request that repeats an idempotency key (a double tap, a retry on a
 * flaky network) gets the first booking back instead of a second one.
 */
export async function bookAppointment(actor: Actor, input: BookAppointmentInput): Promise<Appointment> {
  const parsed = bookAppointmentInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "slot_invalid");
  const booking = parsed.data;

  const earlier = await findByIdempotencyKey(actor, booking);
  if (earlier) return earlier;

  const [patient] = await db().select().from(patients).where(eq(patients.id, booking.patientId));
  const mayBookFor = patient && (patient.accountId === actor.id || staffRoles.includes(actor.role));
  if (!mayBookFor) throw notFound();

  const [clinician] = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, booking.clinicianId), inArray(users.role, [...clinicianRoles]), isNull(users.disabledAt)));
  if (!clinician) throw notFound();

  if (booking.startsAt.getTime() <= Date.now()) throw new AppError("invalid", "slot_in_past");
  let booked: Appointment;
  try {
    booked = await retryOnDeadlock(() => db().transaction(async (tx) => {
      // Read inside the transaction, under the clinician's key-share lock: an availability change
      // holds that row exclusively while it checks for orphans, so it and this booking serialise.
      const schedule = await getSchedule(booking.clinicianId, tx);
      if (!isBookableSlot(schedule.rules, booking.startsAt, booking.endsAt, CLINIC_TIME_ZONE, schedule.exceptions)) {
        throw new AppError("invalid", "slot_unavailable");
      }
      const [appointment] = await tx
        .insert(appointments)
        .values({
          patientId: booking.patientId,
          clinicianId: booking.clinicianId,
          startsAt: booking.startsAt,
          endsAt: booking.endsAt,
          bookedBy: actor.id,
          idempotencyKey: booking.idempotencyKey ?? null,
        })
        .returning();
      await recordAudit(tx, {
        actorId: actor.id,
        action: "appointment.book",
        entityType: "appointment",
        entityId: appointment!.id,
        patientId: booking.patientId,
      });
      await scheduleAppointmentNotices(tx, appointment!, "booked");
      return appointment!;
    }));
  } catch (error) {
    const lostRace =
      isExclusionViolation(error, "appointments_no_overlap") || isUniqueViolation(error, "appointments_idempotency");
    if (!lostRace) throw error;
    // A concurrent twin of this very request may be the one that won.
    const twin = await findByIdempotencyKey(actor, booking);
    if (twin) return twin;
    throw new AppError("conflict", "slot_taken");
  }
  return booked;
}

/** The booking this actor already made with the same key; a different request under it is a conflict. */
async function findByIdempotencyKey(actor: Actor, booking: ParsedBooking): Promise<Appointment | null> {
  if (!booking.idempotencyKey) return null;
  const [earlier] = await db()
    .select()
    .from(appointments)
    .where(and(eq(appointments.bookedBy, actor.id), eq(appointments.idempotencyKey, booking.idempotencyKey)));
  if (!earlier) return null;
  const same =
    earlier.patientId === booking.patientId &&
    earlier.clinicianId === booking.clinicianId &&
    earlier.startsAt.getTime() === booking.startsAt.getTime();
  if (!same) throw new AppError("conflict", "idempotency_mismatch");
  return earlier;
}
