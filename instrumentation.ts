/** Runs once when a server instance starts: fail fast on bad configuration, migrate, start workers. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv } = await import("./lib/env");
  const config = parseEnv(process.env);
  if (!config.ok) refuseToStart(config.problems);
  const { env } = await import("./lib/env");
  const { migrateDatabase } = await import("./db/migrate");
  await migrateDatabase(env().DATABASE_URL);
  if (env().demo) {
    console.warn("RABTA_DEMO=1: demo conveniences are on (dev SMS outbox, demo keys and passwords); never use this for real patients");
  } else {
    const { staffOnDemoPassword } = await import("./lib/auth/demo-accounts");
    const open = await staffOnDemoPassword();
    if (open.length > 0) {
      refuseToStart([
        `staff accounts still have the published demo password (${open.join(", ")}): change their passwords or disable them, or set RABTA_DEMO=1 for a demo`,
      ]);
    }
  }
  // Every instance runs workers; a job killed with its instance expires and is retried elsewhere,
  // and the SMS outbox's dedupe key keeps that retry from texting anyone twice.
  const { startJobs } = await import("./lib/jobs/queue");
  await startJobs();
}

/**
 * One line per problem, then exit: a server that started anyway would serve sign-in codes or
 * accept forged tokens, and a stack trace would bury the lines an operator needs.
 */
function refuseToStart(problems: string[]): never {
  console.error(["Rabta will not start:", ...problems.map((line) => `  - ${line}`)].join("\n"));
  process.exit(1);
}
