// The LiveKit server API, a leaf both consult (tokens, webhooks, ending calls) and queue (closing
// a room when a patient goes back to the queue) use, so neither has to import the other.
import { RoomServiceClient, ServerError, WebhookReceiver } from "livekit-server-sdk";
import { env } from "@/lib/env";

/** LiveKit's HTTP API lives at the same host as its WebSocket URL. */
export function livekitHttpUrl(): string {
  return env().LIVEKIT_URL.replace(/^ws/, "http");
}

/** A client of LiveKit's room API, signed with this deployment's key. */
export function roomService(): RoomServiceClient {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  return new RoomServiceClient(livekitHttpUrl(), LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
}

/** Verifies the signature of LiveKit's webhooks before anything acts on them. */
export function webhookReceiver(): WebhookReceiver {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  return new WebhookReceiver(LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
}

/**
 * Closes a call's room for everyone in it. The room may already be gone (everyone left, or
 * LiveKit restarted), and the change that closes it has committed either way, so a failure is
 * not an error.
 */
export async function closeRoom(roomName: string): Promise<void> {
  await roomService()
    .deleteRoom(roomName)
    .catch(() => undefined);
}

/**
 * Who is in a room right now, by identity; a room LiveKit does not have (never started, closed,
 * or lost with a restarted server) has nobody. Any other failure is thrown: "LiveKit did not
 * answer" must not read as "the room is empty".
 */
export async function roomIdentities(roomName: string, service: RoomServiceClient = roomService()): Promise<string[]> {
  try {
    return (await service.listParticipants(roomName)).map((participant) => participant.identity);
  } catch (error) {
    if (error instanceof ServerError && (error.status === 404 || error.code === "not_found")) return [];
    throw error;
  }
}

/** For the health check: true when LiveKit answers an authenticated API call in time. */
export async function livekitReachable(timeoutMs = 2_000): Promise<boolean> {
  try {
    await Promise.race([
      roomService().listRooms(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}
