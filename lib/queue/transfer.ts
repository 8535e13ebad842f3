import { eq } from "drizzle-orm";
import { db } from "@/db";
import { consultations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { closeRoom } from "@/lib/livekit/client";
import { hostsOf, lockFor, requireClinician, setAppointment } from "./consultation-change";
import { checkTarget, parseTarget } from "./queue-target";
import { canTransition, queueKeyOf } from "./rules";
import { signalQueue } from "./signal";

/**
 * A clinician sends a patient (waiting in their queue or their specialty's, or in their call) to
 * another clinician's or specialty's queue. The patient keeps their arrival time, so they do not
 * lose their turn for having been passed on.
 */
export async function transferConsultation(actor: Actor, consultationId: string, targetValue: unknown, reason: string | null): Promise<void> {
  requireClinician(actor);
  const target = parseTarget(targetValue);
  const roomName = await db().transaction(async (tx) => {
    const row = await lockFor(tx, actor, consultationId, ["clinician", "candidate"]);
    if (!target) throw new AppError("invalid", "form_invalid", { target: "target_required" });
    if ("clinicianId" in target && target.clinicianId === row.clinicianId) throw new AppError("invalid", "form_invalid", { target: "target_same" });
    if (row.status !== "waiting" && !canTransition(row.status, "waiting")) throw new AppError("conflict", "consultation_state");
    const targetErrors = await checkTarget(tx, target, row.femaleClinicianRequested);
    if (Object.keys(targetErrors).length > 0) throw new AppError("invalid", "form_invalid", targetErrors);
    const next =
      "clinicianId" in target ? { clinicianId: target.clinicianId, specialtyCode: null } : { clinicianId: null, specialtyCode: target.specialtyCode };
    await tx
      .update(consultations)
      .set({ ...next, status: "waiting", admittedAt: null, noAnswerCount: 0, patientSeenAt: new Date() })
      .where(eq(consultations.id, row.id));
    await setAppointment(tx, row, { status: "checked_in" });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.transfer",
      entityType: "consultation",
      entityId: row.id,
      patientId: row.patientId,
      details: { from: queueKeyOf(row), to: queueKeyOf(next), ...(reason?.trim() ? { reason: reason.trim().slice(0, 500) } : {}) },
    });
    await signalQueue(tx, { keys: [queueKeyOf(row), queueKeyOf(next)], consultations: [row.id], hosts: hostsOf(row) });
    return row.status === "in_call" ? row.roomName : null;
  });
  if (roomName) await closeRoom(roomName);
}
