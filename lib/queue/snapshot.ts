import { and, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  clinicianPresence,
  clinicianProfiles,
  consultations,
  patients,
  specialties,
  users,
  type ConsultationStatus,
  type TriageLevel,
} from "@/db/schema";
import { orderQueue, type PlaceReason } from "./ordering";
import { isPatientOnline, queueKeyOf, type QueueKey } from "./rules";
import { estimateWaitMs, typicalConsultationMs, waitMinutes } from "./wait-estimate";

const RECENT_CONSULTATIONS = 20;
const RECENT_DAYS = 30;
const FALLBACK_SLOT_MINUTES = 15;

/** What a waiting patient (or the staff hosting them) sees. */
export type WaitingView = {
  consultationId: string;
  status: ConsultationStatus;
  /** The queue it waits in (null once it has left the queue). */
  queueKey: QueueKey | null;
  place: number | null;
  /** Estimated wait in whole minutes; null when no clinician of the queue is online. */
  waitMinutes: number | null;
  clinicianName: string | null;
  specialty: { nameEn: string; nameUr: string } | null;
  exitReason: "no_answer" | "not_returned" | "withdrawn" | null;
  noAnswerCount: number;
  /** Back in the queue, at the front, because their call broke off. */
  callDropped: boolean;
};

/** One waiting consultation as the queue rule and the clinician's list need it. */
const entryColumns = {
  id: consultations.id,
  triage: consultations.triage,
  scheduledAt: consultations.scheduledAt,
  checkedInAt: consultations.checkedInAt,
  callDroppedAt: consultations.callDroppedAt,
  clinicianId: consultations.clinicianId,
  specialtyCode: consultations.specialtyCode,
  hostedBy: consultations.hostedBy,
  patientConnections: consultations.patientConnections,
  patientSeenAt: consultations.patientSeenAt,
  noAnswerCount: consultations.noAnswerCount,
  chiefComplaint: consultations.chiefComplaint,
  femaleClinicianRequested: consultations.femaleClinicianRequested,
  chaperonePresent: consultations.chaperonePresent,
  patientId: consultations.patientId,
  patientName: patients.fullName,
  mrId: patients.mrId,
  sex: patients.sex,
  dateOfBirth: patients.dateOfBirth,
};

export type QueueEntry = {
  id: string;
  triage: TriageLevel;
  scheduledAt: Date | null;
  checkedInAt: Date;
  callDroppedAt: Date | null;
  clinicianId: string | null;
  specialtyCode: string | null;
  hostedBy: string | null;
  noAnswerCount: number;
  chiefComplaint: string | null;
  femaleClinicianRequested: boolean;
  chaperonePresent: boolean;
  patientId: string;
  patientName: string;
  mrId: string;
  sex: "female" | "male" | "other";
  dateOfBirth: string;
  place: number;
  reason: PlaceReason;
  online: boolean;
  waitMs: number | null;
};

/** Who sees a queue's patients, and how fast they have been seeing them lately. */
async function queueCapacity(key: QueueKey, now: Date) {
  const id = key.slice(2);
  const clinicianIds =
    key.startsWith("c:")
      ? [id]
      : (await db().select({ id: clinicianProfiles.userId }).from(clinicianProfiles).where(eq(clinicianProfiles.specialtyCode, id))).map(
          (c) => c.id,
        );
  if (clinicianIds.length === 0) return { typicalMs: FALLBACK_SLOT_MINUTES * 60_000, cliniciansOnline: 0, callsElapsedMs: [] };

  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60_000);
  const [recent, online, inCall, slot] = await Promise.all([
    db()
      .select({ ms: sql<number>`extract(epoch from ${consultations.endedAt} - ${consultations.admittedAt}) * 1000`.mapWith(Number) })
      .from(consultations)
      .where(
        and(
          inArray(consultations.clinicianId, clinicianIds),
          eq(consultations.status, "completed"),
          isNotNull(consultations.admittedAt),
          gt(consultations.endedAt, since),
        ),
      )
      .orderBy(desc(consultations.endedAt))
      .limit(RECENT_CONSULTATIONS),
    db()
      .select({ id: clinicianPresence.userId })
      .from(clinicianPresence)
      .where(and(inArray(clinicianPresence.userId, clinicianIds), inArray(clinicianPresence.status, ["online", "busy"]))),
    db()
      .select({ admittedAt: consultations.admittedAt })
      .from(consultations)
      .where(and(inArray(consultations.clinicianId, clinicianIds), eq(consultations.status, "in_call"))),
    // Until there are enough recent consultations: the clinician's slot length, or for a shared
    // queue the specialty's.
    key.startsWith("c:")
      ? db()
          .select({ own: clinicianProfiles.slotMinutes, specialty: specialties.defaultSlotMinutes })
          .from(clinicianProfiles)
          .innerJoin(specialties, eq(specialties.code, clinicianProfiles.specialtyCode))
          .where(eq(clinicianProfiles.userId, id))
      : db().select({ own: sql<number | null>`null`, specialty: specialties.defaultSlotMinutes }).from(specialties).where(eq(specialties.code, id)),
  ]);
  const fallbackMinutes = slot[0]?.own ?? slot[0]?.specialty ?? FALLBACK_SLOT_MINUTES;
  return {
    typicalMs: typicalConsultationMs(
      recent.map((r) => r.ms),
      fallbackMinutes * 60_000,
    ),
    cliniciansOnline: online.length,
    callsElapsedMs: inCall.map((c) => (c.admittedAt ? now.getTime() - c.admittedAt.getTime() : 0)),
  };
}

