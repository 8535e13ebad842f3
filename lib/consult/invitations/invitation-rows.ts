import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { consultationInvitations, consultations, patients } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { QueueKey } from "@/lib/queue/rules";

// What the invitation use cases share: the invitation with its consultation, read under a lock.

/**
 * An invitation and the consultation it is into, both locked (so that two specialists
 * accepting at once, or a removal racing an accept, are decided one after the other).
 */
export async function lockInvitation(tx: Transaction, invitationId: string) {
  if (!isUuid(invitationId)) throw notFound();
  const [row] = await tx
    .select({
      invitation: consultationInvitations,
      consultation: {
        id: consultations.id,
        status: consultations.status,
        roomName: consultations.roomName,
        clinicianId: consultations.clinicianId,
        hostedBy: consultations.hostedBy,
        patientId: consultations.patientId,
        accountId: patients.accountId,
      },
    })
    .from(consultationInvitations)
    .innerJoin(consultations, eq(consultations.id, consultationInvitations.consultationId))
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .where(eq(consultationInvitations.id, invitationId))
    .for("update", { of: [consultationInvitations, consultations] });
  if (!row) throw notFound();
  return row;
}

export type LockedInvitation = Awaited<ReturnType<typeof lockInvitation>>;

/** Whose queue pages show an invitation: the person asked, or everyone of the specialty asked. */
export function invitationKeys(invitation: { inviteeId: string | null; specialtyCode: string | null }): QueueKey[] {
  const keys: QueueKey[] = [];
  if (invitation.inviteeId) keys.push(`c:${invitation.inviteeId}`);
  if (invitation.specialtyCode) keys.push(`s:${invitation.specialtyCode}`);
  return keys;
}

/** The LiveKit identities that speak for the patient in a call: their own phone, and the host beside them. */
export function patientSideIdentities(consultation: { accountId: string | null; hostedBy: string | null }): string[] {
  return [
    ...(consultation.accountId ? [`patient:${consultation.accountId}`] : []),
    ...(consultation.hostedBy ? [`host:${consultation.hostedBy}`] : []),
  ];
}

/** An accepted invitation of `userId` into the consultation, if any (one per person and call). */
export async function acceptedInvitationOf(tx: Transaction, consultationId: string, userId: string) {
  const [row] = await tx
    .select({ id: consultationInvitations.id })
    .from(consultationInvitations)
    .where(
      and(
        eq(consultationInvitations.consultationId, consultationId),
        eq(consultationInvitations.inviteeId, userId),
        eq(consultationInvitations.status, "accepted"),
      ),
    )
    .limit(1);
  return row ?? null;
}

