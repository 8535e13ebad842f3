import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { callModeReasons, callModes, callRoles } from "@/db/enums";
import { callModeChanges, consultations, patients } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { findVisibleConsultation, roleIn } from "@/lib/queue/consultation-access";
import type { CallRole } from "./grants";

export const recordCallModeInput = z.object({
  mode: z.enum(callModes),
  reason: z.enum(callModeReasons),
  connectionQuality: z.enum(["excellent", "good", "poor", "lost", "unknown"]).optional(),
});
export type RecordCallModeInput = z.infer<typeof recordCallModeInput>;

const isCallRole = (role: string): role is CallRole => (callRoles as readonly string[]).includes(role);

/**
 * One step of a participant's degrade ladder (video → low video → audio-only, and back), logged
 * on the encounter so that reports can tell how often calls ran on sound alone and why. Only
 * someone in the call may log a step, and only for themselves, while the call is on; anyone
 * else gets "not found". A mode or reason outside the vocabulary is `invalid`.
 */
export async function recordCallMode(actor: Actor, consultationId: string, input: unknown): Promise<void> {
  const parsed = recordCallModeInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "call_mode_invalid");
  const step = parsed.data;
  const consultation = await findVisibleConsultation(actor, consultationId);
  const participantRole = consultation.viewerRole;
  if (!isCallRole(participantRole)) throw notFound();

  await db().transaction(async (tx) => {
    // On the locked row: the clinician may have ended the call, or handed it on, a moment ago.
    const [current] = await tx
      .select({
        id: consultations.id,
        status: consultations.status,
        encounterId: consultations.encounterId,
        clinicianId: consultations.clinicianId,
        specialtyCode: consultations.specialtyCode,
        hostedBy: consultations.hostedBy,
        femaleClinicianRequested: consultations.femaleClinicianRequested,
        accountId: patients.accountId,
      })
      .from(consultations)
      .innerJoin(patients, eq(patients.id, consultations.patientId))
      .where(eq(consultations.id, consultation.id))
      .for("update", { of: consultations });
    if (!current) throw notFound();
    // Re-checked on the locked row (a specialist's part rests on their invitation, which roleIn reads).
    if ((await roleIn(actor, current)) !== participantRole) throw notFound();
    if (current.status !== "in_call") throw new AppError("conflict", "call_not_open");

    await tx.insert(callModeChanges).values({
      consultationId: consultation.id,
      encounterId: current.encounterId,
      userId: actor.id,
      participantRole,
      mode: step.mode,
      reason: step.reason,
      connectionQuality: step.connectionQuality ?? null,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.call_mode",
      entityType: "consultation",
      entityId: consultation.id,
      patientId: consultation.patientId,
      details: { mode: step.mode, reason: step.reason, connectionQuality: step.connectionQuality ?? null, participantRole },
    });
  });
}
