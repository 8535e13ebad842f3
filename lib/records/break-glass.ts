import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { breakGlassGrants, facilities, patients, users, type BreakGlassGrant } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { isUuid } from "@/lib/ids";
import { breakGlassRoles } from "./access";

/** How long an emergency access may last: long enough for one emergency, never open-ended. */
export const breakGlassMinutes = ["15", "60", "240"] as const;

export const breakGlassInput = z.object({
  reason: z.string().trim().min(10, "break_glass_reason_short").max(500, "break_glass_reason_long"),
  minutes: formEnum(breakGlassMinutes, "break_glass_minutes"),
});
export type BreakGlassInput = z.input<typeof breakGlassInput>;

/**
 * A clinician or facility member with no encounter with the patient opens the record in an
 * emergency: with a reason, for a limited time, flagged for an admin's review and shown to the
 * patient. The patient is found by their record id as staff search shows it; a patient who
 * does not exist is "not found" here as everywhere.
 */
export async function openBreakGlass(actor: Actor, patientId: string, input: BreakGlassInput, now = new Date()): Promise<BreakGlassGrant> {
  if (!breakGlassRoles.includes(actor.role) || !isUuid(patientId)) throw notFound();
  const parsed = breakGlassInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  return db().transaction(async (tx) => {
    const [patient] = await tx.select({ id: patients.id, mergedIntoId: patients.mergedIntoId }).from(patients).where(eq(patients.id, patientId)).for("share");
    if (!patient) throw notFound();
    const survivorId = patient.mergedIntoId ?? patient.id;
    const [grant] = await tx
      .insert(breakGlassGrants)
      .values({
        actorId: actor.id,
        patientId: survivorId,
        reason: parsed.data.reason,
        grantedAt: now,
        expiresAt: new Date(now.getTime() + Number(parsed.data.minutes) * 60_000),
      })
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "break_glass.open",
      entityType: "break_glass_grant",
      entityId: grant!.id,
      patientId: survivorId,
      purpose: "break_glass",
      breakGlassId: grant!.id,
      details: { minutes: Number(parsed.data.minutes) },
    });
    return grant!;
  });
}

/** Emergency accesses an admin has not reviewed yet, oldest first. */
export async function listBreakGlassForReview(actor: Actor) {
  if (actor.role !== "admin") throw notFound();
  return db()
    .select({
      id: breakGlassGrants.id,
      reason: breakGlassGrants.reason,
      grantedAt: breakGlassGrants.grantedAt,
      expiresAt: breakGlassGrants.expiresAt,
      actorName: users.name,
      actorRole: users.role,
      facilityName: facilities.name,
      patientMrId: patients.mrId,
    })
    .from(breakGlassGrants)
    .innerJoin(users, eq(users.id, breakGlassGrants.actorId))
    .leftJoin(facilities, eq(facilities.id, users.facilityId))
    .innerJoin(patients, eq(patients.id, breakGlassGrants.patientId))
    .where(isNull(breakGlassGrants.reviewedAt))
    .orderBy(asc(breakGlassGrants.grantedAt));
}

export const breakGlassReviewInput = z.object({ note: z.string().trim().min(1, "review_note_required").max(1_000, "review_note_long") });

/** An admin records their review of one emergency access. */
export async function reviewBreakGlass(actor: Actor, grantId: string, input: z.input<typeof breakGlassReviewInput>, now = new Date()): Promise<void> {
  if (actor.role !== "admin" || !isUuid(grantId)) throw notFound();
  const parsed = breakGlassReviewInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  await db().transaction(async (tx) => {
    const [grant] = await tx.select().from(breakGlassGrants).where(eq(breakGlassGrants.id, grantId)).for("update");
    if (!grant) throw notFound();
    if (grant.reviewedAt) throw new AppError("conflict", "already_reviewed");
    await tx
      .update(breakGlassGrants)
      .set({ reviewedAt: now, reviewedBy: actor.id, reviewNote: parsed.data.note })
      .where(and(eq(breakGlassGrants.id, grantId), isNull(breakGlassGrants.reviewedAt)));
    await recordAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "break_glass.review",
      entityType: "break_glass_grant",
      entityId: grantId,
      patientId: grant.patientId,
      purpose: "admin",
    });
  });
}
