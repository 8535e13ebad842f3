import { eq } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { findManageableClinician, getRules, getUpcomingExceptions, type StoredException, type StoredRule } from "./availability-store";
import type { Schedule } from "./slots";

/**
 * Everything that decides when a clinician can be booked from now on: the weekly rules and the
 * exceptions that have not ended. Given a transaction, it first takes a share lock on the
 * clinician's row, so that a booking checked against this schedule inside that transaction
 * cannot interleave with an availability change (which holds the row FOR UPDATE while it checks
 * for orphans): one of the two waits for the other to commit and then sees its result.
 */
export async function getSchedule(clinicianId: string, tx?: Transaction): Promise<Schedule> {
  if (tx) {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, clinicianId)).for("key share");
  }
  const reader = tx ?? db();
  const rules = await getRules(reader, clinicianId);
  return { rules, exceptions: await getUpcomingExceptions(reader, clinicianId) };
}

/**
 * A clinician's weekly sessions and the exceptions that have not ended, for the availability
 * page. Only the clinician or an admin may see them; anyone else gets "not found".
 */
export async function getAvailability(
  actor: Actor,
  clinicianId: string,
): Promise<{ rules: StoredRule[]; exceptions: StoredException[] }> {
  await findManageableClinician(db(), actor, clinicianId);
  return { rules: await getRules(db(), clinicianId), exceptions: await getUpcomingExceptions(db(), clinicianId) };
}
