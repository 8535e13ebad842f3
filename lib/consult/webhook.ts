import type { WebhookEvent } from "livekit-server-sdk";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { consultationEvents, consultations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { webhookReceiver } from "@/lib/livekit/client";

type Kind = (typeof consultationEvents.$inferInsert)["kind"];

const kinds: Record<string, Kind> = {
  room_started: "room_started",
  participant_joined: "participant_joined",
  participant_left: "participant_left",
  room_finished: "room_finished",
};

/**
 * Verifies a LiveKit webhook (signed JWT in the Authorization header, with the body's
 * SHA-256) and records what happened on the consultation whose room it names.
 */
export async function receiveLiveKitWebhook(rawBody: string, authorization: string | null): Promise<void> {
  let event: WebhookEvent;
  try {
    event = await webhookReceiver().receive(rawBody, authorization ?? undefined);
  } catch {
    throw new AppError("unauthorized", "webhook_signature");
  }
  const kind = kinds[event.event];
  const roomName = event.room?.name;
  if (!kind || !roomName || !event.id) return;

  const [consultation] = await db()
    .select({ id: consultations.id })
    .from(consultations)
    .where(eq(consultations.roomName, roomName));
  if (!consultation) return;

  await db()
    .insert(consultationEvents)
    .values({
      consultationId: consultation.id,
      kind,
      participantIdentity: event.participant?.identity ?? null,
      livekitEventId: event.id,
      occurredAt: event.createdAt ? new Date(Number(event.createdAt) * 1000) : new Date(),
    })
    .onConflictDoNothing({ target: consultationEvents.livekitEventId });
}
