import { and, eq } from "drizzle-orm";
import type { WebhookEvent } from "livekit-server-sdk";
import { db } from "@/db";
import { consultationInvitations, consultations, patients } from "@/db/schema";
import { roomService } from "@/lib/livekit/client";
import { sendCallData } from "@/lib/livekit/call-data";
import { consentedPermission, parseCallIdentity, withheldPermission } from "../call-identity";
import { patientSideIdentities } from "./invitation-rows";

/** What enforceAdmission did about one participant joining. */
export type Admission = "ignored" | "admitted" | "granted" | "withheld" | "expelled" | "gone";

/**
 * Takes a participant out of a room now: their permissions first (so that nothing more of theirs
 * is forwarded while the removal travels), then the participant. Either may fail because they
 * already left; that is the wanted outcome.
 */
export async function expel(roomName: string, identity: string): Promise<void> {
  const rooms = roomService();
  await rooms.updateParticipant(roomName, identity, { permission: withheldPermission }).catch(() => undefined);
  await rooms.removeParticipant(roomName, identity).catch(() => undefined);
}

/**
 * Called for each LiveKit webhook (lib/consult/webhook.ts). On `participant_joined` in a
 * consultation's room, the database decides who may be there, not the token: self-hosted
 * LiveKit neither revokes a removed specialist's token nor stops refreshing it, so
 * - an identity the consultation does not admit (a removed or unknown invitation, a stranger's
 *   identity, a call that is no longer on) is thrown out again at once, its permissions zeroed;
 * - a specialist the patient's side has consented to gets publish/subscribe granted, which also
 *   restores what a LiveKit restart forgets (permissions set by updateParticipant live only in
 *   the server's memory, and the token itself says no);
 * - a specialist still waiting for consent keeps nothing, and the patient's side is asked again.
 * Rooms that are no consultation's are left alone.
 */
export async function enforceAdmission(event: WebhookEvent): Promise<Admission> {
  if (event.event !== "participant_joined") return "ignored";
  const roomName = event.room?.name;
  const identity = event.participant?.identity;
  if (!roomName || !identity) return "ignored";
  const [consultation] = await db()
    .select({
      id: consultations.id,
      status: consultations.status,
      clinicianId: consultations.clinicianId,
      hostedBy: consultations.hostedBy,
      accountId: patients.accountId,
    })
    .from(consultations)
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .where(eq(consultations.roomName, roomName));
  if (!consultation) return "ignored";

  const who = parseCallIdentity(identity);
  const open = consultation.status === "in_call";
  if (!who || !open) {
    await expel(roomName, identity);
    return "expelled";
  }
  if (who.role !== "specialist") {
    const admitted =
      (who.role === "patient" && consultation.accountId === who.userId) ||
      (who.role === "host" && consultation.hostedBy === who.userId) ||
      (who.role === "clinician" && consultation.clinicianId === who.userId);
    if (admitted) return "admitted";
    await expel(roomName, identity);
    return "expelled";
  }

  const [invitation] = await db()
    .select({ status: consultationInvitations.status, consentedAt: consultationInvitations.consentedAt })
    .from(consultationInvitations)
    .where(
      and(
        eq(consultationInvitations.id, who.invitationId),
        eq(consultationInvitations.consultationId, consultation.id),
        eq(consultationInvitations.inviteeId, who.userId),
      ),
    );
  if (invitation?.status !== "accepted") {
    await expel(roomName, identity);
    return "expelled";
  }
  // By the time the webhook arrives they may have left again: then there is nothing to set.
  const permission = invitation.consentedAt ? consentedPermission : withheldPermission;
  const present = await roomService()
    .updateParticipant(roomName, identity, { permission })
    .then(() => true)
    .catch(() => false);
  if (!present) return "gone";
  if (invitation.consentedAt) return "granted";
  const metadata = parseMetadata(event.participant?.metadata);
  await sendCallData(
    roomName,
    { kind: "consent_needed", invitationId: who.invitationId, specialistName: metadata.name ?? "", specialty: metadata.specialty ?? null },
    patientSideIdentities(consultation),
  );
  return "withheld";
}

function parseMetadata(raw: string | undefined): { name?: string; specialty?: string } {
  try {
    return raw ? (JSON.parse(raw) as { name?: string; specialty?: string }) : {};
  } catch {
    return {};
  }
}
