import { eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { clinicianProfiles, facilities } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf, facilityInScope } from "@/lib/district/scope";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { MAX_CHANGE_CUTOFF_MINUTES, PATIENT_CHANGE_CUTOFF_MINUTES } from "./policy";

/** The change window of the clinician's facility, or the default when they have none. */
export async function changeCutoffFor(clinicianId: string, reader: Pick<Transaction, "select"> = db()): Promise<number> {
  const [row] = await reader
    .select({ minutes: facilities.patientChangeCutoffMinutes })
    .from(clinicianProfiles)
    .innerJoin(facilities, eq(facilities.id, clinicianProfiles.facilityId))
    .where(eq(clinicianProfiles.userId, clinicianId));
  return row?.minutes ?? PATIENT_CHANGE_CUTOFF_MINUTES;
}

export const facilityChangeWindowInput = z.object({
  minutes: z.coerce
    .number({ error: "cutoff_invalid" })
    .int("cutoff_invalid")
    .min(0, "cutoff_invalid")
    .max(MAX_CHANGE_CUTOFF_MINUTES, "cutoff_invalid"),
});

/** An admin sets how close to an appointment its patients may still move or cancel it. */
export async function setFacilityChangeWindow(actor: Actor, facilityId: string, input: z.input<typeof facilityChangeWindowInput>) {
  const scope = await districtScopeOf(actor);
  const parsed = facilityChangeWindowInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  return db().transaction(async (tx) => {
    await facilityInScope(tx, scope, facilityId, { lock: true });
    const [updated] = await tx
      .update(facilities)
      .set({ patientChangeCutoffMinutes: parsed.data.minutes })
      .where(eq(facilities.id, facilityId))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "facility.change_window",
      entityType: "facility",
      entityId: facilityId,
      details: { minutes: parsed.data.minutes },
    });
    return updated;
  });
}
