import { and, asc, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "@/db";
import { followUps } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { clinicToday } from "@/lib/booking/slots";
import { readRecord } from "./access";
import { parseFollowUpReason, type FollowUpReason } from "./programmes";

export type DueFollowUp = {
  id: string;
  /** As stored (`phq9.safety_assessment`), and read back for the UI's words (null: unknown). */
  reason: string;
  parsedReason: FollowUpReason | null;
  dueOn: string;
  /** Its day has passed and no appointment was booked for it. */
  overdue: boolean;
  screeningId: string | null;
  encounterId: string | null;
};

/** The follow-ups of a record with no appointment booked for them yet, soonest first (inside the caller's transaction). */
export async function selectDueFollowUps(tx: Transaction, patientIds: readonly string[], today: string): Promise<DueFollowUp[]> {
  const rows = await tx
    .select({ id: followUps.id, reason: followUps.reason, dueOn: followUps.dueOn, screeningId: followUps.screeningId, encounterId: followUps.encounterId })
    .from(followUps)
    .where(and(inArray(followUps.patientId, [...patientIds]), isNull(followUps.appointmentId)))
    .orderBy(asc(followUps.dueOn), asc(followUps.createdAt));
  return rows.map((row) => ({ ...row, parsedReason: parseFollowUpReason(row.reason), overdue: row.dueOn < today }));
}

/**
 * The follow-ups still to be booked for a patient (every merged MR ID), soonest first: what
 * staff book an appointment for. Audited as a read; anyone who may not open the record gets
 * "not found".
 */
export async function listDueFollowUps(actor: Actor, patientId: string, now = new Date()): Promise<DueFollowUp[]> {
  return readRecord(actor, patientId, { action: "follow_ups.read" }, (tx, access) => selectDueFollowUps(tx, access.patientIds, clinicToday(now)));
}
