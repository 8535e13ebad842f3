import { db } from "@/db";
import { appRoleProblems } from "@/db/app-role";
import { migrateDatabase } from "@/db/migrate";
import { installPeerAddressCapture } from "@/lib/auth/client-address";
import { staffOnDemoPassword } from "@/lib/auth/demo-accounts";
import { configurationProblems, env } from "@/lib/env";
import { jobHandlers } from "@/lib/job-handlers";
import { startJobs } from "@/lib/jobs/queue";

/**
 * What every server instance does before it serves: refuse an unsafe configuration, migrate,
 * and start the job workers. Called from instrumentation.ts in the Node.js runtime only.
 */
export async function startServer(): Promise<void> {
  const problems = configurationProblems();
  if (problems.length > 0) refuseToStart(problems);
  // Before any request is served: sign-in limits need every request's socket address.
  installPeerAddressCapture();
  await migrateDatabase(env().DATABASE_OWNER_URL ?? env().DATABASE_URL);
  const roleProblems = await appRoleProblems(db());
  if (roleProblems.length > 0) refuseToStart(roleProblems);
  if (env().demo) {
    console.warn("RABTA_DEMO=1: demo conveniences are on (dev SMS outbox, demo keys and passwords); never use this for real patients");
  } else {
    const open = await staffOnDemoPassword();
    if (open.length > 0) {
      refuseToStart([
        `staff accounts still have the published demo password (${open.join(", ")}): change their passwords or disable them, or set RABTA_DEMO=1 for a demo`,
      ]);
    }
  }
  // Every instance runs workers; a job killed with its instance expires and is retried elsewhere,
  // and the SMS outbox's dedupe key keeps that retry from texting anyone twice.
  await startJobs(jobHandlers);
}

/**
 * One line per problem, then exit: a server that started anyway would serve sign-in codes or
 * accept forged tokens, and a stack trace would bury the lines an operator needs.
 */
function refuseToStart(problems: string[]): never {
  console.error(["Rabta will not start:", ...problems.map((line) => `  - ${line}`)].join("\n"));
  process.exit(1);
}
