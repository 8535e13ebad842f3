import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { facilities, referrals, specialties, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { AppError, type FieldErrors } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { isUuid } from "@/lib/ids";
import { triageLevels } from "@/lib/vocabulary";
import { auditRecord, readRecord } from "./access";
import { lockEncounterForWriting } from "./encounter-access";
import { optionalWords, parseFields } from "./entry-fields";

export const referInput = z.object({
  specialtyCode: optionalWords(40, "specialty_unknown"),
  facilityId: optionalWords(40, "facility_unknown"),
  urgency: formEnum(triageLevels, "urgency_required"),
  reason: z
    .string({ error: "referral_reason_required" })
    .trim()
    .min(3, "referral_reason_required")
    .max(1000, "referral_reason_too_long"),
});
export type ReferInput = z.input<typeof referInput>;

type ReferralRow = typeof referrals.$inferSelect;

/**
 * The consultation's clinician refers the patient to a specialty (from the specialties table;
 * staff can then book it from the referral), to a facility, or to both (a specialty at that
 * hospital), with an urgency (the triage levels) and the reason.
 */
export async function referPatient(actor: Actor, consultationId: string, input: ReferInput): Promise<ReferralRow> {
  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician"]);
    const [referral] = parseFields(input, referInput);
    const errors: FieldErrors = {};
    if (!referral.specialtyCode && !referral.facilityId) errors.specialtyCode = "referral_destination_required";
    if (referral.specialtyCode) {
      const [known] = await tx.select({ code: specialties.code }).from(specialties).where(eq(specialties.code, referral.specialtyCode));
      if (!known) errors.specialtyCode = "specialty_unknown";
    }
    if (referral.facilityId) {
      const [known] = isUuid(referral.facilityId)
        ? await tx.select({ id: facilities.id }).from(facilities).where(eq(facilities.id, referral.facilityId))
        : [];
      if (!known) errors.facilityId = "facility_unknown";
    }
    if (Object.keys(errors).length > 0) throw new AppError("invalid", "form_invalid", errors);

    const [row] = await tx
      .insert(referrals)
      .values({
        patientId: encounter.access.patient.id,
        encounterId: encounter.encounterId,
        toSpecialtyCode: referral.specialtyCode ?? null,
        toFacilityId: referral.facilityId ?? null,
        urgency: referral.urgency,
        reason: referral.reason,
        referredBy: actor.id,
      })
      .returning();
    await auditRecord(tx, actor, encounter.access, {
      action: "referral.create",
      entityType: "referral",
      entityId: row!.id,
      details: { consultationId, specialtyCode: row!.toSpecialtyCode, facilityId: row!.toFacilityId, urgency: row!.urgency },
    });
    return row!;
  });
}

/** An open referral as staff and clinicians see it: where to, how urgent, why and by whom. */
export type OpenReferral = {
  id: string;
  patientId: string;
  specialty: { code: string; nameEn: string; nameUr: string } | null;
  facility: { id: string; name: string } | null;
  urgency: ReferralRow["urgency"];
  reason: string;
  referredByName: string;
  referredAt: Date;
};

/**
 * The patient's referrals that are not yet booked or closed, newest first, for anyone who may
 * open the record (audited); everyone else gets "not found".
 */
export async function listOpenReferrals(actor: Actor, patientId: string): Promise<OpenReferral[]> {
  return readRecord(actor, patientId, { action: "referral.list" }, async (tx, access) => {
    const rows = await tx
      .select({
        id: referrals.id,
        specialtyCode: specialties.code,
        specialtyEn: specialties.nameEn,
        specialtyUr: specialties.nameUr,
        facilityId: facilities.id,
        facilityName: facilities.name,
        urgency: referrals.urgency,
        reason: referrals.reason,
        referredByName: users.name,
        referredAt: referrals.referredAt,
      })
      .from(referrals)
      .innerJoin(users, eq(users.id, referrals.referredBy))
      .leftJoin(specialties, eq(specialties.code, referrals.toSpecialtyCode))
      .leftJoin(facilities, eq(facilities.id, referrals.toFacilityId))
      .where(and(inArray(referrals.patientId, access.patientIds), eq(referrals.status, "open")))
      .orderBy(desc(referrals.referredAt));
    return rows.map((row) => ({
      id: row.id,
      patientId: access.patient.id,
      specialty: row.specialtyCode ? { code: row.specialtyCode, nameEn: row.specialtyEn!, nameUr: row.specialtyUr! } : null,
      facility: row.facilityId ? { id: row.facilityId, name: row.facilityName! } : null,
      urgency: row.urgency,
      reason: row.reason,
      referredByName: row.referredByName,
      referredAt: row.referredAt,
    }));
  });
}
