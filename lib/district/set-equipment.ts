import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { facilityEquipment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { equipmentKinds } from "@/lib/vocabulary";
import type { EquipmentKind } from "./capability";
import { facilityManagedBy } from "./facility-access";

/**
 * The facility's inventory as a whole: every item of the list is recorded as there (in
 * `present`) or not. Decided on the locked facility row, audited with what changed.
 */
export async function setFacilityEquipment(actor: Actor, facilityId: string, present: readonly string[]) {
  const have = new Set(present.filter((kind): kind is EquipmentKind => (equipmentKinds as readonly string[]).includes(kind)));
  return db().transaction(async (tx) => {
    const facility = await facilityManagedBy(tx, actor, facilityId, { lock: true });
    const before = await tx.select({ kind: facilityEquipment.kind, present: facilityEquipment.present }).from(facilityEquipment).where(eq(facilityEquipment.facilityId, facility.id));
    const was = new Map(before.map((b) => [b.kind, b.present]));
    const changed = equipmentKinds.filter((kind) => was.get(kind) !== have.has(kind));
    if (changed.length === 0) return { changed };
    await tx
      .insert(facilityEquipment)
      .values(changed.map((kind) => ({ facilityId: facility.id, kind, present: have.has(kind), updatedBy: actor.id })))
      .onConflictDoUpdate({
        target: [facilityEquipment.facilityId, facilityEquipment.kind],
        set: { present: sql`excluded.present`, updatedBy: actor.id, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "facility.equipment",
      entityType: "facility",
      entityId: facility.id,
      details: { changed: Object.fromEntries(changed.map((kind) => [kind, { before: was.get(kind) ?? null, after: have.has(kind) }])) },
    });
    return { changed };
  });
}
