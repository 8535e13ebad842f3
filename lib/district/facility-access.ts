import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { districtScopeOf, facilityInScope } from "./scope";

/**
 * The facility, locked when asked, if the actor looks after it: an admin whose scope covers its
 * district, or a member of its own staff. Anyone else gets "not found".
 */
export async function facilityManagedBy(tx: Transaction, actor: Actor, facilityId: string, options: { lock?: boolean } = {}) {
  if (actor.role === "admin") return facilityInScope(tx, await districtScopeOf(actor, tx), facilityId, options);
  if (actor.role === "patient") throw notFound();
  const [staff] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, actor.id), eq(users.facilityId, facilityId)));
  if (!staff) throw notFound();
  return facilityInScope(tx, { kind: "province" }, facilityId, options);
}
