import { and, asc, eq, exists, gt, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { db, type Database, type Transaction } from "@/db";
import { appointments, availabilityExceptions, availabilityRules, facilities, patients, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import {
  findOrphanedBookings,
  sameDaySessionsOverlap,
  validateAvailabilityException,
  validateWeeklyRule,
  type AvailabilityException,
  type Schedule,
  type WeeklyRule,
} from "./slots";

type Reader = Database | Transaction;

/** A weekly rule as the clinician submits it: optionally tied to the facility they work at then. */
export type WeeklyRuleInput = WeeklyRule & { facilityId?: string | null };
/** A stored weekly session. */
export type StoredRule = WeeklyRule & { id: string; facilityId: string | null };
/** A stored one-off exception. */
export type StoredException = AvailabilityException & {
  id: string;
  slotMinutes: number | null;
  facilityId: string | null;
  note: string | null;
};
/** A live booking that a change would leave outside the clinician's availability. */
export type AffectedBooking = { id: string; patientName: string; startsAt: Date; endsAt: Date };

export const availabilityExceptionInput = z
  .object({
    kind: z.enum(["leave", "extra"], { error: "exception_kind_required" }),
    startsAt: z.coerce.date({ error: "exception_time_invalid" }),
    endsAt: z.coerce.date({ error: "exception_time_invalid" }),
    slotMinutes: z.coerce
      .number({ error: "availability_slot_length" })
      .int("availability_slot_length")
      .min(5, "availability_slot_length")
      .max(240, "availability_slot_length")
      .nullish(),
    facilityId: z.uuid("facility_unknown").nullish(),
    note: z.string().trim().max(200, "exception_note_too_long").nullish(),
  })
  .superRefine((input, ctx) => {
    const problem = validateAvailabilityException(input);
    if (problem === "exception_range" || problem === "exception_too_long") {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: problem });
    } else if (problem === "slot_length") {
      ctx.addIssue({ code: "custom", path: ["slotMinutes"], message: "availability_slot_length" });
    } else if (input.endsAt.getTime() <= Date.now()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "exception_in_past" });
    }
  });
export type AvailabilityExceptionInput = z.input<typeof availabilityExceptionInput>;

/** A change to preview: new weekly rules, one exception more, or one fewer. */
export type AvailabilityChange = {
  rules?: WeeklyRuleInput[];
  addException?: AvailabilityExceptionInput;
  removeExceptionId?: string;
};

/** The weekly rules of one clinician, in clinic local time. */
export async function getWeeklyRules(clinicianId: string): Promise<WeeklyRule[]> {
  return db()
    .select({
      weekday: availabilityRules.weekday,
      startMinute: availabilityRules.startMinute,
      endMinute: availabilityRules.endMinute,
      slotMinutes: availabilityRules.slotMinutes,
    })
    .from(availabilityRules)
    .where(eq(availabilityRules.clinicianId, clinicianId));
}

/**
 * Everything that decides when a clinician can be booked from now on: the weekly rules and the
 * exceptions that have not ended. Given a transaction, it first takes a share lock on the
 * clinician's row, so that a booking checked against this schedule inside that transaction
 * cannot interleave with an availability change (which holds the row FOR UPDATE while it checks
 * for orphans): one of the two waits for the other to commit and then sees its result.
 */
export async function getSchedule(clinicianId: string, tx?: Transaction): Promise<Schedule> {
  if (tx) {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, clinicianId)).for("key share");
  }
  const reader = tx ?? db();
  const rules = await getRules(reader, clinicianId);
  return { rules, exceptions: await getUpcomingExceptions(reader, clinicianId) };
}

/**
 * A clinician's weekly sessions and the exceptions that have not ended, for the availability
 * page. Only the clinician or an admin may see them; anyone else gets "not found".
 */
export async function getAvailability(
  actor: Actor,
  clinicianId: string,
): Promise<{ rules: StoredRule[]; exceptions: StoredException[] }> {
  await findManageableClinician(db(), actor, clinicianId);
  return { rules: await getRules(db(), clinicianId), exceptions: await getUpcomingExceptions(db(), clinicianId) };
}

/**
 * The live bookings a change would orphan, without saving anything. The page shows them so the
 * clinician can move or cancel each before saving; the save checks again by itself.
 */
export async function previewAvailabilityChange(
  actor: Actor,
  clinicianId: string,
  change: AvailabilityChange,
): Promise<AffectedBooking[]> {
  await findManageableClinician(db(), actor, clinicianId);
  const rules = change.rules ? parseRules(change.rules) : await getRules(db(), clinicianId);
  let exceptions: AvailabilityException[] = (await getUpcomingExceptions(db(), clinicianId)).filter(
    (exception) => exception.id !== change.removeExceptionId,
  );
  if (change.addException) exceptions = [...exceptions, parseException(change.addException)];
  return findAffected(db(), clinicianId, { rules, exceptions });
}

