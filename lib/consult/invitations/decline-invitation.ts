import { eq } from "drizzle-orm";
import { db } from "@/db";
import { consultationInvitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { signalQueue } from "@/lib/queue/signal";
import { isInvitedClinician } from "./accept-invitation";
import { invitationKeys, lockInvitation } from "./invitation-rows";

/**
 * The specialist says no. A specialty's invitation is answered for the specialty: the inviting
 * clinician sees it declined and may ask someone by name instead.
 */
export async function declineInvitation(actor: Actor, invitationId: string) {
  return db().transaction(async (tx) => {
    const row = await lockInvitation(tx, invitationId);
    if (!(await isInvitedClinician(actor, row))) throw notFound();
    if (row.invitation.status !== "pending") throw new AppError("conflict", "invitation_answered");
    await tx
      .update(consultationInvitations)
      .set({ status: "declined", answeredAt: new Date() })
      .where(eq(consultationInvitations.id, row.invitation.id));
    await recordAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "invitation.decline",
      entityType: "consultation_invitation",
      entityId: row.invitation.id,
      patientId: row.consultation.patientId,
      details: { consultationId: row.consultation.id },
    });
    await signalQueue(tx, { keys: [], invitations: invitationKeys(row.invitation) });
    return { consultationId: row.consultation.id };
  });
}
