import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { emergencyReferrals, facilities } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { clinicLocalInstant } from "@/lib/booking/slots";
import { AppError, fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { emergencyOutcomes, emergencyTransports } from "@/lib/vocabulary";
import { lockReferralFor } from "./access";

// A clock a minute or two ahead of the server's is a device's, not a time in the future.
const CLOCK_SLACK_MS = 2 * 60_000;
// Transport may have been called a little before the triage was written down.
const CALLED_BEFORE_TRIAGE_MS = 60 * 60_000;

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
/** A datetime-local field ("2026-12-02T14:30"), read as the clinic's wall clock. */
const clinicTime = z.preprocess(
  blank,
  z
    .string()
    .transform((value, ctx) => {
      const [date = "", time = ""] = value.split("T");
      const instant = clinicLocalInstant(date, time.slice(0, 5));
      if (!instant) ctx.addIssue({ code: "custom", message: "emergency_time_invalid" });
      return instant as Date;
    })
    .optional(),
);

export const emergencyUpdateInput = z.object({
  destinationFacilityId: z.preprocess(blank, z.uuid("emergency_destination_invalid").optional()),
  destinationName: z.preprocess(blank, z.string().trim().min(2, "emergency_destination_invalid").max(200, "emergency_destination_invalid").optional()),
  transport: z.preprocess(blank, formEnum(emergencyTransports, "emergency_transport_invalid").optional()),
  transportCalledAt: clinicTime,
  leftAt: clinicTime,
  outcome: z.preprocess(blank, formEnum(emergencyOutcomes, "emergency_outcome_invalid").optional()),
  outcomeNote: z.preprocess(blank, z.string().trim().max(1000, "emergency_note_too_long").optional()),
});
export type EmergencyUpdateInput = z.input<typeof emergencyUpdateInput>;

type Referral = typeof emergencyReferrals.$inferSelect;

/** The rules between the fields and against the referral's own triage time. */
function problemsOf(values: z.output<typeof emergencyUpdateInput>, referral: Referral, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  const future = (at: Date | undefined) => at !== undefined && at.getTime() > now.getTime() + CLOCK_SLACK_MS;
  if (future(values.transportCalledAt)) errors.transportCalledAt = "emergency_time_in_future";
  else if (values.transportCalledAt && values.transportCalledAt.getTime() < referral.raisedAt.getTime() - CALLED_BEFORE_TRIAGE_MS) {
    errors.transportCalledAt = "emergency_time_before_triage";
  }
  if (future(values.leftAt)) errors.leftAt = "emergency_time_in_future";
  else if (values.leftAt && values.leftAt.getTime() < referral.raisedAt.getTime() - CALLED_BEFORE_TRIAGE_MS) errors.leftAt = "emergency_time_before_triage";
  else if (values.leftAt && values.transportCalledAt && values.leftAt < values.transportCalledAt) errors.leftAt = "emergency_left_before_called";
  if (values.transportCalledAt && !values.transport) errors.transport = "emergency_transport_required";
  if (values.leftAt && !values.destinationFacilityId && !values.destinationName) errors.destinationName = "emergency_destination_required";
  if (values.destinationFacilityId && values.destinationName) errors.destinationName = "emergency_destination_one";
  return errors;
}

/**
 * The facility (or the district) records what happened to an emergency: where the patient was
 * sent, how, when transport was called and when they left, and the outcome, which closes it.
 * Decided on the locked row, audited with what it replaced, in one transaction.
 */
export async function updateEmergencyReferral(actor: Actor, referralId: string, input: EmergencyUpdateInput, now = new Date()) {
  const parsed = emergencyUpdateInput.safeParse(input);
  return db().transaction(async (tx) => {
    const referral = await lockReferralFor(tx, actor, referralId);
    if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
    const values = parsed.data;
    const errors = problemsOf(values, referral, now);
    if (values.destinationFacilityId) {
      const [hospital] = await tx.select({ id: facilities.id }).from(facilities).where(eq(facilities.id, values.destinationFacilityId));
      if (!hospital) errors.destinationFacilityId = "emergency_destination_invalid";
    }
    if (Object.keys(errors).length > 0) throw new AppError("invalid", "form_invalid", errors);
    const outcome = values.outcome ?? null;
    const change = {
      destinationFacilityId: values.destinationFacilityId ?? null,
      destinationName: values.destinationName ?? null,
      transport: values.transport ?? null,
      transportCalledAt: values.transportCalledAt ?? null,
      leftAt: values.leftAt ?? null,
      outcome,
      // The outcome is dated when it is first given (or changed), not on every save.
      outcomeAt: outcome === null ? null : outcome === referral.outcome ? referral.outcomeAt : now,
      outcomeNote: values.outcomeNote ?? null,
      updatedAt: now,
    };
    const [updated] = await tx.update(emergencyReferrals).set(change).where(eq(emergencyReferrals.id, referral.id)).returning();
    const before = Object.fromEntries(Object.keys(change).map((key) => [key, referral[key as keyof Referral]]));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "emergency_referral.update",
      entityType: "emergency_referral",
      entityId: referral.id,
      patientId: referral.patientId,
      details: { before, after: change },
    });
    return updated!;
  });
}
