// The whole stack for the join benchmark, on ports of its own so that it can run beside
// `npm run demo` (3000, 7880) and `npm test` (3100, 7890), with its own PostgreSQL and its own
// build directory for the same reason. Everything started here is stopped, and the database
// dropped, by scripts/lib/proc.ts's shutdown().
import { randomBytes } from "node:crypto";
import { seedDemo } from "../../db/seed";
import { appEnv, nextBin } from "../../scripts/lib/app";
import { DEV_LIVEKIT_KEY, DEV_LIVEKIT_SECRET, startLiveKit, type LiveKit } from "../../scripts/lib/livekit";
import { logPath, repoRoot } from "../../scripts/lib/paths";
import { createDatabase, dropDatabase } from "../../scripts/lib/postgres";
import { assertPortFree, onShutdown, run, start, waitForHttp } from "../../scripts/lib/proc";
import { copyAppSources } from "./app-copy";
import { startPostgres } from "./postgres";

const APP_PORT = 3200;
const BUILD_LOG = "bench-join-build";

export type Stack = { baseUrl: string; databaseUrl: string; livekit: LiveKit };

export async function startStack(): Promise<Stack> {
  // db/migrate.ts resolves its migrations folder from the working directory when it loads.
  process.chdir(repoRoot);
  const { migrateDatabase } = await import("../../db/migrate");
  const baseUrl = `http://127.0.0.1:${APP_PORT}`;
  await assertPortFree(APP_PORT, "the app under benchmark");

  const pg = await startPostgres();
  onShutdown(() => pg.stop());
  const databaseName = `rabta_bench_${timestamp()}`;
  await createDatabase(pg.serverUrl, databaseName);
  onShutdown(async () => {
    await dropDatabase(pg.serverUrl, databaseName);
    console.log(`dropped ${databaseName}`);
  });
  const databaseUrl = pg.serverUrl(databaseName);
  await migrateDatabase(databaseUrl);
  await seedDemo(databaseUrl);
  console.log(`database ${databaseName} migrated and seeded`);

  const livekit = await startLiveKit({
    name: "bench",
    port: 7900,
    rtcTcpPort: 7901,
    udpPortStart: 50400,
    udpPortEnd: 50500,
    apiKey: DEV_LIVEKIT_KEY,
    apiSecret: DEV_LIVEKIT_SECRET,
    webhookUrl: `${baseUrl}/api/livekit/webhook`,
  });

  // A fresh secret: sessions from any other stack must not work here.
  const env = appEnv({ databaseUrl, authSecret: randomBytes(32).toString("base64url"), livekit });
  const appDir = copyAppSources();
  console.log(`next build in ${appDir} (log: ${logPath(BUILD_LOG)})`);
  const built = await run({ name: BUILD_LOG, command: nextBin, args: ["build"], cwd: appDir, env, toLogFile: true });
  if (built !== 0) throw new Error(`next build exited with code ${built}; see ${logPath(BUILD_LOG)}`);

  const app = start({
    name: "bench-join-next",
    command: nextBin,
    args: ["start", "--hostname", "127.0.0.1", "--port", String(APP_PORT)],
    cwd: appDir,
    env,
    toLogFile: true,
  });
  await waitForHttp(`${baseUrl}/api/health`, { timeoutMs: 120_000, service: app });
  console.log(`app ready at ${baseUrl} (log: ${app.logFile})`);
  return { baseUrl, databaseUrl, livekit };
}

function timestamp(): string {
  return new Date().toISOString().replace(/\D/g, "").slice(0, 14);
}
