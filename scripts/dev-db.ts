// `npm run db:dev`: a fresh, migrated database on the embedded server (or DATABASE_URL's server)
// for running vitest by hand: prints the variables to export and keeps the server up until Ctrl-C.
import { migrateDatabase } from "../db/migrate";
import { DEV_LIVEKIT_KEY, DEV_LIVEKIT_SECRET } from "./lib/livekit";
import { repoRoot } from "./lib/paths";
import { createDatabase, ensurePostgres } from "./lib/postgres";
import { onShutdown, shutdown } from "./lib/proc";

async function main() {
  process.chdir(repoRoot);
  const server = await ensurePostgres();
  onShutdown(() => server.stop());
  const name = process.argv[2] ?? `rabta_dev_${Date.now()}`;
  await createDatabase(server.serverUrl, name);
  const url = server.serverUrl(name);
  await migrateDatabase(url);
  console.log(
    [
      `export DATABASE_URL='${server.appUrl(name)}'`,
      `export DATABASE_OWNER_URL='${url}'`,
      // Local-development values: the LiveKit pair is the labelled dev key, not a secret.
      `export AUTH_SECRET='${"dev-only-auth-secret-".padEnd(40, "x")}'`,
      "export LIVEKIT_URL='ws://127.0.0.1:7880'",
      `export LIVEKIT_API_KEY='${DEV_LIVEKIT_KEY}'`,
      `export LIVEKIT_API_SECRET='${DEV_LIVEKIT_SECRET}'`,
      "export TZ=UTC",
      // The values above are the published demo ones, which the app accepts only on a demo.
      "export RABTA_DEMO=1",
    ].join("\n"),
  );
  console.log("# database ready; Ctrl-C stops the server if this process started it");
  await new Promise(() => {});
}

main().catch(async (error) => {
  console.error(error);
  await shutdown();
  process.exit(1);
});
