import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { appointments, availabilityExceptions, availabilityRules, followUps, patients, referrals, users, type Appointment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clinicianRoles, staffRoles, type Actor } from "@/lib/auth/roles";
import { AppError, isExclusionViolation, isUniqueViolation, retryOnDeadlock, notFound } from "@/lib/errors";
import { scheduleAppointmentNotices } from "@/lib/notifications/appointment-notices";
import { CLINIC_TIME_ZONE, isBookableSlot, type Schedule } from "./slots";

export const bookAppointmentInput = z.object({
  patientId: z.uuid(),
  clinicianId: z.uuid(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  idempotencyKey: z.string().min(8).max(100).optional(),
  /** The patient's open referral this booking answers: it becomes `booked` with this appointment. */
  referralId: z.uuid().optional(),
  /** The patient's follow-up (from a positive screening) this booking is for: it gets this appointment. */
  followUpId: z.uuid().optional(),
});
export type BookAppointmentInput = z.input<typeof bookAppointmentInput>;
type ParsedBooking = z.output<typeof bookAppointmentInput>;

/**
 * Books one slot. Whether the slot is free is decided by the database's exclusion constraint,
 * so that of any number of simultaneous requests for overlapping times exactly one wins and the
 * rest get `conflict`. A request that repeats an idempotency key (a double tap, a retry on a
 * flaky network) gets the first booking back instead of a second one.
 *
 * One transaction of four round trips (bench/booking/PROFILE.md): BEGIN, the reads sent
 * together, the writes sent together, COMMIT. Each batch is pipelined on the transaction's
 * connection; the server still runs its statements one after another in the order written,
 * each read on a snapshot taken after the clinician's row is locked.
 */
export async function bookAppointment(actor: Actor, input: BookAppointmentInput): Promise<Appointment> {
  const parsed = bookAppointmentInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "slot_invalid");
  const booking = parsed.data;
  try {
    return await retryOnDeadlock(() => db().transaction((tx) => book(tx, actor, booking)));
  } catch (error) {
    const lostRace =
      isExclusionViolation(error, "appointments_no_overlap") || isUniqueViolation(error, "appointments_idempotency");
    if (!lostRace) throw error;
    // A concurrent twin of this very request may be the one that won.
    const [twin] = await earlierBooking(db(), actor, booking);
    if (twin) return sameBookingOrConflict(twin, booking);
    throw new AppError("conflict", "slot_taken");
  }
}

