import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { formCheckbox } from "@/lib/form-fields";
import { db, type Transaction } from "@/db";
import {
  appointments,
  clinicianPresence,
  consultations,
  patients,
  presenceEvents,
  vitals,
  type ClinicianStatus,
  type Consultation,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clinicianRoles, hostRoles, type Actor } from "@/lib/auth/roles";
import { clinicToday } from "@/lib/booking/slots";
import { roomService } from "@/lib/livekit/client";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";

type FieldErrors = Record<string, string>;
import { ageInMonths, vitalsInputFor } from "@/lib/vitals/ranges";
import { roleIn, type ConsultationRole } from "./consultation-access";
import { routableClinicians } from "./hosting";
import { queueRemovalNotice } from "./removal-notice";
import { canTransition, queueKeyOf, roomNameFor } from "./rules";
import { signalQueue } from "./signal";
import { clinicianQueueKeys, loadClinicianQueue, type QueueEntry } from "./snapshot";


/** A queue a patient can be sent to: one clinician's, or a specialty's shared one. */
export type QueueTarget = { clinicianId: string } | { specialtyCode: string };

/** The form's single "send to" value: `clinician:<id>` or `specialty:<code>`. */
export function parseTarget(value: unknown): QueueTarget | null {
  if (typeof value !== "string") return null;
  const [kind, id] = value.split(":", 2);
  if (kind === "clinician" && id && z.uuid().safeParse(id).success) return { clinicianId: id };
  if (kind === "specialty" && id && /^[a-z_]{2,40}$/.test(id)) return { specialtyCode: id };
  return null;
}


const walkInInput = z.object({
  patientId: z.uuid("patient_required"),
  target: z.string({ error: "target_required" }).transform((value, ctx) => {
    const target = parseTarget(value);
    if (!target) ctx.addIssue({ code: "custom", message: "target_required" });
    return target as QueueTarget;
  }),
  triage: z.enum(["emergency", "urgent", "routine"], { error: "triage_required" }),
  chiefComplaint: z.string({ error: "complaint_required" }).trim().min(2, "complaint_required").max(500, "complaint_too_long"),
  femaleClinicianRequested: formCheckbox,
  chaperonePresent: formCheckbox,
});
/** The visit form as submitted: the fields above, the vitals (see lib/vitals/ranges), checkboxes "on" or absent. */
export type WalkInInput = Record<string, unknown>;


/**
 * Checks that a target can take the patient now: patients are routed only to clinicians who are
 * online, and one who asked for a female clinician only to female clinicians.
 */
async function checkTarget(tx: Transaction, target: QueueTarget, femaleRequested: boolean): Promise<FieldErrors> {
  const online = (await routableClinicians(tx)).filter((c) =>
    "clinicianId" in target ? c.id === target.clinicianId : c.code === target.specialtyCode,
  );
  if ("clinicianId" in target) {
    const clinician = online[0];
    if (!clinician) return { target: "clinician_not_online" };
    if (femaleRequested && clinician.sex !== "female") return { target: "female_clinician_mismatch" };
    return {};
  }
  const available = online.filter((c) => !femaleRequested || c.sex === "female");
  return available.length > 0 ? {} : { target: femaleRequested ? "no_female_clinician_online" : "no_clinician_online" };
}

/**
 * Facility staff queue a walk-in for a video consultation they will host: vitals, the chief
 * complaint and a triage level, sent to a clinician's or a specialty's queue. Everything is
 * checked before anything is written; an emergency is queued at the top (and the page tells the
 * staff to refer to hospital now). A patient already waiting or in a call is not queued twice.
 */
