import { and, eq, isNull, or } from "drizzle-orm";
import type { Transaction } from "@/db";
import { adminScopes, complaints, facilities, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf, withinScope } from "@/lib/district/scope";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/**
 * The complaint, locked when asked, with its facility's district, if the admin's scope covers
 * that district; anyone else, and any complaint outside the scope, gets "not found".
 */
export async function complaintInScope(tx: Transaction, actor: Actor, complaintId: string, options: { lock?: boolean } = {}) {
  if (!isUuid(complaintId)) throw notFound();
  const scope = await districtScopeOf(actor, tx);
  const query = tx
    .select({ complaint: complaints, districtId: facilities.districtId, facilityName: facilities.name })
    .from(complaints)
    .innerJoin(facilities, eq(facilities.id, complaints.facilityId))
    .where(and(eq(complaints.id, complaintId), withinScope(scope, facilities.districtId)));
  const [row] = options.lock ? await query.for("update", { of: complaints }) : await query;
  if (!row) throw notFound();
  return row;
}

/** The officers a complaint in this district can be given to: admins of the district or of the province. */
export async function officersFor(tx: Pick<Transaction, "select">, districtId: string) {
  return tx
    .select({ id: users.id, name: users.name })
    .from(adminScopes)
    .innerJoin(users, eq(users.id, adminScopes.userId))
    .where(and(or(eq(adminScopes.districtId, districtId), isNull(adminScopes.districtId)), isNull(users.disabledAt)))
    .orderBy(users.name);
}
