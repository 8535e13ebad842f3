import { and, eq, isNull, ne } from "drizzle-orm";
import { db } from "@/db";
import { users, type User } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";

// Checked when the email is unknown, so that a miss takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** Staff sign-in by email and password; patients have no password. */
export async function verifyStaffPassword(emailInput: string, password: string): Promise<User | null> {
  const email = emailInput.trim().toLowerCase();
  const [user] = await db()
    .select()
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt), ne(users.role, "patient")));
  dummyHash ??= hashPassword(crypto.randomUUID());
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  return ok && user ? user : null;
}
