import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { appointments, consultations, presenceEvents } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueRemovalNotice } from "./removal-notice";
import { HOSTED_VISIT_MAX_MS, REJOIN_GRACE_MS, queueKeyOf } from "./rules";
import { signalQueue } from "./signal";

const open = inArray(consultations.status, ["waiting", "in_call"]);

/**
 * Patients' waiting pages connected (on any instance): they are there again, and keep the places
 * they had. One statement for a whole batch; logged for attendance; clinicians see them online.
 */
export async function patientsConnected(consultationIds: readonly string[]): Promise<void> {
  await countConnections(consultationIds, +1);
}

/** Their pages' connections closed: each keeps their place for the grace period. */
export async function patientsDisconnected(consultationIds: readonly string[]): Promise<void> {
  await countConnections(consultationIds, -1);
}

export const patientConnected = (consultationId: string) => patientsConnected([consultationId]);
export const patientDisconnected = (consultationId: string) => patientsDisconnected([consultationId]);

async function countConnections(consultationIds: readonly string[], delta: 1 | -1): Promise<void> {
  if (consultationIds.length === 0) return;
  const connections =
    delta > 0 ? sql`${consultations.patientConnections} + 1` : sql`greatest(${consultations.patientConnections} - 1, 0)`;
  await db().transaction(async (tx) => {
    const rows = await tx
      .update(consultations)
      .set({ patientConnections: connections, patientSeenAt: sql`now()` })
      .where(and(inArray(consultations.id, [...consultationIds]), open))
      .returning({ id: consultations.id, clinicianId: consultations.clinicianId, specialtyCode: consultations.specialtyCode });
    if (rows.length === 0) return;
    const kind = delta > 0 ? "patient_connected" : "patient_disconnected";
    await tx.insert(presenceEvents).values(rows.map((r) => ({ kind, consultationId: r.id }) as const));
    await signalQueue(tx, { keys: rows.map(queueKeyOf), presence: true });
  });
}

/** One statement per instance per beat for all its connected patients, however many. */
export async function patientHeartbeat(consultationIds: readonly string[]): Promise<void> {
  if (consultationIds.length === 0) return;
  await db()
    .update(consultations)
    .set({ patientSeenAt: sql`now()` })
    .where(and(inArray(consultations.id, [...consultationIds]), open));
}

/**
 * Takes out of the queue the patients at home who have been offline past the grace period, and
 * tells them by SMS; and hosted walk-ins still waiting 12 hours after arrival (the facility closed). Run every minute by the job queue; one UPDATE, so instances running it at
 * once remove each patient once.
 */
export async function removeAbsentPatients(now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - REJOIN_GRACE_MS);
  const hostedCutoff = new Date(now.getTime() - HOSTED_VISIT_MAX_MS);
  const lastSeen = sql`coalesce(${consultations.patientSeenAt}, ${consultations.checkedInAt})`;
  const removed = await db().transaction(async (tx) => {
    const rows = await tx
      .update(consultations)
      .set({ status: "cancelled", exitReason: "not_returned", endedAt: now, patientConnections: 0 })
      .where(
        and(
          eq(consultations.status, "waiting"),
          or(
            and(isNull(consultations.hostedBy), sql`${lastSeen} < ${cutoff.toISOString()}`),
            and(isNotNull(consultations.hostedBy), lt(consultations.checkedInAt, hostedCutoff)),
          ),
        ),
      )
      .returning({
        id: consultations.id,
        patientId: consultations.patientId,
        appointmentId: consultations.appointmentId,
        clinicianId: consultations.clinicianId,
        specialtyCode: consultations.specialtyCode,
        hostedBy: consultations.hostedBy,
      });
    if (rows.length === 0) return rows;
    for (const row of rows) {
      if (row.appointmentId) await tx.update(appointments).set({ status: "cancelled", cancelledAt: now }).where(eq(appointments.id, row.appointmentId));
      await recordAudit(tx, {
        actorId: null,
        action: "consultation.not_returned",
        entityType: "consultation",
        entityId: row.id,
        patientId: row.patientId,
        details: row.hostedBy ? { hostedHours: HOSTED_VISIT_MAX_MS / 3_600_000 } : { graceMinutes: REJOIN_GRACE_MS / 60_000 },
      });
    }
    // Facility staff tell a walk-in in person; a patient at home gets a text.
    await queueRemovalNotice(
      tx,
      rows.filter((r) => !r.hostedBy).map((r) => ({ consultationId: r.id, reason: "not_returned" as const })),
    );
    await signalQueue(tx, {
      keys: rows.map(queueKeyOf),
      consultations: rows.map((r) => r.id),
      hosts: rows.flatMap((r) => (r.hostedBy ? [r.hostedBy] : [])),
    });
    return rows;
  });
  return removed.map((r) => r.id);
}
