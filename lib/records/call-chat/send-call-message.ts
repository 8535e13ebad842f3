import { z } from "zod";
import { db, type Transaction } from "@/db";
import { attachments, callMessages } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { sendCallData, type CallMessage } from "@/lib/livekit/call-data";
import { auditRecord, resolveRecordAccess } from "../access";
import { intakeImage, MAX_UPLOAD_BYTES } from "../attachments/image-intake";
import { chatParticipant, type ChatParticipant } from "./chat-participant";

export const CALL_MESSAGE_MAX = 2000;
export { MAX_UPLOAD_BYTES as CALL_PHOTO_MAX_BYTES };

export const callMessageInput = z.object({
  body: z.string().trim().min(1, "message_empty").max(CALL_MESSAGE_MAX, "message_too_long"),
});

/**
 * A chat message sent in a call: kept on the encounter (with its audit row, in one transaction)
 * before it goes to the room over LiveKit's data channel, so that what was said survives the
 * call and a reload shows it.
 */
export async function sendCallMessage(actor: Actor, consultationId: string, input: { body?: unknown }): Promise<CallMessage> {
  const parsed = callMessageInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]?.message === "message_too_long" ? "message_too_long" : "message_empty");
  const participant = await chatParticipant(actor, consultationId);
  const message = await db().transaction((tx) => insertMessage(tx, actor, participant, { body: parsed.data.body, attachmentId: null }));
  await sendCallData(participant.consultation.roomName, { kind: "chat", message });
  return message;
}

/**
 * A photo sent in a call (a lab report, a rash): re-encoded by intakeImage (too big, not an
 * image or unreadable is refused with its message key, nothing stored), kept as a `photo`
 * attachment of the patient's record on this encounter, so it shows in their timeline, and
 * sent to the room as a chat message that points to it.
 */
export async function sendCallPhoto(actor: Actor, consultationId: string, bytes: Uint8Array): Promise<CallMessage> {
  const participant = await chatParticipant(actor, consultationId);
  const image = await intakeImage(bytes);
  const message = await db().transaction(async (tx) => {
    const access = await resolveRecordAccess(actor, participant.consultation.patientId, tx);
    const [attachment] = await tx
      .insert(attachments)
      .values({
        patientId: access.patient.id,
        encounterId: participant.encounterId,
        kind: "photo",
        contentType: image.contentType,
        content: Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength),
        byteLength: image.byteLength,
        width: image.width,
        height: image.height,
        sha256: image.sha256,
        uploadedBy: actor.id,
      })
      .returning({ id: attachments.id });
    await auditRecord(tx, actor, access, {
      action: "attachment.upload",
      entityType: "attachment",
      entityId: attachment!.id,
      details: { kind: "photo", byteLength: image.byteLength, sha256: image.sha256, consultationId: participant.consultation.id },
    });
    return insertMessage(tx, actor, participant, { body: null, attachmentId: attachment!.id });
  });
  await sendCallData(participant.consultation.roomName, { kind: "chat", message });
  return message;
}

async function insertMessage(
  tx: Transaction,
  actor: Actor,
  participant: ChatParticipant,
  content: { body: string | null; attachmentId: string | null },
): Promise<CallMessage> {
  const access = await resolveRecordAccess(actor, participant.consultation.patientId, tx);
  const [row] = await tx
    .insert(callMessages)
    .values({
      consultationId: participant.consultation.id,
      encounterId: participant.encounterId,
      senderId: actor.id,
      senderRole: participant.role as "patient" | "host" | "clinician" | "specialist",
      ...content,
    })
    .returning();
  await auditRecord(tx, actor, access, {
    action: "call_message.send",
    entityType: "call_message",
    entityId: row!.id,
    details: { consultationId: participant.consultation.id, attachmentId: content.attachmentId },
  });
  return {
    id: row!.id,
    senderRole: row!.senderRole,
    senderName: senderName(actor, participant),
    body: row!.body,
    attachmentId: row!.attachmentId,
    createdAt: row!.createdAt.toISOString(),
  };
}

/** The host's device speaks for the patient beside them, but their messages carry their own name. */
const senderName = (actor: Actor, participant: ChatParticipant) => (participant.role === "patient" ? participant.consultation.patientName : actor.name);
