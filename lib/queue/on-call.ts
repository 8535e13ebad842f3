import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { consultations, onCallRequests, onCallShifts, patients, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { openEncounter } from "@/lib/encounters/open-encounter";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, isUniqueViolation, notFound } from "@/lib/errors";
import { careNeeds, isOnCallOpen, needsOnCall, nextOpening, type CareNeed, type Shift } from "./on-call-rules";
import { roomNameFor } from "./rules";
import { signalQueue } from "./signal";
import { isUuid } from "@/lib/ids";
import { formEnum } from "@/lib/form-fields";

const DAY_MS = 24 * 60 * 60_000;

declare module "@/lib/errors" {
  interface ErrorDetails {
    /** When the pool for the asked need next opens (ISO), null when no shift is planned. */
    on_call_closed: { opensAt: string | null };
  }
}

/** Shifts that end after `now` and start within the next two weeks: enough to answer "when". */
async function upcomingShifts(now: Date): Promise<Shift[]> {
  return db()
    .select({ clinicianId: onCallShifts.clinicianId, need: onCallShifts.need, startsAt: onCallShifts.startsAt, endsAt: onCallShifts.endsAt })
    .from(onCallShifts)
    .where(and(gt(onCallShifts.endsAt, now), lt(onCallShifts.startsAt, new Date(now.getTime() + 14 * DAY_MS))));
}

/** For each need: open now, or when it next opens (null when no shift is planned). */
export async function getOnCallHours(now = new Date()): Promise<{ need: CareNeed; open: boolean; opensAt: Date | null }[]> {
  const shifts = await upcomingShifts(now);
  return careNeeds.map((need) => ({ need, open: isOnCallOpen(shifts, need, now), opensAt: nextOpening(shifts, need, now) }));
}

export const addOnCallShiftInput = z
  .object({
    clinicianId: z.uuid("clinician_required"),
    need: formEnum(careNeeds, "need_required"),
    startsAt: z.coerce.date({ error: "shift_time_invalid" }),
    endsAt: z.coerce.date({ error: "shift_time_invalid" }),
  })
  .refine((s) => s.endsAt > s.startsAt, { message: "shift_end_before_start", path: ["endsAt"] })
  .refine((s) => s.endsAt.getTime() - s.startsAt.getTime() <= 24 * 60 * 60_000, { message: "shift_too_long", path: ["endsAt"] });

/** Admins set the on-call rota, one shift at a time. */
export async function addOnCallShift(actor: Actor, input: z.input<typeof addOnCallShiftInput>) {
  if (actor.role !== "admin") throw notFound();
  const parsed = addOnCallShiftInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const shift = parsed.data;
  const [clinician] = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, shift.clinicianId), inArray(users.role, [...clinicianRoles])));
  if (!clinician) throw new AppError("invalid", "form_invalid", { clinicianId: "clinician_required" });
  return db().transaction(async (tx) => {
    const [row] = await tx.insert(onCallShifts).values({ ...shift, createdBy: actor.id }).returning();
    await recordAudit(tx, { actorId: actor.id, action: "on_call.shift_add", entityType: "on_call_shift", entityId: row!.id });
    return row!;
  });
}

/** The rota from now on, for the admin page. */
export async function listOnCallShifts(actor: Actor, now = new Date()) {
  if (actor.role !== "admin") throw notFound();
  return db()
    .select({ id: onCallShifts.id, need: onCallShifts.need, startsAt: onCallShifts.startsAt, endsAt: onCallShifts.endsAt, clinicianName: users.name })
    .from(onCallShifts)
    .innerJoin(users, eq(users.id, onCallShifts.clinicianId))
    .where(gt(onCallShifts.endsAt, now))
    .orderBy(asc(onCallShifts.startsAt))
    .limit(200);
}

/**
 * "See a doctor now": puts one of the account's patients in the on-call pool for a need. Outside
 * on-call hours it refuses with the time the pool opens. A second request while one is waiting
 * returns the first.
 */
export async function seeDoctorNow(actor: Actor, input: { patientId: string; need: string }): Promise<{ requestId: string }> {
  const need = z.enum(careNeeds).safeParse(input.need);
  if (!need.success) throw new AppError("invalid", "need_required");
  const [patient] = await db().select().from(patients).where(eq(patients.id, input.patientId));
  if (!patient || actor.role !== "patient" || patient.accountId !== actor.id) throw notFound();

  const existing = async () =>
    (await db().select({ id: onCallRequests.id }).from(onCallRequests).where(and(eq(onCallRequests.patientId, patient.id), eq(onCallRequests.status, "waiting"))))[0];
  const waiting = await existing();
  if (waiting) return { requestId: waiting.id };

  const now = new Date();
  const shifts = await upcomingShifts(now);
  if (!isOnCallOpen(shifts, need.data, now)) {
    throw new AppError("conflict", "on_call_closed", {}, { opensAt: nextOpening(shifts, need.data, now)?.toISOString() ?? null });
  }
  try {
    return await db().transaction(async (tx) => {
      const [request] = await tx.insert(onCallRequests).values({ patientId: patient.id, need: need.data, requestedBy: actor.id }).returning();
      await recordAudit(tx, { actorId: actor.id, action: "on_call.request", entityType: "on_call_request", entityId: request!.id, patientId: patient.id });
      await signalQueue(tx, { keys: [], pools: [need.data], requests: [request!.id] });
      return { requestId: request!.id };
    });
  } catch (error) {
    const twin = isUniqueViolation(error, "on_call_requests_one_waiting") ? await existing() : undefined;
    if (twin) return { requestId: twin.id };
    throw error;
  }
}

