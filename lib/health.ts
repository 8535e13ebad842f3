import { sql } from "drizzle-orm";
import { db } from "@/db";

/** True when the database answers a trivial query within the timeout. */
export async function checkDatabase(timeoutMs = 2_000): Promise<boolean> {
  try {
    await Promise.race([
      db().execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}
