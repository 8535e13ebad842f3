import { eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { complaintEvents, complaints } from "@/db/schema";
import { enqueueInTransaction, QUEUES } from "@/lib/jobs/queue";
import { queueComplaintNotice } from "./notices";
import { dueAfter, isOverdue, MAX_ESCALATION_LEVEL } from "./sla";

/** The payload of one `complaint-sla` job: the complaint, at the level whose SLA it checks. */
export const complaintSlaJob = z.object({ complaintId: z.uuid(), level: z.number().int().min(0) });

/**
 * Queues the durable check that escalates the complaint if it is still open, at this level,
 * when `dueAt` comes — in the caller's transaction, so a filed or escalated complaint always
 * has its next check.
 */
export async function queueSlaCheck(tx: Transaction, complaintId: string, level: number, dueAt: Date): Promise<void> {
  await enqueueInTransaction(tx, [{ name: QUEUES.complaintSla, data: { complaintId, level }, startAfter: dueAt }]);
}

export type EscalationOutcome = "escalated" | "resolved" | "not_due" | "moved_on" | "top_level" | "gone";

/**
 * The worker side: on the locked row, a complaint still open at the checked level and past its
 * due time goes up a level (district → province → the provincial secretary's desk), gets a new
 * due time of its category's SLA from now, an "escalated" event, a text to the complainant and
 * the next check. Resolved, already escalated further, not yet due (the job ran early) or at the
 * top level: nothing changes. Running it twice escalates once.
 */
export async function escalateIfOverdue(payload: unknown, now = new Date()): Promise<EscalationOutcome> {
  const job = complaintSlaJob.parse(payload);
  return db().transaction(async (tx) => {
    const [complaint] = await tx.select().from(complaints).where(eq(complaints.id, job.complaintId)).for("update");
    if (!complaint) return "gone";
    if (complaint.status === "resolved") return "resolved";
    if (complaint.escalationLevel !== job.level) return "moved_on";
    if (!isOverdue(complaint, now)) {
      // Due later than this job was queued for: check again then.
      await queueSlaCheck(tx, complaint.id, complaint.escalationLevel, complaint.dueAt);
      return "not_due";
    }
    if (complaint.escalationLevel >= MAX_ESCALATION_LEVEL) return "top_level";
    const level = complaint.escalationLevel + 1;
    const dueAt = dueAfter(complaint.category, now);
    await tx.update(complaints).set({ escalationLevel: level, dueAt }).where(eq(complaints.id, complaint.id));
    const [event] = await tx
      .insert(complaintEvents)
      .values({ complaintId: complaint.id, kind: "escalated", details: { level, overdueSince: complaint.dueAt.toISOString() }, at: now })
      .returning();
    await queueComplaintNotice(tx, event!.id);
    await queueSlaCheck(tx, complaint.id, level, dueAt);
    return "escalated";
  });
}
