import type postgres from "postgres";
import { hashPassword } from "../../lib/auth/password";

/** The password of every staff account a spec creates for itself. */
export const TEST_PASSWORD = "a-long-test-password";

/**
 * A doctor account of the spec's own, inserted directly because no use case creates staff yet.
 * Specs that change a clinician (role, profile, lockout) use one, so the demo accounts stay as
 * the other specs expect them.
 */
export async function insertDoctor(sql: postgres.Sql, name: string, label = "doctor"): Promise<{ id: string; email: string }> {
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@test.rabta.local`;
  const [user] = await sql<{ id: string }[]>`
    insert into users (role, name, email, password_hash)
    values ('doctor', ${name}, ${email}, ${await hashPassword(TEST_PASSWORD)})
    returning id`;
  return { id: user!.id, email };
}