export async function queueWalkIn(actor: Actor, input: WalkInInput, now = new Date()): Promise<{ consultationId: string; triage: string }> {
  if (!hostRoles.includes(actor.role)) throw notFound();
  const parsed = walkInInput.safeParse(input);
  const patientId = parsed.success ? parsed.data.patientId : typeof input.patientId === "string" ? input.patientId : "";
  const [patient] = z.uuid().safeParse(patientId).success
    ? await db().select({ id: patients.id, dateOfBirth: patients.dateOfBirth }).from(patients).where(eq(patients.id, patientId))
    : [];
  if (!patient) throw notFound();

  const today = clinicToday(now);
  const vitalsParsed = vitalsInputFor(today, ageInMonths(patient.dateOfBirth, today)).safeParse(input);
  const errors: FieldErrors = {
    ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
    ...(vitalsParsed.success ? {} : fieldErrorsOf(vitalsParsed.error)),
  };
  if (!parsed.success || !vitalsParsed.success) throw new AppError("invalid", "form_invalid", errors);
  const data = parsed.data;

  return db().transaction(async (tx) => {
    // One open consultation per patient at a time; the lock makes a double submit wait and see the first.
    await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, patient.id)).for("update");
    const [open] = await tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(and(eq(consultations.patientId, patient.id), inArray(consultations.status, ["waiting", "in_call"])));
    if (open) throw new AppError("conflict", "already_queued", {}, { consultationId: open.id });

    const targetErrors = await checkTarget(tx, data.target, data.femaleClinicianRequested);
    if (Object.keys(targetErrors).length > 0) throw new AppError("invalid", "form_invalid", targetErrors);

    const id = crypto.randomUUID();
    const target = "clinicianId" in data.target ? { clinicianId: data.target.clinicianId } : { specialtyCode: data.target.specialtyCode };
    await tx.insert(consultations).values({
      id,
      patientId: patient.id,
      ...target,
      roomName: roomNameFor(id),
      triage: data.triage,
      chiefComplaint: data.chiefComplaint,
      femaleClinicianRequested: data.femaleClinicianRequested,
      chaperonePresent: data.chaperonePresent,
      hostedBy: actor.id,
      checkedInAt: now,
      patientSeenAt: now,
    });
    const measured = Object.values(vitalsParsed.data).some((v) => v !== null);
    if (measured) await tx.insert(vitals).values({ ...vitalsParsed.data, patientId: patient.id, consultationId: id, recordedBy: actor.id, recordedAt: now });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.queue_walk_in",
      entityType: "consultation",
      entityId: id,
      patientId: patient.id,
      details: { triage: data.triage, target, vitals: measured },
    });
    await signalQueue(tx, { keys: [queueKeyOf({ clinicianId: null, specialtyCode: null, ...target })], consultations: [id], hosts: [actor.id] });
    return { consultationId: id, triage: data.triage };
  });
}

/**
 * The consultation row, locked, for a change by one of its participants. Who may change it is
 * decided on the locked row: checked before the lock, a colleague could act on a patient another
 * clinician admitted a moment ago.
 */
async function lockFor(tx: Transaction, actor: Actor, id: string, allowed: readonly ConsultationRole[]): Promise<Consultation> {
  if (!z.uuid().safeParse(id).success) throw notFound();
  const [locked] = await tx
    .select({ row: consultations, accountId: patients.accountId })
    .from(consultations)
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .where(eq(consultations.id, id))
    .for("update", { of: consultations });
  if (!locked) throw notFound();
  const role = await roleIn(actor, { ...locked.row, accountId: locked.accountId });
  if (!role || !allowed.includes(role)) throw notFound();
  return locked.row;
}

function assertTransition(row: Consultation, to: Consultation["status"]) {
  if (!canTransition(row.status, to)) throw new AppError("conflict", "consultation_state");
}

/** Keeps the booked appointment in step with its consultation. */
async function setAppointment(tx: Transaction, row: Consultation, change: Partial<typeof appointments.$inferInsert>) {
  if (row.appointmentId) await tx.update(appointments).set(change).where(eq(appointments.id, row.appointmentId));
}

/**
 * Back to the patient's place: in the specialty's shared queue if they were taken from one, else
 * with their clinician. Their grace period starts now, as they find their way back to the waiting page.
 */
function backToQueue(row: Consultation) {
  return { status: "waiting" as const, admittedAt: null, clinicianId: row.specialtyCode ? null : row.clinicianId, patientSeenAt: new Date() };
}

const hostsOf = (row: Consultation) => (row.hostedBy ? [row.hostedBy] : []);

/** What the offline refusal offers instead: the next patient who is there. */
export type AdmitOffer = { consultationId: string; patientName: string };

/** Refuses to admit an offline patient, offering the next one who is there instead. */
function offlineConflict(entry: QueueEntry, queue: QueueEntry[]): AppError {
  const next = queue.find((e) => e.place > entry.place && e.online);
  const offer: AdmitOffer | null = next ? { consultationId: next.id, patientName: next.patientName } : null;
  return new AppError("conflict", "patient_offline", {}, { offline: { consultationId: entry.id, patientName: entry.patientName }, next: offer });
}

