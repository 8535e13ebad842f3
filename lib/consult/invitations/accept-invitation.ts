import { eq } from "drizzle-orm";
import { db } from "@/db";
import { clinicianProfiles, consultationInvitations, specialties } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { sendCallData } from "@/lib/livekit/call-data";
import { signalQueue } from "@/lib/queue/signal";
import { acceptedInvitationOf, invitationKeys, lockInvitation, patientSideIdentities, type LockedInvitation } from "./invitation-rows";

/**
 * Whether the actor is someone the invitation asks: the named clinician, or any clinician of the
 * specialty other than the consultation's own clinician and the inviter. Anyone else is "not found".
 */
export async function isInvitedClinician(actor: Actor, row: LockedInvitation): Promise<boolean> {
  if (!clinicianRoles.includes(actor.role)) return false;
  const { invitation, consultation } = row;
  // A specialty's invitation stays theirs to see answered after a colleague took it first.
  if (!invitation.specialtyCode) return invitation.inviteeId === actor.id;
  if (invitation.inviteeId === actor.id) return true;
  if (actor.id === consultation.clinicianId || actor.id === invitation.invitedBy) return false;
  const [profile] = await db().select({ specialtyCode: clinicianProfiles.specialtyCode }).from(clinicianProfiles).where(eq(clinicianProfiles.userId, actor.id));
  return profile?.specialtyCode === invitation.specialtyCode;
}

/**
 * The specialist says yes. For a specialty's invitation the first to accept becomes its invitee
 * (decided on the locked row; the others get "already answered"). The call is told that the
 * patient's side must consent before the specialist's media flows.
 */
export async function acceptInvitation(actor: Actor, invitationId: string) {
  const result = await db().transaction(async (tx) => {
    const row = await lockInvitation(tx, invitationId);
    if (!(await isInvitedClinician(actor, row))) throw notFound();
    if (row.invitation.status !== "pending") throw new AppError("conflict", "invitation_answered");
    if (row.consultation.status !== "in_call") throw new AppError("conflict", "call_not_open");
    if (await acceptedInvitationOf(tx, row.consultation.id, actor.id)) throw new AppError("conflict", "invitation_answered");
    await tx
      .update(consultationInvitations)
      .set({ status: "accepted", inviteeId: actor.id, answeredAt: new Date() })
      .where(eq(consultationInvitations.id, row.invitation.id));
    await recordAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "invitation.accept",
      entityType: "consultation_invitation",
      entityId: row.invitation.id,
      patientId: row.consultation.patientId,
      details: { consultationId: row.consultation.id },
    });
    await signalQueue(tx, { keys: [], invitations: [...invitationKeys(row.invitation), `c:${actor.id}`] });
    const [specialty] = await tx
      .select({ name: specialties.nameEn })
      .from(clinicianProfiles)
      .innerJoin(specialties, eq(specialties.code, clinicianProfiles.specialtyCode))
      .where(eq(clinicianProfiles.userId, actor.id));
    return { row, specialty: specialty?.name ?? null };
  });
  const { consultation } = result.row;
  await sendCallData(consultation.roomName, { kind: "participants_changed" });
  await sendCallData(
    consultation.roomName,
    { kind: "consent_needed", invitationId, specialistName: actor.name, specialty: result.specialty },
    patientSideIdentities(consultation),
  );
  return { consultationId: consultation.id };
}