/** Where a pool request stands: its place among the need's waiting patients, or the consultation it became. */
export async function getOnCallStatus(actor: Actor, requestId: string) {
  if (!isUuid(requestId)) throw notFound();
  const [row] = await db()
    .select({ request: onCallRequests, accountId: patients.accountId, patientName: patients.fullName })
    .from(onCallRequests)
    .innerJoin(patients, eq(patients.id, onCallRequests.patientId))
    .where(eq(onCallRequests.id, requestId));
  if (!row || actor.role !== "patient" || row.accountId !== actor.id) throw notFound();
  const view = (await poolViewsOf([row.request.id])).get(row.request.id)!;
  return { status: view.status, need: view.need, place: view.place, consultationId: view.consultationId, patientName: row.patientName };
}

/** The waiting pool a clinician may pick from now: only the needs they are on call for. */
export async function listOnCallPool(actor: Actor, now = new Date()) {
  if (!clinicianRoles.includes(actor.role)) return { needs: [] as CareNeed[], waiting: [] };
  const needs = needsOnCall(await upcomingShifts(now), actor.id, now);
  if (needs.length === 0) return { needs, waiting: [] };
  const waiting = await db()
    .select({ id: onCallRequests.id, need: onCallRequests.need, requestedAt: onCallRequests.requestedAt, patientName: patients.fullName })
    .from(onCallRequests)
    .innerJoin(patients, eq(patients.id, onCallRequests.patientId))
    .where(and(inArray(onCallRequests.need, needs), eq(onCallRequests.status, "waiting")))
    .orderBy(asc(onCallRequests.requestedAt));
  return { needs, waiting };
}

/**
 * An on-call clinician takes the longest-waiting patient of their pools: the request becomes a
 * consultation already in the call. `skip locked` keeps two doctors from taking the same patient.
 */
export async function pickUpNextOnCall(actor: Actor, now = new Date()): Promise<{ consultationId: string }> {
  if (!clinicianRoles.includes(actor.role)) throw notFound();
  const needs = needsOnCall(await upcomingShifts(now), actor.id, now);
  if (needs.length === 0) throw new AppError("conflict", "not_on_call");
  return db().transaction(async (tx) => {
    const [next] = await tx
      .select()
      .from(onCallRequests)
      .where(and(inArray(onCallRequests.need, needs), eq(onCallRequests.status, "waiting")))
      .orderBy(asc(onCallRequests.requestedAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) throw new AppError("conflict", "queue_empty");
    const consultationId = crypto.randomUUID();
    const encounterId = await openEncounter(tx, {
      patientId: next.patientId,
      kind: "video_consult",
      facilityOf: actor.id,
      createdBy: actor.id,
      startedAt: next.requestedAt,
    });
    await tx.insert(consultations).values({
      id: consultationId,
      patientId: next.patientId,
      encounterId,
      clinicianId: actor.id,
      status: "in_call",
      roomName: roomNameFor(consultationId),
      checkedInAt: next.requestedAt,
      admittedAt: now,
      firstAdmittedAt: now,
    });
    await tx
      .update(onCallRequests)
      .set({ status: "picked_up", consultationId, pickedUpBy: actor.id })
      .where(eq(onCallRequests.id, next.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "on_call.pick_up",
      entityType: "consultation",
      entityId: consultationId,
      patientId: next.patientId,
    });
    await signalQueue(tx, { keys: [], pools: [next.need], requests: [next.id], consultations: [consultationId] });
    return { consultationId };
  });
}

export type PoolView = { requestId: string; status: "waiting" | "picked_up" | "cancelled"; need: CareNeed; place: number | null; consultationId: string | null };

/**
 * The current view of each given pool request (callers have checked who may see them): its
 * place among its need's waiting patients, or the consultation it became. One read per need.
 */
export async function poolViewsOf(requestIds: readonly string[]): Promise<Map<string, PoolView>> {
  const views = new Map<string, PoolView>();
  if (requestIds.length === 0) return views;
  const requests = await db().select().from(onCallRequests).where(inArray(onCallRequests.id, [...requestIds]));
  const needs = [...new Set(requests.filter((r) => r.status === "waiting").map((r) => r.need))];
  const places = new Map<string, number>();
  for (const need of needs) {
    const waiting = await db()
      .select({ id: onCallRequests.id })
      .from(onCallRequests)
      .where(and(eq(onCallRequests.need, need), eq(onCallRequests.status, "waiting")))
      .orderBy(asc(onCallRequests.requestedAt), asc(onCallRequests.id));
    waiting.forEach((r, index) => places.set(r.id, index + 1));
  }
  for (const r of requests) {
    views.set(r.id, { requestId: r.id, status: r.status, need: r.need, place: places.get(r.id) ?? null, consultationId: r.consultationId });
  }
  return views;
}
