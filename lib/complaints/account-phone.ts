import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";

/** A signed-in patient's own number, which files a complaint without a code; null for anyone else. */
export async function accountPhoneOf(actor: Actor): Promise<string | null> {
  if (actor.role !== "patient") return null;
  const [row] = await db().select({ phone: users.phone }).from(users).where(eq(users.id, actor.id));
  return row?.phone ?? null;
}
