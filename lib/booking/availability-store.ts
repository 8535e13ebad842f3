import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "@/db";
import { availabilityExceptions, availabilityRules, facilities, users } from "@/db/schema";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import type { AvailabilityException, WeeklyRule } from "./slots";

// The reads and locks that the availability use cases (the page, weekly sessions, exceptions,
// and the schedule a booking is checked against) share.

/** The app's client or one transaction: availability is read the same way inside and outside one. */
export type Reader = Database | Transaction;

/** A stored weekly session. */
export type StoredRule = WeeklyRule & { id: string; facilityId: string | null };
/** A stored one-off exception. */
export type StoredException = AvailabilityException & {
  id: string;
  slotMinutes: number | null;
  facilityId: string | null;
  note: string | null;
};

/** The columns of an exception as the page and the use cases read it back. */
export const exceptionColumns = {
  id: availabilityExceptions.id,
  kind: availabilityExceptions.kind,
  startsAt: availabilityExceptions.startsAt,
  endsAt: availabilityExceptions.endsAt,
  slotMinutes: availabilityExceptions.slotMinutes,
  facilityId: availabilityExceptions.facilityId,
  note: availabilityExceptions.note,
};

/** A clinician's weekly sessions, by weekday and start. */
export async function getRules(reader: Reader, clinicianId: string): Promise<StoredRule[]> {
  return reader
    .select({
      id: availabilityRules.id,
      weekday: availabilityRules.weekday,
      startMinute: availabilityRules.startMinute,
      endMinute: availabilityRules.endMinute,
      slotMinutes: availabilityRules.slotMinutes,
      facilityId: availabilityRules.facilityId,
    })
    .from(availabilityRules)
    .where(eq(availabilityRules.clinicianId, clinicianId))
    .orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startMinute));
}

/**
 * A clinician's exceptions that have not ended. Ended ones can neither make a future slot
 * bookable nor remove one, so the schedule carries only the rest and stays small however long a
 * clinician has worked here.
 */
export async function getUpcomingExceptions(reader: Reader, clinicianId: string): Promise<StoredException[]> {
  return reader
    .select(exceptionColumns)
    .from(availabilityExceptions)
    .where(and(eq(availabilityExceptions.clinicianId, clinicianId), gt(availabilityExceptions.endsAt, new Date())))
    .orderBy(asc(availabilityExceptions.startsAt));
}

/** Checks that the clinician is one whose availability the actor may manage; anyone else's is "not found". */
export async function findManageableClinician(reader: Reader, actor: Actor, clinicianId: string, lock = false): Promise<void> {
  if (!z.uuid().safeParse(clinicianId).success) throw notFound();
  if (actor.id !== clinicianId && actor.role !== "admin") throw notFound();
  const query = reader
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, clinicianId), inArray(users.role, [...clinicianRoles])));
  const [clinician] = lock ? await query.for("update") : await query;
  if (!clinician) throw notFound();
}

/**
 * The same check, holding the clinician's row FOR UPDATE (not a weaker lock) because it must
 * conflict with the key-share lock that getSchedule takes for a booking: changes and bookings of
 * one clinician then run one at a time. It also serializes two changes by the same clinician,
 * e.g. from two tabs.
 */
export const lockManageableClinician = (tx: Transaction, actor: Actor, clinicianId: string): Promise<void> =>
  findManageableClinician(tx, actor, clinicianId, true);

/** Refuses facilities that do not exist, at the form's `facilityId`. */
export async function assertFacilitiesExist(tx: Transaction, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  if (ids.some((id) => !z.uuid().safeParse(id).success)) throw new AppError("invalid", "form_invalid", { facilityId: "facility_unknown" });
  const found = await tx.select({ id: facilities.id }).from(facilities).where(inArray(facilities.id, ids));
  if (found.length !== ids.length) throw new AppError("invalid", "form_invalid", { facilityId: "facility_unknown" });
}
