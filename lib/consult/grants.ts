import { TrackSource, type VideoGrant } from "livekit-server-sdk";
import type { callRoles } from "@/db/enums";

/** Who someone is in the call (the role label on their tile); see consultation_invitations for specialists. */
export type CallRole = (typeof callRoles)[number];

/** Tokens live only long enough to join; LiveKit keeps a joined participant connected. */
export const ROOM_TOKEN_TTL_SECONDS = 10 * 60;

/**
 * What a participant may do in a consultation room. Everyone publishes camera and microphone;
 * only clinicians (the consultation's own and an invited specialist) may share a screen, to show
 * an X-ray or a report: a patient's shared screen could show anything of theirs to everyone.
 * The consultation's clinician gets room-admin so they can remove someone or end the room.
 * Everyone may set their own attributes, which is how the other side learns that this side's
 * connection went audio-only (`callMode`); the name and metadata come from the token and the
 * server alone, since LiveKit's grant allows no finer split.
 */
export function roomGrantFor(role: CallRole, roomName: string): VideoGrant {
  const clinical = role === "clinician" || role === "specialist";
  return {
    room: roomName,
    roomJoin: true,
    canPublish: true,
    canPublishSources: clinical
      ? [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE]
      : [TrackSource.CAMERA, TrackSource.MICROPHONE],
    canSubscribe: true,
    canPublishData: true,
    canUpdateOwnMetadata: true,
    roomAdmin: role === "clinician",
    roomCreate: false,
    roomList: false,
  };
}
