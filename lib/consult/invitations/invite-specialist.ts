import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { clinicianProfiles, consultationInvitations, specialties, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { lockFor } from "@/lib/queue/consultation-change";
import { signalQueue } from "@/lib/queue/signal";
import { invitationKeys } from "./invitation-rows";
import { queueInvitationNotice } from "./invitation-notice";

export const INVITATION_REASON_MAX = 300;

export const inviteSpecialistInput = z
  .object({
    specialtyCode: z.string().trim().min(1).max(40).optional(),
    inviteeId: z.uuid().optional(),
    reason: z.string().trim().max(INVITATION_REASON_MAX, "invitation_reason_too_long").optional(),
  })
  .refine((input) => Boolean(input.specialtyCode) !== Boolean(input.inviteeId), { message: "invitation_target_required" });
export type InviteSpecialistInput = z.input<typeof inviteSpecialistInput>;

/**
 * The clinician in a call asks a specialist to join it: one named, active clinician (not
 * themselves), or anyone of a specialty. Their queue pages hear of it at once and each is
 * texted (the job commits with the invitation). Only the consultation's clinician may invite,
 * and only while the call is on.
 */
export async function inviteSpecialist(actor: Actor, consultationId: string, input: InviteSpecialistInput) {
  const parsed = inviteSpecialistInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("invalid", "form_invalid", { [String(issue?.path[0] ?? "inviteeId")]: issue?.message ?? "invitation_target_required" });
  }
  const { specialtyCode, inviteeId, reason } = parsed.data;
  return db().transaction(async (tx) => {
    const consultation = await lockFor(tx, actor, consultationId, ["clinician"]);
    if (consultation.status !== "in_call") throw new AppError("conflict", "call_not_open");

    if (specialtyCode) {
      const [specialty] = await tx.select({ code: specialties.code }).from(specialties).where(eq(specialties.code, specialtyCode));
      if (!specialty) throw new AppError("invalid", "form_invalid", { specialtyCode: "specialty_unknown" });
    } else {
      const [invitee] = await tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(clinicianProfiles, eq(clinicianProfiles.userId, users.id))
        .where(and(eq(users.id, inviteeId!), inArray(users.role, [...clinicianRoles]), isNull(users.disabledAt)));
      if (!invitee || invitee.id === actor.id) throw new AppError("invalid", "form_invalid", { inviteeId: "clinician_required" });
      const [open] = await tx
        .select({ id: consultationInvitations.id })
        .from(consultationInvitations)
        .where(
          and(
            eq(consultationInvitations.consultationId, consultation.id),
            eq(consultationInvitations.inviteeId, invitee.id),
            inArray(consultationInvitations.status, ["pending", "accepted"]),
          ),
        );
      if (open) throw new AppError("conflict", "invitation_exists");
    }

    const [invitation] = await tx
      .insert(consultationInvitations)
      .values({ consultationId: consultation.id, invitedBy: actor.id, specialtyCode: specialtyCode ?? null, inviteeId: inviteeId ?? null, reason: reason || null })
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "invitation.create",
      entityType: "consultation_invitation",
      entityId: invitation!.id,
      patientId: consultation.patientId,
      details: { consultationId: consultation.id, specialtyCode: specialtyCode ?? null, inviteeId: inviteeId ?? null },
    });
    await signalQueue(tx, { keys: [], invitations: invitationKeys(invitation!) });
    await queueInvitationNotice(tx, invitation!.id);
    return invitation!;
  });
}
