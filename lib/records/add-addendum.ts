import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { noteAddenda, soapNotes, type NoteAddendum } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { auditRecord } from "./access";
import { lockEncounterForWriting } from "./encounter-access";

export const addendumInput = z.object({ body: z.string().trim().min(1, "addendum_empty").max(10_000, "note_too_long") });
export type AddendumInput = z.input<typeof addendumInput>;

/** A clinician of the encounter adds a correction or an addition to its signed note. */
export async function addNoteAddendum(actor: Actor, consultationId: string, input: AddendumInput): Promise<NoteAddendum> {
  const parsed = addendumInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician"]);
    const [note] = await tx.select({ id: soapNotes.id, signedAt: soapNotes.signedAt }).from(soapNotes).where(eq(soapNotes.consultationId, consultationId));
    if (!note?.signedAt) throw new AppError("conflict", "note_not_signed");
    const [addendum] = await tx.insert(noteAddenda).values({ noteId: note.id, authorId: actor.id, body: parsed.data.body }).returning();
    await auditRecord(tx, actor, encounter.access, {
      action: "note.addendum",
      entityType: "note_addendum",
      entityId: addendum!.id,
      details: { noteId: note.id },
    });
    return addendum!;
  });
}