/**
 * Replaces a clinician's weekly availability. Only the clinician or an admin may. Refuses with
 * `conflict` "availability_orphans" (the affected appointments in `details`) when a live booking
 * would no longer fall on a bookable slot: the clinician must move or cancel it first.
 */
export async function setWeeklyAvailability(actor: Actor, clinicianId: string, rules: WeeklyRuleInput[]): Promise<void> {
  const parsed = parseRules(rules);
  await saveRules(actor, clinicianId, () => parsed);
}

/**
 * Adds one weekly session (a day may have several; the gaps between them are breaks). Refuses a
 * session overlapping another of the same day, and, like every change, one that orphans a booking.
 */
export async function addWeeklySession(actor: Actor, clinicianId: string, session: WeeklyRuleInput): Promise<void> {
  const [rule] = parseRules([session]);
  await saveRules(actor, clinicianId, (current) => {
    if (current.some((other) => sameDaySessionsOverlap(other, rule!))) {
      throw new AppError("invalid", "form_invalid", { startMinute: "availability_overlap" });
    }
    return [...current, rule!];
  });
}

/** Removes one weekly session by id; refuses if that would orphan a booking. */
export async function removeWeeklySession(actor: Actor, clinicianId: string, ruleId: string): Promise<void> {
  await saveRules(actor, clinicianId, (current) => {
    if (!current.some((rule) => rule.id === ruleId)) throw notFound();
    return current.filter((rule) => rule.id !== ruleId);
  });
}

/**
 * Adds leave (or a public holiday) or an extra clinic. Only the clinician or an admin may.
 * Leave that would orphan a live booking is refused like any other change.
 */
export async function addAvailabilityException(
  actor: Actor,
  clinicianId: string,
  input: AvailabilityExceptionInput,
): Promise<StoredException> {
  const exception = parseException(input);
  return db().transaction(async (tx) => {
    await lockManageableClinician(tx, actor, clinicianId);
    if (exception.facilityId) await assertFacilitiesExist(tx, [exception.facilityId]);
    const current = await getUpcomingExceptions(tx, clinicianId);
    await refuseOrphans(tx, clinicianId, { rules: await getRules(tx, clinicianId), exceptions: [...current, exception] });
    const [row] = await tx
      .insert(availabilityExceptions)
      .values({ ...exception, clinicianId, createdBy: actor.id })
      .returning(exceptionColumns);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "availability.exception_add",
      entityType: "clinician",
      entityId: clinicianId,
      details: { exceptionId: row!.id, kind: exception.kind },
    });
    return row!;
  });
}

/** Removes an exception that has not ended; removing an extra clinic with bookings is refused. */
export async function removeAvailabilityException(actor: Actor, clinicianId: string, exceptionId: string): Promise<void> {
  await db().transaction(async (tx) => {
    await lockManageableClinician(tx, actor, clinicianId);
    const current = await getUpcomingExceptions(tx, clinicianId);
    const removed = current.find((exception) => exception.id === exceptionId);
    if (!removed) throw notFound();
    await refuseOrphans(tx, clinicianId, {
      rules: await getRules(tx, clinicianId),
      exceptions: current.filter((exception) => exception !== removed),
    });
    await tx.delete(availabilityExceptions).where(eq(availabilityExceptions.id, removed.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "availability.exception_remove",
      entityType: "clinician",
      entityId: clinicianId,
      details: { exceptionId: removed.id, kind: removed.kind },
    });
  });
}

export type BookableClinician = { id: string; name: string; role: "doctor" | "specialist" };

/** Active doctors and specialists who have any weekly availability. */
export async function listBookableClinicians(): Promise<BookableClinician[]> {
  const rows = await db()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(
      and(
        inArray(users.role, [...clinicianRoles]),
        isNull(users.disabledAt),
        exists(db().select().from(availabilityRules).where(eq(availabilityRules.clinicianId, users.id))),
      ),
    )
    .orderBy(users.name);
  return rows as BookableClinician[];
}

const exceptionColumns = {
  id: availabilityExceptions.id,
  kind: availabilityExceptions.kind,
  startsAt: availabilityExceptions.startsAt,
  endsAt: availabilityExceptions.endsAt,
  slotMinutes: availabilityExceptions.slotMinutes,
  facilityId: availabilityExceptions.facilityId,
  note: availabilityExceptions.note,
};

