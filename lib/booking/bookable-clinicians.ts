import { and, eq, exists, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { availabilityRules, users } from "@/db/schema";
import { clinicianRoles } from "@/lib/auth/roles";

export type BookableClinician = { id: string; name: string; role: "doctor" | "specialist" };

/** Active doctors and specialists who have any weekly availability. */
export async function listBookableClinicians(): Promise<BookableClinician[]> {
  const rows = await db()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(
      and(
        inArray(users.role, [...clinicianRoles]),
        isNull(users.disabledAt),
        exists(db().select().from(availabilityRules).where(eq(availabilityRules.clinicianId, users.id))),
      ),
    )
    .orderBy(users.name);
  return rows as BookableClinician[];
}
