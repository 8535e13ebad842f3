import { eq } from "drizzle-orm";
import { db } from "@/db";
import { consultationInvitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { sendCallData } from "@/lib/livekit/call-data";
import { parseCallIdentity } from "../call-identity";
import { signalQueue } from "@/lib/queue/signal";
import { invitationKeys, lockInvitation } from "./invitation-rows";
import { expel } from "./enforce-admission";

/**
 * The consultation's clinician removes an invited participant (`specialist:<user>:<invitation>`).
 * Self-hosted LiveKit does not revoke the token they hold, and refreshes it every few minutes,
 * so removal sticks in the database, not in LiveKit: the invitation is `removed` on the locked
 * row, no token is minted for it again, and enforceAdmission throws its identity out whenever it
 * reappears. The patient and the host are not removed this way: the queue's "return to queue"
 * and "end" are how they leave a call.
 */
export async function removeParticipant(actor: Actor, consultationId: string, identity: string): Promise<void> {
  const parsed = parseCallIdentity(identity);
  if (!clinicianRoles.includes(actor.role)) throw notFound();
  if (!parsed || parsed.role !== "specialist") throw new AppError("invalid", "participant_not_removable");
  const row = await db().transaction(async (tx) => {
    const row = await lockInvitation(tx, parsed.invitationId);
    const { invitation, consultation } = row;
    if (consultation.id !== consultationId.toLowerCase() || consultation.clinicianId !== actor.id) throw notFound();
    if (invitation.inviteeId !== parsed.userId) throw notFound();
    if (invitation.status === "removed") return row;
    if (invitation.status !== "accepted" && invitation.status !== "pending") throw new AppError("conflict", "invitation_answered");
    await tx
      .update(consultationInvitations)
      .set({ status: "removed", removedAt: new Date(), removedBy: actor.id })
      .where(eq(consultationInvitations.id, invitation.id));
    await recordAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "invitation.remove",
      entityType: "consultation_invitation",
      entityId: invitation.id,
      patientId: consultation.patientId,
      details: { consultationId: consultation.id, identity },
    });
    await signalQueue(tx, { keys: [], invitations: invitationKeys(invitation) });
    return row;
  });
  await expel(row.consultation.roomName, identity);
  await sendCallData(row.consultation.roomName, { kind: "participants_changed" });
}