async function admit(actor: Actor, entry: QueueEntry, details: Record<string, unknown>): Promise<{ consultationId: string }> {
  return db().transaction(async (tx) => {
    // Another clinician may have taken them, or they were passed to another queue, a moment ago.
    const [row] = await tx.select().from(consultations).where(eq(consultations.id, entry.id)).for("update");
    if (!row || row.status !== "waiting" || queueKeyOf(row) !== queueKeyOf(entry)) throw new AppError("conflict", "queue_changed");
    await tx.update(consultations).set({ status: "in_call", clinicianId: actor.id, admittedAt: new Date() }).where(eq(consultations.id, row.id));
    await setAppointment(tx, row, { status: "in_consultation" });
    await recordAudit(tx, { actorId: actor.id, action: "consultation.admit", entityType: "consultation", entityId: row.id, patientId: row.patientId, details });
    await signalQueue(tx, { keys: [queueKeyOf(row)], consultations: [row.id], hosts: hostsOf(row) });
    return { consultationId: row.id };
  });
}

function requireClinician(actor: Actor) {
  if (!clinicianRoles.includes(actor.role)) throw notFound();
}

/** Admits the first patient under the queue rule; if they are offline, offers the next one instead. */
export async function admitNext(actor: Actor): Promise<{ consultationId: string }> {
  requireClinician(actor);
  const queue = await loadClinicianQueue(actor.id);
  const first = queue[0];
  if (!first) throw new AppError("conflict", "queue_empty");
  if (!first.online) throw offlineConflict(first, queue);
  return admit(actor, first, { place: 1, reason: first.reason.kind });
}

/**
 * Admits a chosen patient. Taking someone ahead of a patient who is there needs a reason, which is
 * kept in the audit log; passing over patients who are offline does not.
 */
export async function admitChosen(actor: Actor, consultationId: string, reason: string | null): Promise<{ consultationId: string }> {
  requireClinician(actor);
  const queue = await loadClinicianQueue(actor.id);
  const entry = queue.find((e) => e.id === consultationId);
  if (!entry) throw notFound();
  if (!entry.online) throw offlineConflict(entry, queue);
  const skipped = queue.filter((e) => e.place < entry.place && e.online);
  const why = reason?.trim() ?? "";
  if (skipped.length > 0 && why.length < 3) throw new AppError("invalid", "form_invalid", { reason: "skip_reason_required" });
  return admit(actor, entry, { place: entry.place, skipped: skipped.map((e) => e.id), ...(skipped.length > 0 ? { skipReason: why.slice(0, 500) } : {}) });
}

async function closeRoom(roomName: string) {
  await roomService()
    .deleteRoom(roomName)
    .catch(() => undefined);
}

/**
 * The patient did not answer the call: the first time they go back to their place in the queue,
 * the second time they leave it and are told by SMS.
 */
export async function markNoAnswer(actor: Actor, consultationId: string): Promise<{ removed: boolean }> {
  requireClinician(actor);
  const result = await db().transaction(async (tx) => {
    const row = await lockFor(tx, actor, consultationId, ["clinician"]);
    if (row.status !== "in_call") throw new AppError("conflict", "consultation_state");
    const removed = row.noAnswerCount >= 1;
    assertTransition(row, removed ? "cancelled" : "waiting");
    const now = new Date();
    const next = removed
      ? { status: "cancelled" as const, exitReason: "no_answer" as const, endedAt: now, noAnswerCount: row.noAnswerCount + 1 }
      : { ...backToQueue(row), noAnswerCount: 1 };
    await tx.update(consultations).set(next).where(eq(consultations.id, row.id));
    await setAppointment(tx, row, removed ? { status: "cancelled", cancelledAt: now } : { status: "checked_in" });
    await recordAudit(tx, {
      actorId: actor.id,
      action: removed ? "consultation.no_answer_removed" : "consultation.no_answer",
      entityType: "consultation",
      entityId: row.id,
      patientId: row.patientId,
    });
    if (removed) await queueRemovalNotice(tx, [{ consultationId: row.id, reason: "no_answer" }]);
    const after = { ...row, ...next };
    await signalQueue(tx, { keys: [queueKeyOf(row), ...(removed ? [] : [queueKeyOf(after)])], consultations: [row.id], hosts: hostsOf(row) });
    return { removed, roomName: row.roomName };
  });
  await closeRoom(result.roomName);
  return { removed: result.removed };
}

/** Back to the queue at the patient's own place (the call failed, or the clinician must step out). */
export async function returnToQueue(actor: Actor, consultationId: string): Promise<void> {
  requireClinician(actor);
  const roomName = await db().transaction(async (tx) => {
    const row = await lockFor(tx, actor, consultationId, ["clinician"]);
    assertTransition(row, "waiting");
    const next = backToQueue(row);
    await tx.update(consultations).set(next).where(eq(consultations.id, row.id));
    await setAppointment(tx, row, { status: "checked_in" });
    await recordAudit(tx, { actorId: actor.id, action: "consultation.return_to_queue", entityType: "consultation", entityId: row.id, patientId: row.patientId });
    await signalQueue(tx, { keys: [queueKeyOf(row), queueKeyOf({ ...row, ...next })], consultations: [row.id], hosts: hostsOf(row) });
    return row.roomName;
  });
  await closeRoom(roomName);
}

