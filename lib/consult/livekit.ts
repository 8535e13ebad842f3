import { RoomServiceClient, WebhookReceiver } from "livekit-server-sdk";
import { env } from "@/lib/env";

/** LiveKit's HTTP API lives at the same host as its WebSocket URL. */
export function livekitHttpUrl(): string {
  return env().LIVEKIT_URL.replace(/^ws/, "http");
}

export function roomService(): RoomServiceClient {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  return new RoomServiceClient(livekitHttpUrl(), LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
}

export function webhookReceiver(): WebhookReceiver {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  return new WebhookReceiver(LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
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
