import { and, isNotNull, isNull, like, ne } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { DEMO_STAFF_DOMAIN, DEMO_STAFF_PASSWORD } from "@/lib/demo";
import { verifyPassword } from "./password";

/**
 * The enabled staff accounts that still sign in with the published demo password: a database
 * seeded for a demo and then put into service. Only the demo's own mail domain is checked, so
 * a start costs a few hash checks however many staff a district has; a real account given the
 * demo password is refused at sign-in instead (see verifyStaffPassword).
 */
export async function staffOnDemoPassword(): Promise<string[]> {
  const candidates = await db()
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(
      and(like(users.email, `%@${DEMO_STAFF_DOMAIN}`), isNull(users.disabledAt), isNotNull(users.passwordHash), ne(users.role, "patient")),
    );
  const open: string[] = [];
  for (const { email, passwordHash } of candidates) {
    if (email && passwordHash && (await verifyPassword(passwordHash, DEMO_STAFF_PASSWORD))) open.push(email);
  }
  return open.sort();
}
