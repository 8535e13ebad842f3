import { eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { consultations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueInTransaction, QUEUES } from "@/lib/jobs/queue";
import { closeRoom, roomIdentities } from "@/lib/livekit/client";
import { hostsOf, setAppointment } from "@/lib/queue/consultation-change";
import { queueKeyOf } from "@/lib/queue/rules";
import { signalQueue } from "@/lib/queue/signal";

/**
 * How long the patient's side may be gone from the room before the call counts as dropped.
 * LiveKit itself waits (its departure timeout) before it reports that a participant who lost the
 * network has left; a short loss or a Wi-Fi ↔ mobile switch resumes within that, and reloading
 * the call page within this grace rejoins the same call. After it, the patient waits again at
 * the front of the queue rather than holding a room the doctor is alone in.
 */
export const DROPPED_CALL_GRACE_MS = 30_000;

/** The payload of one `call-dropped` job: who left which consultation's room. */
export const droppedCallJob = z.object({ consultationId: z.uuid(), identity: z.string().min(1) });
export type DroppedCallJob = z.infer<typeof droppedCallJob>;

/** The patient's side of a call: the patient's own device, or the facility device hosting them. */
export function isPatientSide(identity: string): boolean {
  return identity.startsWith("patient:") || identity.startsWith("host:");
}

/** Called as LiveKit reports the patient's side left: look again once the grace has passed. */
export async function scheduleDroppedCallCheck(tx: Transaction, job: DroppedCallJob, leftAt: Date): Promise<void> {
  await enqueueInTransaction(tx, [
    { name: QUEUES.callDropped, data: job, startAfter: new Date(leftAt.getTime() + DROPPED_CALL_GRACE_MS) },
  ]);
}

/**
 * The `call-dropped` worker. If the consultation is still in its call and the patient's side is
 * not back in the room (LiveKit's own list of participants, not our event log, which misses
 * nothing only while LiveKit is up), the patient goes back to the waiting room at the front of
 * their clinician's queue and the room closes. LiveKit unreachable: the job fails and is retried.
 */
export async function checkDroppedCall(data: unknown): Promise<"dropped" | "still_in_call" | "over"> {
  const job = droppedCallJob.parse(data);
  const [current] = await db()
    .select({ status: consultations.status, roomName: consultations.roomName })
    .from(consultations)
    .where(eq(consultations.id, job.consultationId));
  if (current?.status !== "in_call") return "over";
  if ((await roomIdentities(current.roomName)).includes(job.identity)) return "still_in_call";

  const dropped = await db().transaction(async (tx) => {
    const [row] = await tx.select().from(consultations).where(eq(consultations.id, job.consultationId)).for("update");
    if (row?.status !== "in_call") return null;
    const now = new Date();
    // Their own clinician's queue, even when they first waited in a specialty's: the doctor who
    // was seeing them calls them back.
    await tx
      .update(consultations)
      .set({ status: "waiting", admittedAt: null, callDroppedAt: now, callDrops: row.callDrops + 1, patientSeenAt: now })
      .where(eq(consultations.id, row.id));
    await setAppointment(tx, row, { status: "checked_in" });
    await recordAudit(tx, {
      actorId: null,
      action: "consultation.call_dropped",
      entityType: "consultation",
      entityId: row.id,
      patientId: row.patientId,
      details: { identity: job.identity },
    });
    await signalQueue(tx, { keys: [queueKeyOf(row)], consultations: [row.id], hosts: hostsOf(row) });
    return row;
  });
  if (!dropped) return "over";
  await closeRoom(dropped.roomName);
  return "dropped";
}
