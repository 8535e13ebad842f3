import { eq } from "drizzle-orm";
import { db } from "@/db";
import { consultations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { hostsOf, lockFor, setAppointment } from "./consultation-change";
import { queueKeyOf } from "./rules";
import { signalQueue } from "./signal";

/** The patient (or the staff hosting them) leaves the queue. */
export async function withdrawFromQueue(actor: Actor, consultationId: string): Promise<void> {
  await db().transaction(async (tx) => {
    const row = await lockFor(tx, actor, consultationId, ["patient", "host"]);
    if (row.status !== "waiting") throw new AppError("conflict", "consultation_state");
    const now = new Date();
    await tx.update(consultations).set({ status: "cancelled", exitReason: "withdrawn", endedAt: now }).where(eq(consultations.id, row.id));
    await setAppointment(tx, row, { status: "cancelled", cancelledAt: now, cancelledBy: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: "consultation.withdraw", entityType: "consultation", entityId: row.id, patientId: row.patientId });
    await signalQueue(tx, { keys: [queueKeyOf(row)], consultations: [row.id], hosts: hostsOf(row) });
  });
}
