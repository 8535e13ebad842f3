import type { VideoGrant } from "livekit-server-sdk";

/** Tokens live only long enough to join; LiveKit keeps a joined participant connected. */
export const ROOM_TOKEN_TTL_SECONDS = 10 * 60;

/**
 * What a participant may do in a consultation room. Clinicians get room-admin so they can
 * remove someone or end the room; patients can only publish and subscribe.
 */
export function roomGrantFor(isClinician: boolean, roomName: string): VideoGrant {
  return {
    room: roomName,
    roomJoin: true,
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
    roomAdmin: isClinician,
    roomCreate: false,
    roomList: false,
  };
}