function waitingIn(key: QueueKey) {
  const id = key.slice(2);
  return key.startsWith("c:")
    ? and(eq(consultations.status, "waiting"), eq(consultations.clinicianId, id))
    : and(eq(consultations.status, "waiting"), isNull(consultations.clinicianId), eq(consultations.specialtyCode, id));
}

/** A queue in order, each place with its reason, whether the patient is there, and their estimated wait. */
export async function loadQueue(key: QueueKey, now = new Date()): Promise<QueueEntry[]> {
  const [rows, capacity] = await Promise.all([
    db().select(entryColumns).from(consultations).innerJoin(patients, eq(patients.id, consultations.patientId)).where(waitingIn(key)),
    queueCapacity(key, now),
  ]);
  return orderQueue(rows, now).map((entry) => ({
    ...entry,
    online: isPatientOnline(entry, now),
    waitMs: estimateWaitMs({
      place: entry.place,
      typicalMs: capacity.typicalMs,
      cliniciansOnline: capacity.cliniciansOnline,
      callsInProgressElapsedMs: capacity.callsElapsedMs,
    }),
  }));
}

/** The queues a clinician works from: their own, and their specialty's shared one. */
export async function clinicianQueueKeys(clinicianId: string): Promise<{ keys: QueueKey[]; sex: string | null }> {
  const [profile] = await db()
    .select({ specialtyCode: clinicianProfiles.specialtyCode, sex: clinicianProfiles.sex })
    .from(clinicianProfiles)
    .where(eq(clinicianProfiles.userId, clinicianId));
  const keys: QueueKey[] = [`c:${clinicianId}`];
  if (profile) keys.push(`s:${profile.specialtyCode}`);
  return { keys, sex: profile?.sex ?? null };
}

/**
 * Everyone a clinician may admit, in one order under the queue rule: their own queue and their
 * specialty's, leaving out the specialty's patients who asked for a female clinician when the
 * clinician is not one.
 */
export async function loadClinicianQueue(clinicianId: string, now = new Date()): Promise<QueueEntry[]> {
  const { keys, sex } = await clinicianQueueKeys(clinicianId);
  const queues = await Promise.all(keys.map((key) => loadQueue(key, now)));
  const visible = queues.flat().filter((e) => e.clinicianId === clinicianId || !e.femaleClinicianRequested || sex === "female");
  // Re-apply the rule over the merged list; the wait estimates stay those of each patient's own queue.
  return orderQueue(visible, now);
}

/** The views of every waiting patient in a queue, computed once for all who watch it. */
export async function waitingViews(key: QueueKey, now = new Date()): Promise<Map<string, WaitingView>> {
  const entries = await loadQueue(key, now);
  if (entries.length === 0) return new Map();
  const labels = await queueLabel(key);
  return new Map(
    entries.map((e) => [
      e.id,
      {
        consultationId: e.id,
        status: "waiting",
        queueKey: key,
        place: e.place,
        waitMinutes: e.waitMs === null ? null : waitMinutes(e.waitMs),
        ...labels,
        exitReason: null,
        noAnswerCount: e.noAnswerCount,
        callDropped: e.callDroppedAt !== null,
      },
    ]),
  );
}

async function queueLabel(key: QueueKey): Promise<Pick<WaitingView, "clinicianName" | "specialty">> {
  const id = key.slice(2);
  if (key.startsWith("c:")) {
    const [clinician] = await db().select({ name: users.name }).from(users).where(eq(users.id, id));
    return { clinicianName: clinician?.name ?? null, specialty: null };
  }
  const [specialty] = await db().select({ nameEn: specialties.nameEn, nameUr: specialties.nameUr }).from(specialties).where(eq(specialties.code, id));
  return { clinicianName: null, specialty: specialty ?? null };
}

/**
 * The current view of each given consultation. Callers have checked who may see them. Waiting
 * ones are placed within their queue (one read per queue, whoever asks); `queues`, when given,
 * receives each queue read whole, for a caller that shares it with later watchers.
 */
export async function viewsOf(
  consultationIds: readonly string[],
  now = new Date(),
  queues?: Map<QueueKey, Map<string, WaitingView>>,
): Promise<Map<string, WaitingView>> {
  const views = new Map<string, WaitingView>();
  if (consultationIds.length === 0) return views;
  const wanted = new Set(consultationIds);
  const rows = await db()
    .select({
      id: consultations.id,
      status: consultations.status,
      clinicianId: consultations.clinicianId,
      specialtyCode: consultations.specialtyCode,
      exitReason: consultations.exitReason,
      noAnswerCount: consultations.noAnswerCount,
      clinicianName: users.name,
    })
    .from(consultations)
    .leftJoin(users, eq(users.id, consultations.clinicianId))
    .where(inArray(consultations.id, [...consultationIds]));
  const waitingKeys = new Set(rows.filter((r) => r.status === "waiting").map((r) => queueKeyOf(r)));
  for (const key of waitingKeys) {
    const queue = await waitingViews(key, now);
    queues?.set(key, queue);
    for (const [id, view] of queue) if (wanted.has(id)) views.set(id, view);
  }
  for (const r of rows) {
    if (views.has(r.id)) continue;
    views.set(r.id, {
      consultationId: r.id,
      status: r.status,
      queueKey: r.status === "waiting" ? queueKeyOf(r) : null,
      place: null,
      waitMinutes: null,
      clinicianName: r.clinicianName,
      specialty: null,
      exitReason: r.exitReason,
      noAnswerCount: r.noAnswerCount,
      callDropped: false,
    });
  }
  return views;
}
