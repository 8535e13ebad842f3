import { and, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { consultationInvitations, consultations } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";

/**
 * Who may read and write a call's chat: its patient, host and clinician, and a specialist once
 * the patient's side let them in (before that they receive nothing of the call, chat included).
 */
export async function chatParticipant(actor: Actor, consultationId: string) {
  const consultation = await findVisibleConsultation(actor, consultationId);
  const role = consultation.viewerRole;
  if (role === "candidate") throw notFound();
  if (role === "specialist") {
    const [consented] = await db()
      .select({ id: consultationInvitations.id })
      .from(consultationInvitations)
      .where(
        and(
          eq(consultationInvitations.consultationId, consultation.id),
          eq(consultationInvitations.inviteeId, actor.id),
          eq(consultationInvitations.status, "accepted"),
          isNotNull(consultationInvitations.consentedAt),
        ),
      );
    if (!consented) throw new AppError("conflict", "specialist_consent_pending");
  }
  const [row] = await db().select({ encounterId: consultations.encounterId }).from(consultations).where(eq(consultations.id, consultation.id));
  if (!row?.encounterId) throw notFound();
  return { consultation, role, encounterId: row.encounterId };
}

export type ChatParticipant = Awaited<ReturnType<typeof chatParticipant>>;
