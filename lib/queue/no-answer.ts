import { eq } from "drizzle-orm";
import { db } from "@/db";
import { consultations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { closeRoom } from "@/lib/livekit/client";
import { assertTransition, backToQueue, hostsOf, lockFor, requireClinician, setAppointment } from "./consultation-change";
import { queueRemovalNotice } from "./removal-notice";
import { queueKeyOf } from "./rules";
import { signalQueue } from "./signal";

/**
 * The patient did not answer the call: the first time they go back to their place in the queue,
 * the second time they leave it and are told by SMS.
 */
export async function markNoAnswer(actor: Actor, consultationId: string): Promise<{ removed: boolean }> {
  requireClinician(actor);
  const result = await db().transaction(async (tx) => {
    const row = await lockFor(tx, actor, consultationId, ["clinician"]);
    if (row.status !== "in_call") throw new AppError("conflict", "consultation_state");
    const removed = row.noAnswerCount >= 1;
    assertTransition(row, removed ? "cancelled" : "waiting");
    const now = new Date();
    const next = removed
      ? { status: "cancelled" as const, exitReason: "no_answer" as const, endedAt: now, noAnswerCount: row.noAnswerCount + 1 }
      : { ...backToQueue(row), noAnswerCount: 1 };
    await tx.update(consultations).set(next).where(eq(consultations.id, row.id));
    await setAppointment(tx, row, removed ? { status: "cancelled", cancelledAt: now } : { status: "checked_in" });
    await recordAudit(tx, {
      actorId: actor.id,
      action: removed ? "consultation.no_answer_removed" : "consultation.no_answer",
      entityType: "consultation",
      entityId: row.id,
      patientId: row.patientId,
    });
    if (removed) await queueRemovalNotice(tx, [{ consultationId: row.id, reason: "no_answer" }]);
    const after = { ...row, ...next };
    await signalQueue(tx, { keys: [queueKeyOf(row), ...(removed ? [] : [queueKeyOf(after)])], consultations: [row.id], hosts: hostsOf(row) });
    return { removed, roomName: row.roomName };
  });
  await closeRoom(result.roomName);
  return { removed: result.removed };
}
