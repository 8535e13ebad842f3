import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import type { Actor } from "./roles";

/** Remembers the language a user reads, so that SMS reach them in it too. */
export async function setPreferredLocale(actor: Actor, locale: Locale): Promise<void> {
  await db().update(users).set({ locale }).where(eq(users.id, actor.id));
}
