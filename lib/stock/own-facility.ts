import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";

/** The facility a member of staff is posted to, whose stock is theirs to keep; null if none. */
export async function ownFacilityId(actor: Actor): Promise<string | null> {
  const [row] = await db().select({ facilityId: users.facilityId }).from(users).where(eq(users.id, actor.id));
  return row?.facilityId ?? null;
}
