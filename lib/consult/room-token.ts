import { AccessToken } from "livekit-server-sdk";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { clinicianProfiles, consultationInvitations, specialties } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";
import { specialistGrant, specialistIdentity } from "./call-identity";
import { ROOM_TOKEN_TTL_SECONDS, roomGrantFor } from "./grants";

/**
 * A short-lived LiveKit token for one consultation's room, minted only for that
 * consultation's patient account, clinician and host (facility staff beside the patient),
 * and a specialist of an accepted invitation, only while the call is open. A specialist's
 * identity names their invitation, and until the patient or host consents their token lets
 * them neither publish nor subscribe; once an invitation is removed no token is minted for
 * it again (findVisibleConsultation no longer sees them: "not found").
 */
export async function mintRoomToken(actor: Actor, consultationId: string) {
  const consultation = await findVisibleConsultation(actor, consultationId);
  if (consultation.status !== "in_call") throw new AppError("conflict", "call_not_open");

  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET, LIVEKIT_URL } = env();
  const role = consultation.viewerRole;
  if (role === "candidate") throw notFound();

  let identity = `${role}:${actor.id}`;
  let metadata: { role: string; name: string; specialty?: string } = {
    role,
    name: role === "patient" || role === "host" ? consultation.patientName : actor.name,
  };
  let grant = roomGrantFor(role, consultation.roomName);
  let invitationId: string | null = null;
  if (role === "specialist") {
    const [invitation] = await db()
      .select({ id: consultationInvitations.id, consentedAt: consultationInvitations.consentedAt, specialty: specialties.nameEn })
      .from(consultationInvitations)
      .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, consultationInvitations.inviteeId))
      .leftJoin(specialties, eq(specialties.code, clinicianProfiles.specialtyCode))
      .where(
        and(
          eq(consultationInvitations.consultationId, consultation.id),
          eq(consultationInvitations.inviteeId, actor.id),
          eq(consultationInvitations.status, "accepted"),
        ),
      )
      .limit(1);
    if (!invitation) throw notFound();
    invitationId = invitation.id;
    identity = specialistIdentity(actor.id, invitation.id);
    metadata = { role, name: actor.name, ...(invitation.specialty ? { specialty: invitation.specialty } : {}) };
    grant = specialistGrant(consultation.roomName, invitation.consentedAt !== null);
  }

  const token = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, {
    identity,
    // The host's device shows the patient sitting beside them.
    name: metadata.name,
    ttl: ROOM_TOKEN_TTL_SECONDS,
    metadata: JSON.stringify(metadata),
  });
  token.addGrant(grant);

  await db().transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.token",
      entityType: "consultation",
      entityId: consultation.id,
      patientId: consultation.patientId,
      details: invitationId ? { invitationId, identity } : undefined,
    }),
  );
  return {
    token: await token.toJwt(),
    serverUrl: LIVEKIT_URL,
    roomName: consultation.roomName,
    identity,
    role,
    // The consult timer counts from here, so a reload or a LiveKit restart does not reset it.
    admittedAt: consultation.admittedAt?.toISOString() ?? null,
  };
}
