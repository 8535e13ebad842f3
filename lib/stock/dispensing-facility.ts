import { eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { facilityManagedBy } from "@/lib/district/facility-access";
import { AppError, notFound } from "@/lib/errors";

/** Who may hand medicines over at a counter: a facility's own staff, not a district office. */
export const dispensingRoles: readonly Actor["role"][] = ["rhu_staff", "doctor", "specialist"];

/**
 * The facility the actor dispenses at (their own), locked when asked; `dispense_needs_facility`
 * for staff not posted to one, "not found" for anyone else.
 */
export async function dispensingFacilityOf(tx: Transaction, actor: Actor, options: { lock?: boolean } = {}) {
  if (!dispensingRoles.includes(actor.role)) throw notFound();
  const [row] = await tx.select({ facilityId: users.facilityId }).from(users).where(eq(users.id, actor.id));
  if (!row?.facilityId) throw new AppError("conflict", "dispense_needs_facility");
  return facilityManagedBy(tx, actor, row.facilityId, options);
}
