import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { noteAddenda, soapNotes, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";

/**
 * One consultation's record (its note, if written) for its patient or clinician. Every
 * read is audited, so the patient can later see who opened their record.
 */
export async function readConsultationRecord(actor: Actor, consultationId: string) {
  const consultation = await findVisibleConsultation(actor, consultationId);
  return db().transaction(async (tx) => {
    const [note] = await tx
      .select({ note: soapNotes, authorName: users.name })
      .from(soapNotes)
      .innerJoin(users, eq(users.id, soapNotes.authorId))
      .where(eq(soapNotes.consultationId, consultation.id));
    const addenda = note
      ? await tx
          .select({ id: noteAddenda.id, body: noteAddenda.body, createdAt: noteAddenda.createdAt, authorName: users.name })
          .from(noteAddenda)
          .innerJoin(users, eq(users.id, noteAddenda.authorId))
          .where(eq(noteAddenda.noteId, note.note.id))
          .orderBy(asc(noteAddenda.createdAt))
      : [];
    await recordAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      purpose: consultation.viewerRole === "patient" ? "own_record" : "care",
      action: "record.view",
      entityType: "consultation",
      entityId: consultation.id,
      patientId: consultation.patientId,
    });
    return { consultation, note: note ? { ...note.note, authorName: note.authorName, addenda } : null };
  });
}
