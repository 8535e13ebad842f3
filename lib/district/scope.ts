import { and, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db, type Transaction } from "@/db";
import { adminScopes, facilities } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/**
 * What a district health office answers for: every district (a provincial office) or one.
 * Every district query takes one and is limited by it; outside it, data answers "not found".
 */
export type DistrictScope = { kind: "province" } | { kind: "district"; districtId: string };

type Reader = Pick<Transaction, "select">;

/**
 * The scope of an admin, from their admin_scopes row. Anyone else, and an admin who has been
 * given no scope yet, gets "not found": no scope is no data, never all of it.
 */
export async function districtScopeOf(actor: Actor, reader: Reader = db()): Promise<DistrictScope> {
  if (actor.role !== "admin") throw notFound();
  const [row] = await reader.select({ districtId: adminScopes.districtId }).from(adminScopes).where(eq(adminScopes.userId, actor.id));
  if (!row) throw notFound();
  return row.districtId === null ? { kind: "province" } : { kind: "district", districtId: row.districtId };
}

/** A condition keeping `districtColumn` inside the scope; undefined (no limit) for a province. */
export function withinScope(scope: DistrictScope, districtColumn: AnyPgColumn): SQL | undefined {
  return scope.kind === "province" ? undefined : eq(districtColumn, scope.districtId);
}

/** True when the district is one the scope answers for. */
export function scopeCovers(scope: DistrictScope, districtId: string): boolean {
  return scope.kind === "province" || scope.districtId === districtId;
}

/**
 * The facility if the scope covers it, else "not found" (the same answer as for no such
 * facility). With `lock`, the row is locked for the rest of the transaction, so a use case
 * decides on the row it then changes.
 */
export async function facilityInScope(
  tx: Reader & Pick<Transaction, "execute">,
  scope: DistrictScope,
  facilityId: string,
  options: { lock?: boolean } = {},
) {
  if (!isUuid(facilityId)) throw notFound();
  const query = tx
    .select()
    .from(facilities)
    .where(and(eq(facilities.id, facilityId), withinScope(scope, facilities.districtId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}