async function getRules(reader: Reader, clinicianId: string): Promise<StoredRule[]> {
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

// Exceptions that have ended can neither make a future slot bookable nor remove one, so the
// schedule carries only the rest and stays small however long a clinician has worked here.
async function getUpcomingExceptions(reader: Reader, clinicianId: string): Promise<StoredException[]> {
  return reader
    .select(exceptionColumns)
    .from(availabilityExceptions)
    .where(and(eq(availabilityExceptions.clinicianId, clinicianId), gt(availabilityExceptions.endsAt, new Date())))
    .orderBy(asc(availabilityExceptions.startsAt));
}

/** The clinician whose availability the actor may manage; anyone else's is "not found". */
async function findManageableClinician(reader: Reader, actor: Actor, clinicianId: string, lock = false): Promise<void> {
  if (!z.uuid().safeParse(clinicianId).success) throw notFound();
  if (actor.id !== clinicianId && actor.role !== "admin") throw notFound();
  const query = reader
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, clinicianId), inArray(users.role, [...clinicianRoles])));
  const [clinician] = lock ? await query.for("update") : await query;
  if (!clinician) throw notFound();
}

// FOR UPDATE (not a weaker lock) because it must conflict with the key-share lock that
// getSchedule takes for a booking: changes and bookings of one clinician then run one at a time.
// It also serializes two changes by the same clinician, e.g. from two tabs.
const lockManageableClinician = (tx: Transaction, actor: Actor, clinicianId: string) =>
  findManageableClinician(tx, actor, clinicianId, true);

async function saveRules(
  actor: Actor,
  clinicianId: string,
  change: (current: StoredRule[]) => WeeklyRuleInput[],
): Promise<void> {
  await db().transaction(async (tx) => {
    await lockManageableClinician(tx, actor, clinicianId);
    const rules = change(await getRules(tx, clinicianId)).map((rule) => ({
      weekday: rule.weekday,
      startMinute: rule.startMinute,
      endMinute: rule.endMinute,
      slotMinutes: rule.slotMinutes,
      facilityId: rule.facilityId ?? null,
    }));
    const facilityIds = [...new Set(rules.flatMap((rule) => (rule.facilityId ? [rule.facilityId] : [])))];
    await assertFacilitiesExist(tx, facilityIds);
    await refuseOrphans(tx, clinicianId, { rules, exceptions: await getUpcomingExceptions(tx, clinicianId) });
    await tx.delete(availabilityRules).where(eq(availabilityRules.clinicianId, clinicianId));
    if (rules.length > 0) {
      await tx.insert(availabilityRules).values(rules.map((rule) => ({ ...rule, clinicianId })));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "availability.set",
      entityType: "clinician",
      entityId: clinicianId,
      details: { rules: rules.length },
    });
  });
}

/**
 * Live bookings are those still `booked` and not yet started: one under way cannot be moved to
 * another time, and whether it happens no longer depends on the schedule.
 */
async function findAffected(reader: Reader, clinicianId: string, next: Schedule): Promise<AffectedBooking[]> {
  const live = await reader
    .select({ id: appointments.id, patientName: patients.fullName, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(and(eq(appointments.clinicianId, clinicianId), eq(appointments.status, "booked"), gt(appointments.startsAt, new Date())))
    .orderBy(asc(appointments.startsAt));
  return findOrphanedBookings(live, next);
}

async function refuseOrphans(tx: Transaction, clinicianId: string, next: Schedule): Promise<void> {
  const affected = await findAffected(tx, clinicianId, next);
  if (affected.length === 0) return;
  throw new AppError("conflict", "availability_orphans", {}, {
    appointmentIds: affected.map((booking) => booking.id),
    bookings: affected.map((booking) => ({ ...booking, startsAt: booking.startsAt.toISOString(), endsAt: booking.endsAt.toISOString() })),
  });
}

async function assertFacilitiesExist(tx: Transaction, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  if (ids.some((id) => !z.uuid().safeParse(id).success)) throw new AppError("invalid", "form_invalid", { facilityId: "facility_unknown" });
  const found = await tx.select({ id: facilities.id }).from(facilities).where(inArray(facilities.id, ids));
  if (found.length !== ids.length) throw new AppError("invalid", "form_invalid", { facilityId: "facility_unknown" });
}

const ruleFieldOf = { weekday: "weekday", range: "endMinute", slot_length: "slotMinutes" } as const;

function parseRules(rules: WeeklyRuleInput[]): WeeklyRuleInput[] {
  for (const rule of rules) {
    const problem = validateWeeklyRule(rule);
    if (problem) throw new AppError("invalid", `availability_${problem}`, { [ruleFieldOf[problem]]: `availability_${problem}` });
  }
  return rules;
}

function parseException(input: AvailabilityExceptionInput) {
  const parsed = availabilityExceptionInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const { kind, startsAt, endsAt, slotMinutes, facilityId, note } = parsed.data;
  return {
    kind,
    startsAt,
    endsAt,
    // A leave has no slots; a length sent along with it would only mislead a later reader.
    slotMinutes: kind === "extra" ? slotMinutes! : null,
    facilityId: facilityId ?? null,
    note: note || null,
  };
}
