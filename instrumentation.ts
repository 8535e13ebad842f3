/** Runs once when a server instance starts: fail fast on bad configuration, then migrate. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { migrateDatabase } = await import("./db/migrate");
  await migrateDatabase(env().DATABASE_URL);
}
