import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { complaintEvents, complaints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { complaintInScope } from "./access";
import { queueComplaintNotice } from "./notices";

export const resolveInput = z.object({
  resolution: z.string({ error: "complaint_resolution_required" }).trim().min(10, "complaint_resolution_required").max(1000, "complaint_note_too_long"),
});

/**
 * An officer resolves the complaint with resolution notes, which the complainant is sent and can
 * read; a resolved complaint is never escalated. Audited on the locked row.
 */
export async function resolveComplaint(actor: Actor, complaintId: string, input: Partial<z.input<typeof resolveInput>>, now = new Date()) {
  const parsed = resolveInput.safeParse(input);
  return db().transaction(async (tx) => {
    const { complaint } = await complaintInScope(tx, actor, complaintId, { lock: true });
    if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
    if (complaint.status === "resolved") throw new AppError("conflict", "complaint_already_resolved");
    await tx
      .update(complaints)
      .set({ status: "resolved", resolvedAt: now, resolution: parsed.data.resolution, assignedTo: complaint.assignedTo ?? actor.id })
      .where(eq(complaints.id, complaint.id));
    const [event] = await tx
      .insert(complaintEvents)
      .values({ complaintId: complaint.id, kind: "resolved", actorId: actor.id, note: parsed.data.resolution, at: now })
      .returning();
    await queueComplaintNotice(tx, event!.id);
    await recordAudit(tx, { actorId: actor.id, action: "complaint.resolve", entityType: "complaint", entityId: complaint.id });
  });
}
