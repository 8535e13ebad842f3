import type { ParticipantPermission, VideoGrant } from "livekit-server-sdk";
import { roomGrantFor } from "./grants";

/**
 * Who a LiveKit identity says it is. Patients, hosts and clinicians are `<role>:<userId>`; a
 * specialist is `specialist:<userId>:<invitationId>`, one identity per invitation, so that once an
 * invitation is removed its identity can be refused by name whatever token it comes with.
 */
export type CallIdentity =
  | { role: "patient" | "host" | "clinician"; userId: string; invitationId: null }
  | { role: "specialist"; userId: string; invitationId: string };

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const pattern = new RegExp(`^(patient|host|clinician):(${uuid})$|^specialist:(${uuid}):(${uuid})$`, "i");

export function specialistIdentity(userId: string, invitationId: string): string {
  return `specialist:${userId}:${invitationId}`;
}

/** Reads an identity this app minted; anything else is null (and admitted by no one). */
export function parseCallIdentity(identity: string): CallIdentity | null {
  const match = pattern.exec(identity);
  if (!match) return null;
  if (match[1]) return { role: match[1] as "patient" | "host" | "clinician", userId: match[2]!.toLowerCase(), invitationId: null };
  return { role: "specialist", userId: match[3]!.toLowerCase(), invitationId: match[4]!.toLowerCase() };
}

/** What a consented specialist may do: what their role's grant gives, without room-admin. */
const consented = roomGrantFor("specialist", "");

/**
 * A specialist before the patient (or the host beside them) consents: in the room, but
 * nothing of theirs reaches anyone and nothing reaches them, not even the chat.
 */
export const withheldPermission: Partial<ParticipantPermission> = {
  canSubscribe: false,
  canPublish: false,
  canPublishData: false,
  canPublishSources: [],
  canUpdateMetadata: false,
};

/**
 * A specialist the patient has let in: as a clinician in the call, without room-admin, and, like
 * everyone, able to set their own attributes (how the others learn their call went audio-only).
 */
export const consentedPermission: Partial<ParticipantPermission> = {
  canSubscribe: true,
  canPublish: true,
  canPublishData: true,
  canPublishSources: consented.canPublishSources,
  canUpdateMetadata: true,
};

/** The grant of a specialist's token: withheld until consent, and never room-admin. */
export function specialistGrant(roomName: string, hasConsent: boolean): VideoGrant {
  const grant = roomGrantFor("specialist", roomName);
  if (hasConsent) return grant;
  return { ...grant, canPublish: false, canSubscribe: false, canPublishData: false, canPublishSources: [], canUpdateOwnMetadata: false };
}
