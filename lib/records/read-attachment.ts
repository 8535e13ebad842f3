import { eq } from "drizzle-orm";
import { db } from "@/db";
import { attachments } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { readRecord } from "./access";

/**
 * An attachment's bytes (as re-encoded on arrival) and content type, for anyone who may open
 * the patient's record; the read is audited. Anyone the record is hidden from gets "not found",
 * exactly as for an id that names nothing.
 */
export async function readAttachment(actor: Actor, attachmentId: string): Promise<{ bytes: Buffer; contentType: string }> {
  if (!isUuid(attachmentId)) throw notFound();
  const [owner] = await db().select({ patientId: attachments.patientId }).from(attachments).where(eq(attachments.id, attachmentId));
  if (!owner) throw notFound();
  return readRecord(actor, owner.patientId, { action: "attachment.read", entityType: "attachment", entityId: attachmentId }, async (tx) => {
    const [row] = await tx
      .select({ content: attachments.content, contentType: attachments.contentType })
      .from(attachments)
      .where(eq(attachments.id, attachmentId));
    if (!row) throw notFound();
    return { bytes: row.content, contentType: row.contentType };
  });
}
