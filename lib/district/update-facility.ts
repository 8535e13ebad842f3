import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { facilities, tehsils } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { blankAsMissing } from "@/lib/form-fields";
import { AppError, fieldErrorsOf, isUniqueViolation } from "@/lib/errors";
import { districtScopeOf, facilityInScope } from "./scope";

// Pakistan's extent, with a margin: a point outside it is a typing slip (often latitude and
// longitude swapped), not a facility.
const PAKISTAN = { latitude: [23, 37.5], longitude: [60.5, 78] } as const;
const degrees = (key: "latitude" | "longitude") =>
  z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: `${key}_invalid` })
      .min(PAKISTAN[key][0], `${key}_outside_pakistan`)
      .max(PAKISTAN[key][1], `${key}_outside_pakistan`)
      .optional(),
  );

export const facilityRegistryInput = z
  .object({
    // DHIS2 codes are at most 50 characters; the province's use letters, digits, _ - and .
    dhis2OrgUnitCode: z.preprocess(
      blankAsMissing,
      z
        .string()
        .trim()
        .max(50, "dhis2_code_invalid")
        .regex(/^[A-Za-z0-9_.-]+$/, "dhis2_code_invalid")
        .optional(),
    ),
    latitude: degrees("latitude"),
    longitude: degrees("longitude"),
    tehsilId: z.preprocess(blankAsMissing, z.uuid("tehsil_invalid").optional()),
  })
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
    path: ["latitude"],
    message: "coordinates_both",
  });

/**
 * An admin records a facility's DHIS2 org-unit code, its coordinates and its tehsil. The row is
 * locked and checked against the admin's scope in the transaction that changes it and audits it.
 */
export async function updateFacilityRegistry(actor: Actor, facilityId: string, input: z.input<typeof facilityRegistryInput>) {
  const parsed = facilityRegistryInput.safeParse(input);
  const scope = await districtScopeOf(actor);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const values = parsed.data;
  try {
    return await db().transaction(async (tx) => {
      const facility = await facilityInScope(tx, scope, facilityId, { lock: true });
      if (values.tehsilId) {
        const [tehsil] = await tx
          .select({ id: tehsils.id })
          .from(tehsils)
          .where(and(eq(tehsils.id, values.tehsilId), eq(tehsils.districtId, facility.districtId)));
        if (!tehsil) throw new AppError("invalid", "form_invalid", { tehsilId: "tehsil_invalid" });
      }
      const change = {
        dhis2OrgUnitCode: values.dhis2OrgUnitCode ?? null,
        latitude: values.latitude ?? null,
        longitude: values.longitude ?? null,
        tehsilId: values.tehsilId ?? null,
      };
      const [updated] = await tx.update(facilities).set(change).where(eq(facilities.id, facility.id)).returning();
      await recordAudit(tx, {
        actorId: actor.id,
        action: "facility.registry",
        entityType: "facility",
        entityId: facility.id,
        details: {
          before: { dhis2OrgUnitCode: facility.dhis2OrgUnitCode, latitude: facility.latitude, longitude: facility.longitude, tehsilId: facility.tehsilId },
          after: change,
        },
      });
      return updated!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "facilities_dhis2_org_unit_code_unique")) {
      throw new AppError("conflict", "form_invalid", { dhis2OrgUnitCode: "dhis2_code_taken" });
    }
    throw error;
  }
}
