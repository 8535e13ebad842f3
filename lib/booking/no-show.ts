import { and, eq, lt } from "drizzle-orm";
import { db } from "@/db";
import { appointments } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";

/** A patient may still check in this long after the slot ends before the slot counts as missed. */
export const NO_SHOW_GRACE_MINUTES = 15;

/**
 * Marks as `no_show` every appointment still `booked` (never checked in) whose end plus the grace
 * period has passed, and records each in the audit log as done by the system. Run every minute by
 * the job queue; one UPDATE, so several instances running it at once mark each appointment once.
 */
export async function markNoShows(now: Date, graceMinutes = NO_SHOW_GRACE_MINUTES): Promise<string[]> {
  const cutoff = new Date(now.getTime() - graceMinutes * 60_000);
  return db().transaction(async (tx) => {
    const marked = await tx
      .update(appointments)
      .set({ status: "no_show" })
      .where(and(eq(appointments.status, "booked"), lt(appointments.endsAt, cutoff)))
      .returning({ id: appointments.id, patientId: appointments.patientId });
    for (const a of marked) {
      await recordAudit(tx, {
        actorId: null,
        action: "appointment.no_show",
        entityType: "appointment",
        entityId: a.id,
        patientId: a.patientId,
        details: { graceMinutes },
      });
    }
    return marked.map((a) => a.id);
  });
}
