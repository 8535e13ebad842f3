import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { equipmentOutages } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, isUniqueViolation, notFound } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { isUuid } from "@/lib/ids";
import { equipmentKinds } from "@/lib/vocabulary";
import { facilityManagedBy } from "./facility-access";

export const outageInput = z.object({
  kind: formEnum(equipmentKinds, "equipment_kind_invalid"),
  reason: z.string({ error: "outage_reason_required" }).trim().min(3, "outage_reason_required").max(500, "outage_reason_too_long"),
});

/** Facility staff (or the district) report an item out of order from now; one open outage per item. */
export async function reportOutage(actor: Actor, facilityId: string, input: Partial<z.input<typeof outageInput>>, now = new Date()) {
  const parsed = outageInput.safeParse(input);
  try {
    return await db().transaction(async (tx) => {
      const facility = await facilityManagedBy(tx, actor, facilityId, { lock: true });
      if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
      const [outage] = await tx
        .insert(equipmentOutages)
        .values({ facilityId: facility.id, kind: parsed.data.kind, reason: parsed.data.reason, startedAt: now, reportedBy: actor.id })
        .returning();
      await recordAudit(tx, { actorId: actor.id, action: "facility.outage_start", entityType: "equipment_outage", entityId: outage!.id, details: { facilityId: facility.id, kind: parsed.data.kind } });
      return outage!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "equipment_outages_one_open")) throw new AppError("conflict", "form_invalid", { kind: "outage_already_open" });
    throw error;
  }
}

/** The item works again: its open outage ends now. */
export async function endOutage(actor: Actor, outageId: string, now = new Date()) {
  if (!isUuid(outageId)) throw notFound();
  return db().transaction(async (tx) => {
    const [open] = await tx
      .select()
      .from(equipmentOutages)
      .where(and(eq(equipmentOutages.id, outageId), isNull(equipmentOutages.endedAt)))
      .for("update");
    if (!open) throw notFound();
    await facilityManagedBy(tx, actor, open.facilityId);
    const [ended] = await tx.update(equipmentOutages).set({ endedAt: now, endedBy: actor.id }).where(eq(equipmentOutages.id, open.id)).returning();
    await recordAudit(tx, { actorId: actor.id, action: "facility.outage_end", entityType: "equipment_outage", entityId: open.id, details: { facilityId: open.facilityId, kind: open.kind } });
    return ended!;
  });
}

/** A facility's last 50 outages, newest first, for its equipment page (the history with dates). */
export async function listOutages(actor: Actor, facilityId: string) {
  return db().transaction(async (tx) => {
    const facility = await facilityManagedBy(tx, actor, facilityId);
    return tx.select().from(equipmentOutages).where(eq(equipmentOutages.facilityId, facility.id)).orderBy(desc(equipmentOutages.startedAt)).limit(50);
  });
}
