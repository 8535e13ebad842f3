import { and, eq, isNull } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import { users, type Role } from "@/db/schema";
import { auth } from "./index";
import type { Actor } from "./roles";

export type { Actor } from "./roles";

/**
 * The signed-in user as the database knows them now, or null. Read once per request; a
 * disabled account or a changed role counts from the next request on.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [user] = await db()
    .select({ id: users.id, role: users.role, name: users.name })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt)));
  return user ?? null;
});

/** For pages: sends a visitor to sign in, and answers "not found" to the wrong role. */
export async function requireActor(roles?: readonly Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (roles && !roles.includes(actor.role)) notFound();
  return actor;
}
