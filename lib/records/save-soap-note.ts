import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { noteRevisions, soapNotes, type SoapNote } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";

const section = z.string().trim().max(10_000, "note_too_long");

export const soapNoteInput = z
  .object({ subjective: section, objective: section, assessment: section, plan: section })
  .refine((n) => n.subjective || n.objective || n.assessment || n.plan, {
    message: "note_empty",
    path: ["subjective"],
  });
export type SoapNoteInput = z.input<typeof soapNoteInput>;

/**
 * Saves the consultation's draft SOAP note against the patient's MR ID. Each save is a new
 * version; earlier versions stay in note_revisions. A signed note is never saved over.
 */
export async function saveSoapNote(actor: Actor, consultationId: string, input: SoapNoteInput): Promise<SoapNote> {
  const consultation = await findVisibleConsultation(actor, consultationId);
  if (!consultation.viewerIsClinician) throw notFound();
  const parsed = soapNoteInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const content = parsed.data;

  return db().transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(soapNotes)
      .where(eq(soapNotes.consultationId, consultation.id))
      .for("update");
    // PostgreSQL refuses the update of a signed note anyway; this says so in words.
    if (current?.signedAt) throw new AppError("conflict", "note_signed");
    const version = (current?.version ?? 0) + 1;
    const [note] = current
      ? await tx
          .update(soapNotes)
          .set({ ...content, version, authorId: actor.id, updatedAt: new Date() })
          .where(eq(soapNotes.id, current.id))
          .returning()
      : await tx
          .insert(soapNotes)
          .values({
            ...content,
            consultationId: consultation.id,
            patientId: consultation.patientId,
            mrId: consultation.mrId,
            authorId: actor.id,
          })
          .returning();
    await tx.insert(noteRevisions).values({ ...content, noteId: note!.id, version, authorId: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: current ? "note.revise" : "note.create",
      entityType: "soap_note",
      entityId: note!.id,
      patientId: consultation.patientId,
      details: { version },
    });
    return note!;
  });
}
