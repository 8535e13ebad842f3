import { eq } from "drizzle-orm";
import { db } from "@/db";
import { appointments, consultations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { closeRoom } from "@/lib/livekit/client";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";
import { canTransition, queueKeyOf } from "@/lib/queue/rules";
import { signalQueue } from "@/lib/queue/signal";

/** The clinician ends the consultation: the room closes for everyone and the visit is complete. */
export async function endConsultation(actor: Actor, consultationId: string): Promise<void> {
  const consultation = await findVisibleConsultation(actor, consultationId);
  if (!consultation.viewerIsClinician) throw notFound();
  await db().transaction(async (tx) => {
    // Re-read under a lock: a transfer or a return to the queue may have just changed it.
    const [current] = await tx
      .select({ status: consultations.status, clinicianId: consultations.clinicianId })
      .from(consultations)
      .where(eq(consultations.id, consultation.id))
      .for("update");
    if (current?.clinicianId !== actor.id) throw notFound();
    if (!canTransition(current.status, "completed")) throw new AppError("conflict", "consultation_state");
    await tx
      .update(consultations)
      .set({ status: "completed", endedAt: new Date() })
      .where(eq(consultations.id, consultation.id));
    if (consultation.appointmentId) {
      await tx.update(appointments).set({ status: "completed" }).where(eq(appointments.id, consultation.appointmentId));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.end",
      entityType: "consultation",
      entityId: consultation.id,
      patientId: consultation.patientId,
    });
    // The queue's estimates change as a call ends; a host's list shows the visit is over.
    await signalQueue(tx, {
      keys: [queueKeyOf(consultation)],
      consultations: [consultation.id],
      hosts: consultation.hostedBy ? [consultation.hostedBy] : [],
    });
  });
  await closeRoom(consultation.roomName);
}
