import { and, asc, eq, gt } from "drizzle-orm";
import type { Transaction } from "@/db";
import { appointments, patients } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { findOrphanedBookings, type Schedule } from "./slots";

/**
 * Refuses a change to a clinician's availability that would leave a live booking on no bookable
 * slot, with `conflict` "availability_orphans" and the bookings in `details`, so the page can
 * list them to move or cancel first. Live bookings are those still `booked` and not yet started:
 * one under way cannot be moved to another time, and whether it happens no longer depends on the
 * schedule.
 */
export async function refuseOrphans(tx: Transaction, clinicianId: string, next: Schedule): Promise<void> {
  const live = await tx
    .select({ id: appointments.id, patientName: patients.fullName, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(and(eq(appointments.clinicianId, clinicianId), eq(appointments.status, "booked"), gt(appointments.startsAt, new Date())))
    .orderBy(asc(appointments.startsAt));
  const affected = findOrphanedBookings(live, next);
  if (affected.length === 0) return;
  throw new AppError("conflict", "availability_orphans", {}, {
    appointmentIds: affected.map((booking) => booking.id),
    bookings: affected.map((booking) => ({ ...booking, startsAt: booking.startsAt.toISOString(), endsAt: booking.endsAt.toISOString() })),
  });
}

declare module "@/lib/errors" {
  interface ErrorDetails {
    /** The live bookings the refused change would strand (times as ISO strings). */
    availability_orphans: {
      appointmentIds: string[];
      bookings: { id: string; patientName: string; startsAt: string; endsAt: string }[];
    };
  }
}