async function book(tx: Transaction, actor: Actor, booking: ParsedBooking): Promise<Appointment> {
  const [[clinician], [patient], [earlier], schedule, [referral], [followUp]] = await Promise.all([
    // The clinician's key-share lock: an availability change holds that row exclusively while it
    // checks for orphans, so it and this booking serialise, and the schedule read below sees the
    // change if it committed first. The role and disabled checks are made on the locked row.
    tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, booking.clinicianId), inArray(users.role, [...clinicianRoles]), isNull(users.disabledAt)))
      .for("key share"),
    tx.select({ accountId: patients.accountId }).from(patients).where(eq(patients.id, booking.patientId)),
    earlierBooking(tx, actor, booking),
    readSchedule(tx, booking.clinicianId),
    booking.referralId
      ? tx.select({ patientId: referrals.patientId, status: referrals.status }).from(referrals).where(eq(referrals.id, booking.referralId)).for("update")
      : Promise.resolve([]),
    booking.followUpId
      ? tx.select({ patientId: followUps.patientId, appointmentId: followUps.appointmentId }).from(followUps).where(eq(followUps.id, booking.followUpId)).for("update")
      : Promise.resolve([]),
  ]);
  // A repeated key gets its booking back before anything else is checked: the retry of a booking
  // whose slot has since begun still succeeds.
  if (earlier) return sameBookingOrConflict(earlier, booking);
  const mayBookFor = patient && (patient.accountId === actor.id || staffRoles.includes(actor.role));
  if (!mayBookFor || !clinician) throw notFound();
  if (booking.referralId && referral?.patientId !== booking.patientId) throw notFound();
  if (referral && referral.status !== "open") throw new AppError("conflict", "referral_not_open");
  if (booking.followUpId && followUp?.patientId !== booking.patientId) throw notFound();
  if (followUp?.appointmentId) throw new AppError("conflict", "follow_up_booked");
  if (booking.startsAt.getTime() <= Date.now()) throw new AppError("invalid", "slot_in_past");
  if (!isBookableSlot(schedule.rules, booking.startsAt, booking.endsAt, CLINIC_TIME_ZONE, schedule.exceptions)) {
    throw new AppError("invalid", "slot_unavailable");
  }

  // The id is made here so that the audit row and the notice jobs need not wait for the insert's
  // answer. A failed insert fails the two statements after it too, and the transaction rolls back.
  const id = randomUUID();
  const [[appointment]] = await Promise.all([
    tx
      .insert(appointments)
      .values({
        id,
        patientId: booking.patientId,
        clinicianId: booking.clinicianId,
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        bookedBy: actor.id,
        idempotencyKey: booking.idempotencyKey ?? null,
      })
      .returning(),
    // After the insert on the same connection, so the referral's foreign key finds the appointment.
    ...(referral ? [tx.update(referrals).set({ status: "booked", appointmentId: id }).where(eq(referrals.id, booking.referralId!))] : []),
    ...(followUp ? [tx.update(followUps).set({ appointmentId: id }).where(eq(followUps.id, booking.followUpId!))] : []),
    recordAudit(tx, {
      actorId: actor.id,
      action: "appointment.book",
      entityType: "appointment",
      entityId: id,
      patientId: booking.patientId,
      details: booking.referralId || booking.followUpId ? { referralId: booking.referralId, followUpId: booking.followUpId } : undefined,
    }),
    scheduleAppointmentNotices(tx, { id, startsAt: booking.startsAt }, "booked"),
  ]);
  return appointment!;
}

/**
 * What decides whether the clinician can be booked from now on (as getSchedule in
 * ./availability reads it), in one statement instead of two: the weekly rules and the
 * exceptions that have not ended.
 */
async function readSchedule(tx: Transaction, clinicianId: string): Promise<Schedule> {
  const [rules, exceptions] = await Promise.all([
    tx
      .select({
        weekday: availabilityRules.weekday,
        startMinute: availabilityRules.startMinute,
        endMinute: availabilityRules.endMinute,
        slotMinutes: availabilityRules.slotMinutes,
      })
      .from(availabilityRules)
      .where(eq(availabilityRules.clinicianId, clinicianId))
      .orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startMinute)),
    tx
      .select({
        kind: availabilityExceptions.kind,
        startsAt: availabilityExceptions.startsAt,
        endsAt: availabilityExceptions.endsAt,
        slotMinutes: availabilityExceptions.slotMinutes,
      })
      .from(availabilityExceptions)
      .where(and(eq(availabilityExceptions.clinicianId, clinicianId), gt(availabilityExceptions.endsAt, new Date())))
      .orderBy(asc(availabilityExceptions.startsAt)),
  ]);
  return { rules, exceptions };
}

/** The booking this actor already made under the same key (none without a key). */
function earlierBooking(reader: Transaction | ReturnType<typeof db>, actor: Actor, booking: ParsedBooking): Promise<Appointment[]> {
  if (!booking.idempotencyKey) return Promise.resolve([]);
  return reader
    .select()
    .from(appointments)
    .where(and(eq(appointments.bookedBy, actor.id), eq(appointments.idempotencyKey, booking.idempotencyKey)));
}

/** The earlier booking under a repeated key; a different request under it is a conflict. */
function sameBookingOrConflict(earlier: Appointment, booking: ParsedBooking): Appointment {
  const same =
    earlier.patientId === booking.patientId &&
    earlier.clinicianId === booking.clinicianId &&
    earlier.startsAt.getTime() === booking.startsAt.getTime();
  if (!same) throw new AppError("conflict", "idempotency_mismatch");
  return earlier;
}
