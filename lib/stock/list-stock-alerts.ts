import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
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

/** How many medicines are out and how many low, now, at the facilities the admin covers. */
export async function stockAlertCounts(actor: Actor): Promise<{ out: number; low: number }> {
  const scope = await districtScopeOf(actor);
  const [row] = await db()
    .select({
      out: sql<number>`(count(*) filter (where ${stockAlerts.level} = 'out'))::int`,
      low: sql<number>`(count(*) filter (where ${stockAlerts.level} = 'low'))::int`,
    })
    .from(stockAlerts)
    .innerJoin(facilities, eq(facilities.id, stockAlerts.facilityId))
    .where(and(isNull(stockAlerts.clearedAt), withinScope(scope, facilities.districtId)));
  return row ?? { out: 0, low: 0 };
}
