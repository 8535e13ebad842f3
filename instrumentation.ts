/** Runs once when a server instance starts: fail fast on bad configuration, migrate, start workers. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before anything else: sign-in limits need every request's socket address.
  const { installPeerAddressCapture } = await import("./lib/auth/client-address");
  installPeerAddressCapture();
  const { env } = await import("./lib/env");
  const { migrateDatabase } = await import("./db/migrate");
  await migrateDatabase(env().DATABASE_URL);
  // Every instance runs workers; a job killed with its instance expires and is retried elsewhere,
  // and the SMS outbox's dedupe key keeps that retry from texting anyone twice.
  const { startJobs } = await import("./lib/jobs/queue");
  await startJobs();
}
