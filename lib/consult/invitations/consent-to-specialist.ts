import { eq } from "drizzle-orm";
import { db } from "@/db";
import { consultationInvitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { sendCallData } from "@/lib/livekit/call-data";
import { roomService } from "@/lib/livekit/client";
import { consentedPermission, specialistIdentity } from "../call-identity";
import { lockInvitation } from "./invitation-rows";

/**
 * The patient, or the facility staff hosting them, lets an accepted specialist into the call.
 * The consent is kept on the invitation and audited; the specialist, whose token let them do
 * nothing until now, is granted publishing and subscribing in the room at once (and again by
 * enforceAdmission whenever they rejoin). Only the patient's account or the host may consent.
 */
export async function consentToSpecialist(actor: Actor, invitationId: string): Promise<void> {
  const row = await db().transaction(async (tx) => {
    const row = await lockInvitation(tx, invitationId);
    const { invitation, consultation } = row;
    const patientSide =
      (actor.role === "patient" && consultation.accountId === actor.id) || (actor.role !== "patient" && consultation.hostedBy === actor.id);
    if (!patientSide || invitation.status === "pending" || invitation.status === "declined" || invitation.status === "cancelled") throw notFound();
    if (invitation.status === "removed") throw new AppError("conflict", "invitation_answered");
    if (consultation.status !== "in_call") throw new AppError("conflict", "call_not_open");
    if (invitation.consentedAt) return row;
    await tx
      .update(consultationInvitations)
      .set({ consentedAt: new Date(), consentedBy: actor.id })
      .where(eq(consultationInvitations.id, invitation.id));
    await recordAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "invitation.consent",
      entityType: "consultation_invitation",
      entityId: invitation.id,
      patientId: consultation.patientId,
      details: { consultationId: consultation.id, specialistId: invitation.inviteeId },
    });
    return row;
  });
  const identity = specialistIdentity(row.invitation.inviteeId!, row.invitation.id);
  // Not in the room yet (still on the device check) is fine: enforceAdmission grants them on joining.
  await roomService()
    .updateParticipant(row.consultation.roomName, identity, { permission: consentedPermission })
    .catch(() => undefined);
  await sendCallData(row.consultation.roomName, { kind: "participants_changed" });
}
