import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { consultationInvitations, consultations, patients, recordingConsents } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { sendCallData } from "@/lib/livekit/call-data";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";

/**
 * Who must have said yes before a call may be recorded: its clinician, the patient's side (the
 * host when the patient sits at a facility, since they speak for them in the room, else the
 * patient's account), and every specialist let in. Read from the database, never from who LiveKit
 * says is connected: someone briefly disconnected has not consented by leaving.
 */
async function requiredConsenters(consultationId: string): Promise<string[]> {
  const [row] = await db()
    .select({ clinicianId: consultations.clinicianId, hostedBy: consultations.hostedBy, accountId: patients.accountId })
    .from(consultations)
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .where(eq(consultations.id, consultationId));
  if (!row) return [];
  const specialists = await db()
    .select({ id: consultationInvitations.inviteeId })
    .from(consultationInvitations)
    .where(
      and(
        eq(consultationInvitations.consultationId, consultationId),
        eq(consultationInvitations.status, "accepted"),
        isNotNull(consultationInvitations.consentedAt),
      ),
    );
  const patientSide = row.hostedBy ?? row.accountId;
  return [row.clinicianId, patientSide, ...specialists.map((s) => s.id)].filter((id): id is string => Boolean(id));
}

/**
 * True only when every participant now admitted to the call (see requiredConsenters) has a
 * newest recording consent that says yes. A "no", or no answer at all, from anyone is false.
 */
export async function recordingAllowed(consultationId: string): Promise<boolean> {
  const required = await requiredConsenters(consultationId);
  if (required.length === 0) return false;
  const rows = await db()
    .selectDistinctOn([recordingConsents.userId], { userId: recordingConsents.userId, consented: recordingConsents.consented })
    .from(recordingConsents)
    .where(and(eq(recordingConsents.consultationId, consultationId), inArray(recordingConsents.userId, required)))
    .orderBy(recordingConsents.userId, desc(recordingConsents.recordedAt), desc(recordingConsents.id));
  const newest = new Map(rows.map((row) => [row.userId, row.consented]));
  return required.every((id) => newest.get(id) === true);
}

/**
 * A participant says yes or no to recording (appended; their newest answer counts, so a yes can
 * be taken back). Everyone in the call is told whether all have now said yes. A specialist the
 * patient has not let in yet is not in the call for this.
 */
export async function recordRecordingConsent(actor: Actor, consultationId: string, consented: boolean) {
  const consultation = await findVisibleConsultation(actor, consultationId);
  const role = consultation.viewerRole;
  if (role === "candidate") throw notFound();
  if (consultation.status !== "in_call") throw new AppError("conflict", "call_not_open");
  if (role === "specialist" && !(await requiredConsenters(consultation.id)).includes(actor.id)) {
    throw new AppError("conflict", "specialist_consent_pending");
  }
  await db().transaction(async (tx) => {
    await tx.insert(recordingConsents).values({ consultationId: consultation.id, userId: actor.id, participantRole: role, consented });
    await recordAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "recording.consent",
      entityType: "consultation",
      entityId: consultation.id,
      patientId: consultation.patientId,
      details: { consented, participantRole: role },
    });
  });
  const allConsented = await recordingAllowed(consultation.id);
  await sendCallData(consultation.roomName, { kind: "recording", allConsented });
  return { allConsented };
}
