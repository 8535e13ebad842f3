import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { complaintEvents, complaints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { complaintInScope, officersFor } from "./access";
import { queueComplaintNotice } from "./notices";

export const assignInput = z.object({ officerId: z.string().default("") });

/**
 * The district office gives a complaint to one of its officers (or the province's). The first
 * assignment moves it from received to assigned and texts the complainant; a reassignment is
 * recorded in the history without a text. Audited on the locked row.
 */
export async function assignComplaint(actor: Actor, complaintId: string, input: z.input<typeof assignInput>, now = new Date()) {
  const { officerId } = assignInput.parse(input);
  return db().transaction(async (tx) => {
    const { complaint, districtId } = await complaintInScope(tx, actor, complaintId, { lock: true });
    if (complaint.status === "resolved") throw new AppError("conflict", "complaint_already_resolved");
    const officer = (await officersFor(tx, districtId)).find((candidate) => candidate.id === officerId);
    if (!officer) throw new AppError("invalid", "form_invalid", { officerId: "complaint_officer_invalid" });
    const first = complaint.status === "received";
    await tx
      .update(complaints)
      .set({ assignedTo: officer.id, ...(first ? { status: "assigned" as const } : {}) })
      .where(eq(complaints.id, complaint.id));
    const [event] = await tx
      .insert(complaintEvents)
      .values({ complaintId: complaint.id, kind: "assigned", actorId: actor.id, details: { officerId: officer.id, officerName: officer.name }, at: now })
      .returning();
    if (first) await queueComplaintNotice(tx, event!.id);
    await recordAudit(tx, { actorId: actor.id, action: "complaint.assign", entityType: "complaint", entityId: complaint.id, details: { officerId: officer.id } });
    return { officer };
  });
}
