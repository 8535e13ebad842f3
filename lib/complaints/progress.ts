import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { complaintEvents, complaints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { blankAsMissing } from "@/lib/form-fields";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { complaintInScope } from "./access";
import { queueComplaintNotice } from "./notices";


export const progressInput = z.object({ note: z.preprocess(blankAsMissing, z.string().trim().max(1000, "complaint_note_too_long").optional()) });

/**
 * An officer says the complaint is being looked into, with a note the complainant reads (in the
 * text and on the status page). Unassigned, it becomes the officer's own. Audited on the locked row.
 */
export async function markInProgress(actor: Actor, complaintId: string, input: Partial<z.input<typeof progressInput>>, now = new Date()) {
  const parsed = progressInput.safeParse(input);
  return db().transaction(async (tx) => {
    const { complaint } = await complaintInScope(tx, actor, complaintId, { lock: true });
    if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
    if (complaint.status === "resolved") throw new AppError("conflict", "complaint_already_resolved");
    await tx
      .update(complaints)
      .set({ status: "in_progress", assignedTo: complaint.assignedTo ?? actor.id })
      .where(eq(complaints.id, complaint.id));
    const [event] = await tx
      .insert(complaintEvents)
      .values({ complaintId: complaint.id, kind: "in_progress", actorId: actor.id, note: parsed.data.note ?? null, at: now })
      .returning();
    await queueComplaintNotice(tx, event!.id);
    await recordAudit(tx, { actorId: actor.id, action: "complaint.in_progress", entityType: "complaint", entityId: complaint.id });
  });
}
