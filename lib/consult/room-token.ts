import { AccessToken } from "livekit-server-sdk";
import { db } from "@/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";
import { ROOM_TOKEN_TTL_SECONDS, roomGrantFor } from "./grants";

/**
 * A short-lived LiveKit token for one consultation's room, minted only for that
 * consultation's patient account, clinician and host (facility staff beside the patient),
 * and only while the call is open.
 */
export async function mintRoomToken(actor: Actor, consultationId: string) {
  const consultation = await findVisibleConsultation(actor, consultationId);
  if (consultation.status !== "in_call") throw new AppError("conflict", "call_not_open");

  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET, LIVEKIT_URL } = env();
  const role = consultation.viewerRole;
  if (role === "candidate") throw notFound();
  // The host's device shows the patient sitting beside them.
  const name = role === "patient" || role === "host" ? consultation.patientName : actor.name;
  const identity = `${role}:${actor.id}`;
  const token = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, {
    identity,
    name,
    ttl: ROOM_TOKEN_TTL_SECONDS,
    // The role label on each tile (the room notes' contract: { role, name, specialty? }).
    metadata: JSON.stringify({ role, name }),
  });
  token.addGrant(roomGrantFor(role, consultation.roomName));

  await db().transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.token",
      entityType: "consultation",
      entityId: consultation.id,
      patientId: consultation.patientId,
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
