import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { districts, facilities, stockAlerts } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf, withinScope } from "@/lib/district/scope";

/**
 * The district office's open stock alerts — medicines out or running low at a facility it
 * covers — stock-outs first, then the oldest.
 */
export async function listStockAlerts(actor: Actor) {
  const scope = await districtScopeOf(actor);
  return db()
    .select({
      id: stockAlerts.id,
      level: stockAlerts.level,
      medicineCode: stockAlerts.medicineCode,
      raisedAt: stockAlerts.raisedAt,
      facilityId: facilities.id,
      facilityName: facilities.name,
      districtName: districts.nameEn,
    })
    .from(stockAlerts)
    .innerJoin(facilities, eq(facilities.id, stockAlerts.facilityId))
    .innerJoin(districts, eq(districts.id, facilities.districtId))
    .where(and(isNull(stockAlerts.clearedAt), withinScope(scope, facilities.districtId)))
    .orderBy(desc(stockAlerts.level), asc(stockAlerts.raisedAt))
    .limit(500);
}
