import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { allergies, patients } from "@/db/schema";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { isUuid } from "@/lib/ids";
import { allergySeverities } from "@/lib/vocabulary";
import { auditRecord, resolveRecordAccess } from "./access";
import { findAllergen } from "./catalog/allergens";
import { lockEncounterForWriting } from "./encounter-access";
import { codeOrFreeText, optionalWords, parseFields } from "./entry-fields";

export const recordAllergyInput = z.object({
  allergenCode: z.string().optional(),
  freeText: z.string().optional(),
  reaction: z.string().optional(),
  severity: z.string().optional(),
});
export type RecordAllergyInput = z.input<typeof recordAllergyInput>;

const allergen = codeOrFreeText((code) => findAllergen(code)?.code, "allergenCode");
const details = z.object({
  reaction: optionalWords(200, "reaction_too_long"),
  severity: formEnum(allergySeverities, "severity_required"),
});

type AllergyRow = typeof allergies.$inferSelect;

/**
 * The consultation's clinician records an allergy: an allergen from allergenChoices() or, when
 * it is not there, free text; the reaction and its severity. The allergy is the patient's,
 * carried across encounters (`encounterId` says where it was recorded). A second active allergy
 * to the same allergen (by code, or the same words) is refused at the allergen field; the
 * patient's row is locked so that two consultations cannot both add it.
 */
export async function recordAllergy(actor: Actor, consultationId: string, input: RecordAllergyInput): Promise<AllergyRow> {
  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician"]);
    const [name, rest] = parseFields(input, allergen, details);
    const patientIds = encounter.access.patientIds;
    await tx.select({ id: patients.id }).from(patients).where(inArray(patients.id, patientIds)).for("update");
    const sameAllergen = name.code
      ? eq(allergies.allergenCode, name.code)
      : sql`lower(${allergies.freeText}) = lower(${name.freeText})`;
    const [duplicate] = await tx
      .select({ id: allergies.id })
      .from(allergies)
      .where(and(inArray(allergies.patientId, patientIds), eq(allergies.status, "active"), sameAllergen));
    if (duplicate) {
      throw new AppError("invalid", "form_invalid", { [name.code ? "allergenCode" : "freeText"]: "allergy_duplicate" });
    }

    const [row] = await tx
      .insert(allergies)
      .values({
        patientId: encounter.access.patient.id,
        encounterId: encounter.encounterId,
        allergenCode: name.code,
        freeText: name.freeText,
        reaction: rest.reaction ?? null,
        severity: rest.severity,
        recordedBy: actor.id,
      })
      .returning();
    await auditRecord(tx, actor, encounter.access, {
      action: "allergy.record",
      entityType: "allergy",
      entityId: row!.id,
      details: { consultationId, allergenCode: row!.allergenCode, severity: row!.severity },
    });
    return row!;
  });
}

export const changeAllergyStatusInput = z.object({ status: formEnum(["inactive", "entered_in_error"], "allergy_status_invalid") });
export type ChangeAllergyStatusInput = z.input<typeof changeAllergyStatusInput>;

/**
 * A clinician in the patient's care (a current encounter, not break-glass) marks an active
 * allergy inactive (outgrown, disproved) or entered in error. Anyone else gets "not found";
 * repeating the same change is a no-op, any other change of a closed allergy a conflict.
 */
export async function changeAllergyStatus(actor: Actor, allergyId: string, input: ChangeAllergyStatusInput): Promise<AllergyRow> {
  if (!clinicianRoles.includes(actor.role) || !isUuid(allergyId)) throw notFound();
  const [{ status }] = parseFields(input, changeAllergyStatusInput);
  return db().transaction(async (tx) => {
    const [current] = await tx.select().from(allergies).where(eq(allergies.id, allergyId)).for("update");
    if (!current) throw notFound();
    const access = await resolveRecordAccess(actor, current.patientId, tx);
    if (access.purpose !== "care") throw notFound();
    if (current.status === status) return current;
    if (current.status !== "active") throw new AppError("conflict", "allergy_not_active");
    const [row] = await tx
      .update(allergies)
      .set({ status, changedBy: actor.id, changedAt: new Date() })
      .where(eq(allergies.id, current.id))
      .returning();
    await auditRecord(tx, actor, access, { action: "allergy.change_status", entityType: "allergy", entityId: current.id, details: { status } });
    return row!;
  });
}
