import { DataPacket_Kind } from "livekit-server-sdk";
import { roomService } from "./client";

/** The data-channel topic of everything the server tells a call's participants. */
export const CALL_TOPIC = "rabta.call";

/** A chat message as the call shows it. */
export type CallMessage = {
  id: string;
  senderRole: string;
  senderName: string;
  body: string | null;
  attachmentId: string | null;
  createdAt: string;
};

/** What the server sends a room on topic `rabta.call` (the room UI's contract). */
export type CallData =
  | { kind: "chat"; message: CallMessage }
  | { kind: "consent_needed"; invitationId: string; specialistName: string; specialty: string | null }
  | { kind: "participants_changed" }
  | { kind: "recording"; allConsented: boolean };

/**
 * Sends one reliable message to a call's room (to some identities only, when given). Called
 * after the change it tells of has committed; the room may be gone (everyone left, LiveKit
 * restarting), and pages re-read what they show when they (re)join, so a failure is logged only.
 */
export async function sendCallData(roomName: string, data: CallData, destinationIdentities?: string[]): Promise<boolean> {
  try {
    await roomService().sendData(roomName, new TextEncoder().encode(JSON.stringify(data)), DataPacket_Kind.RELIABLE, {
      topic: CALL_TOPIC,
      ...(destinationIdentities ? { destinationIdentities } : {}),
    });
    return true;
  } catch (error) {
    console.warn(`[call] could not send ${data.kind} to ${roomName}`, error instanceof Error ? error.message : error);
    return false;
  }
}
