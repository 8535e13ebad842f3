import { eq } from "drizzle-orm";
import { db } from "@/db";
import { soapNotes } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { auditRecord } from "./access";
import { lockEncounterForWriting } from "./encounter-access";

/**
 * The author signs the consultation's note: from then on PostgreSQL refuses any change to it,
 * and corrections are addenda (addNoteAddendum).
 */
export async function signSoapNote(actor: Actor, consultationId: string, now = new Date()): Promise<{ signedAt: Date; version: number }> {
  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician"]);
    const [note] = await tx.select().from(soapNotes).where(eq(soapNotes.consultationId, consultationId)).for("update");
    if (!note) throw new AppError("conflict", "note_missing");
    if (note.authorId !== actor.id) throw notFound();
    if (note.signedAt) return { signedAt: note.signedAt, version: note.version };
    await tx.update(soapNotes).set({ signedAt: now }).where(eq(soapNotes.id, note.id));
    await auditRecord(tx, actor, encounter.access, {
      action: "note.sign",
      entityType: "soap_note",
      entityId: note.id,
      details: { version: note.version, encounterId: encounter.encounterId },
    });
    return { signedAt: now, version: note.version };
  });
}
