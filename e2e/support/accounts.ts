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

/**
 * A doctor of the spec's own whom patients can book and facility staff can send walk-ins to:
 * a general-practice profile (a man speaking Urdu only, so that no find-care filter the demo
 * clinicians are tested with picks him), available around the clock in 15-minute slots, and
 * online. With such a doctor, the slot within check-in reach and the queue are the test's
 * alone, whatever ran before it. `name` gets a unique suffix, returned in `name`.
 */
export async function insertBookableDoctor(sql: postgres.Sql, name: string): Promise<{ id: string; email: string; name: string }> {
  const unique = `${name} ${Math.random().toString(36).slice(2, 7)}`;
  const doctor = await insertDoctor(sql, unique, "bookable");
  await sql`insert into clinician_profiles (user_id, sex, specialty_code, languages) values (${doctor.id}, 'male', 'general', ${["ur"]})`;
  for (const weekday of [0, 1, 2, 3, 4, 5, 6]) {
    await sql`insert into availability_rules (clinician_id, weekday, start_minute, end_minute, slot_minutes) values (${doctor.id}, ${weekday}, 0, 1440, 15)`;
  }
  await sql`insert into clinician_presence (user_id, status) values (${doctor.id}, 'online')`;
  return { ...doctor, name: unique };
}
