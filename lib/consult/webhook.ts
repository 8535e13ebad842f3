import type { WebhookEvent } from "livekit-server-sdk";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { consultationEvents, consultations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { webhookReceiver } from "@/lib/livekit/client";
import { isPatientSide, scheduleDroppedCallCheck } from "./dropped-call";
import { enforceAdmission } from "./invitations/enforce-admission";

type Kind = (typeof consultationEvents.$inferInsert)["kind"];

const kinds: Record<string, Kind> = {
  room_started: "room_started",
  participant_joined: "participant_joined",
  participant_left: "participant_left",
  room_finished: "room_finished",
};

/**
 * Verifies a LiveKit webhook (signed JWT in the Authorization header, with the body's
 * SHA-256) and records what happened on the consultation whose room it names, once per event
 * however often LiveKit retries it or however many nodes send it. What follows from an event
 * happens in the same transaction as its row, so a retry never does it twice:
 * - the patient's side left: a check, after a grace, whether the call dropped;
 * - the room finished: the call's duration, from the first start to this finish.
 * Then, for a participant who joined, the database decides whether they may stay (enforceAdmission);
 * that is idempotent, so it runs for a redelivered event too.
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

  const occurredAt = event.createdAt ? new Date(Number(event.createdAt) * 1000) : new Date();
  const identity = event.participant?.identity ?? null;
  await db().transaction(async (tx) => {
    const inserted = await tx
      .insert(consultationEvents)
      .values({ consultationId: consultation.id, kind, participantIdentity: identity, livekitEventId: event.id, occurredAt })
      .onConflictDoNothing({ target: consultationEvents.livekitEventId })
      .returning({ id: consultationEvents.id });
    if (inserted.length === 0) return;

    if (kind === "participant_left" && identity && isPatientSide(identity)) {
      await scheduleDroppedCallCheck(tx, { consultationId: consultation.id, identity }, occurredAt);
    }
    if (kind === "room_finished") {
      await tx
        .update(consultations)
        .set({
          callSeconds: sql`(select greatest(0, round(extract(epoch from ${occurredAt.toISOString()}::timestamptz - min(${consultationEvents.occurredAt}))))::int
            from ${consultationEvents}
            where ${and(eq(consultationEvents.consultationId, consultation.id), eq(consultationEvents.kind, "room_started"))})`,
        })
        .where(eq(consultations.id, consultation.id));
    }
  });
  await enforceAdmission(event);
}