/**
 * A clinician sends a patient (waiting in their queue or their specialty's, or in their call) to
 * another clinician's or specialty's queue. The patient keeps their arrival time, so they do not
 * lose their turn for having been passed on.
 */
export async function transferConsultation(actor: Actor, consultationId: string, targetValue: unknown, reason: string | null): Promise<void> {
  requireClinician(actor);
  const target = parseTarget(targetValue);
  const roomName = await db().transaction(async (tx) => {
    const row = await lockFor(tx, actor, consultationId, ["clinician", "candidate"]);
    if (!target) throw new AppError("invalid", "form_invalid", { target: "target_required" });
    if ("clinicianId" in target && target.clinicianId === row.clinicianId) throw new AppError("invalid", "form_invalid", { target: "target_same" });
    if (row.status !== "waiting" && !canTransition(row.status, "waiting")) throw new AppError("conflict", "consultation_state");
    const targetErrors = await checkTarget(tx, target, row.femaleClinicianRequested);
    if (Object.keys(targetErrors).length > 0) throw new AppError("invalid", "form_invalid", targetErrors);
    const next =
      "clinicianId" in target ? { clinicianId: target.clinicianId, specialtyCode: null } : { clinicianId: null, specialtyCode: target.specialtyCode };
    await tx
      .update(consultations)
      .set({ ...next, status: "waiting", admittedAt: null, noAnswerCount: 0, patientSeenAt: new Date() })
      .where(eq(consultations.id, row.id));
    await setAppointment(tx, row, { status: "checked_in" });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.transfer",
      entityType: "consultation",
      entityId: row.id,
      patientId: row.patientId,
      details: { from: queueKeyOf(row), to: queueKeyOf(next), ...(reason?.trim() ? { reason: reason.trim().slice(0, 500) } : {}) },
    });
    await signalQueue(tx, { keys: [queueKeyOf(row), queueKeyOf(next)], consultations: [row.id], hosts: hostsOf(row) });
    return row.status === "in_call" ? row.roomName : null;
  });
  if (roomName) await closeRoom(roomName);
}

/** The patient (or the staff hosting them) leaves the queue. */
export async function withdrawFromQueue(actor: Actor, consultationId: string): Promise<void> {
  await db().transaction(async (tx) => {
    const row = await lockFor(tx, actor, consultationId, ["patient", "host"]);
    if (row.status !== "waiting") throw new AppError("conflict", "consultation_state");
    const now = new Date();
    await tx.update(consultations).set({ status: "cancelled", exitReason: "withdrawn", endedAt: now }).where(eq(consultations.id, row.id));
    await setAppointment(tx, row, { status: "cancelled", cancelledAt: now, cancelledBy: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: "consultation.withdraw", entityType: "consultation", entityId: row.id, patientId: row.patientId });
    await signalQueue(tx, { keys: [queueKeyOf(row)], consultations: [row.id], hosts: hostsOf(row) });
  });
}

/** A clinician's own status; absent means away. */
export async function getClinicianStatus(clinicianId: string): Promise<ClinicianStatus> {
  const [row] = await db().select({ status: clinicianPresence.status }).from(clinicianPresence).where(eq(clinicianPresence.userId, clinicianId));
  return row?.status ?? "away";
}

/**
 * A clinician sets themselves online, busy or away. Each change is logged for attendance, and
 * the patients in their queues see their estimates change.
 */
export async function setClinicianStatus(actor: Actor, status: string): Promise<ClinicianStatus> {
  requireClinician(actor);
  const parsed = z.enum(["online", "busy", "away"]).safeParse(status);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", { status: "status_required" });
  const next = parsed.data;
  const { keys } = await clinicianQueueKeys(actor.id);
  await db().transaction(async (tx) => {
    const [current] = await tx.select({ status: clinicianPresence.status }).from(clinicianPresence).where(eq(clinicianPresence.userId, actor.id)).for("update");
    if ((current?.status ?? "away") === next) return;
    await tx
      .insert(clinicianPresence)
      .values({ userId: actor.id, status: next })
      .onConflictDoUpdate({ target: clinicianPresence.userId, set: { status: next, changedAt: sql`now()` } });
    await tx.insert(presenceEvents).values({ kind: `clinician_${next}`, userId: actor.id });
    await signalQueue(tx, { keys });
  });
  return next;
}
