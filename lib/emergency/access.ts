import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { emergencyReferrals, facilities, users } from "@/db/schema";
import { hostRoles, type Actor } from "@/lib/auth/roles";
import { districtScopeOf, scopeCovers } from "@/lib/district/scope";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/**
 * The referral, locked for the rest of the transaction, if the actor may change it: facility
 * staff at the facility it was raised at, or an admin whose scope covers that facility's
 * district. Anyone else gets "not found".
 */
export async function lockReferralFor(tx: Transaction, actor: Actor, referralId: string) {
  if (!isUuid(referralId)) throw notFound();
  const [row] = await tx
    .select({ referral: emergencyReferrals, districtId: facilities.districtId })
    .from(emergencyReferrals)
    .leftJoin(facilities, eq(facilities.id, emergencyReferrals.facilityId))
    .where(eq(emergencyReferrals.id, referralId))
    .for("update", { of: emergencyReferrals });
  if (!row) throw notFound();
  if (actor.role === "admin") {
    const scope = await districtScopeOf(actor, tx);
    if (row.districtId === null ? scope.kind !== "province" : !scopeCovers(scope, row.districtId)) throw notFound();
    return row.referral;
  }
  if (!hostRoles.includes(actor.role) || row.referral.facilityId === null) throw notFound();
  const [staff] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, actor.id), eq(users.facilityId, row.referral.facilityId)));
  if (!staff) throw notFound();
  return row.referral;
}
