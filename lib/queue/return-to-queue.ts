import { eq } from "drizzle-orm";
import { db } from "@/db";
import { consultations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { closeRoom } from "@/lib/livekit/client";
import { assertTransition, backToQueue, hostsOf, lockFor, requireClinician, setAppointment } from "./consultation-change";
import { queueKeyOf } from "./rules";
import { signalQueue } from "./signal";

/** Back to the queue at the patient's own place (the call failed, or the clinician must step out). */
export async function returnToQueue(actor: Actor, consultationId: string): Promise<void> {
  requireClinician(actor);
  const roomName = await db().transaction(async (tx) => {
    const row = await lockFor(tx, actor, consultationId, ["clinician"]);
    assertTransition(row, "waiting");
    const next = backToQueue(row);
    await tx.update(consultations).set(next).where(eq(consultations.id, row.id));
    await setAppointment(tx, row, { status: "checked_in" });
    await recordAudit(tx, { actorId: actor.id, action: "consultation.return_to_queue", entityType: "consultation", entityId: row.id, patientId: row.patientId });
    await signalQueue(tx, { keys: [queueKeyOf(row), queueKeyOf({ ...row, ...next })], consultations: [row.id], hosts: hostsOf(row) });
    return row.roomName;
  });
  await closeRoom(roomName);
}
