import { asc, eq } from "drizzle-orm";
import { callMessages, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import type { CallMessage } from "@/lib/livekit/call-data";
import { readRecord } from "../access";
import { chatParticipant } from "./chat-participant";

/** A call's chat so far, oldest first, for its participants; the read is audited like any of the record. */
export async function listCallMessages(actor: Actor, consultationId: string): Promise<CallMessage[]> {
  const participant = await chatParticipant(actor, consultationId);
  const { consultation } = participant;
  return readRecord(actor, consultation.patientId, { action: "call_message.list", entityType: "consultation", entityId: consultation.id }, async (tx) => {
    const rows = await tx
      .select({ message: callMessages, name: users.name })
      .from(callMessages)
      .innerJoin(users, eq(users.id, callMessages.senderId))
      .where(eq(callMessages.consultationId, consultation.id))
      .orderBy(asc(callMessages.createdAt), asc(callMessages.id));
    return rows.map(({ message, name }) => ({
      id: message.id,
      senderRole: message.senderRole,
      senderName: message.senderRole === "patient" ? consultation.patientName : name,
      body: message.body,
      attachmentId: message.attachmentId,
      createdAt: message.createdAt.toISOString(),
    }));
  });
}
