// The whole stack for a benchmark (the join benchmark's by default), on ports of its own so that
// it can run beside `npm run demo` (3000, 7880) and `npm test` (3100, 7890), with its own
// PostgreSQL and its own build directory for the same reason. Everything started here is
// stopped, and the database dropped, by scripts/lib/proc.ts's shutdown().
import { randomBytes } from "node:crypto";
import { seedDemo } from "../../db/seed";
import { appEnv, nextBin } from "../../scripts/lib/app";
import { DEV_LIVEKIT_KEY, DEV_LIVEKIT_SECRET, startLiveKit, type LiveKit } from "../../scripts/lib/livekit";
import { logPath, repoRoot } from "../../scripts/lib/paths";
import { createDatabase, dropDatabase, type PostgresServer } from "../../scripts/lib/postgres";
import { assertPortFree, onShutdown, run, start, waitForHttp, type Service } from "../../scripts/lib/proc";
import { copyAppSources } from "./app-copy";
import { startPostgres, type BenchPostgres, type PostgresOptions } from "./postgres";

/** Where a bench's stack lives: its name prefixes its data directories and logs. */
export type StackOptions = {
  name: string;
  appPort: number;
  /** `next start` servers on one build and one database, on appPort, appPort + 1, …; 1 by default. */
  instances?: number;
  /** Opens each instance's V8 inspector on 127.0.0.1 at this port + its index, for heap readings. */
  inspectPort?: number;
  livekit: { port: number; rtcTcpPort: number; udpPortStart: number; udpPortEnd: number; redisAddress?: string; webhookUrl?: string };
  /** More environment for the instance at this index (bench/cluster points each at its own LiveKit node). */
  instanceEnv?: (index: number) => Record<string, string>;
  /** The bench's PostgreSQL (see ./postgres); `own` makes it private even beside DATABASE_URL. */
  postgres?: PostgresOptions;
};

const JOIN_STACK: StackOptions = {
  name: "bench-join",
  appPort: 3200,
  livekit: { port: 7900, rtcTcpPort: 7901, udpPortStart: 50400, udpPortEnd: 50500 },
};

/**
 * `authSecret` lets a bench process call the app's lib functions with the app's own settings.
 * `baseUrl` is the first instance's, `baseUrls` every instance's in port order.
 */
export type Stack = {
  baseUrl: string;
  baseUrls: string[];
  /** The owner's URL (the bench's own checks) and the app role's (lib functions run in the bench's process). */
  databaseUrl: string;
  appDatabaseUrl: string;
  authSecret: string;
  livekit: LiveKit;
  /** The PostgreSQL server the stack runs on. */
  postgres: PostgresServer | BenchPostgres;
  /** Each `next start` instance, in port order (fault drills kill one). */
  apps: Service[];
};

export async function startStack(options: StackOptions = JOIN_STACK): Promise<Stack> {
  const { name, appPort, instances = 1 } = options;
  const buildLog = `${name}-build`;
  // db/migrate.ts resolves its migrations folder from the working directory when it loads.
  process.chdir(repoRoot);
  const { migrateDatabase } = await import("../../db/migrate");
  const appPorts = Array.from({ length: instances }, (_, i) => appPort + i);
  const baseUrls = appPorts.map((port) => `http://127.0.0.1:${port}`);
  const baseUrl = baseUrls[0]!;
  for (const port of appPorts) await assertPortFree(port, "the app under benchmark");

  const pg = await startPostgres(name, options.postgres);
  onShutdown(() => pg.stop());
  const databaseName = `rabta_bench_${timestamp()}`;
  await createDatabase(pg.serverUrl, databaseName);
  onShutdown(async () => {
    await dropDatabase(pg.serverUrl, databaseName);
    console.log(`dropped ${databaseName}`);
  });
  const databaseUrl = pg.serverUrl(databaseName);
  const appDatabaseUrl = pg.appUrl(databaseName);
  await migrateDatabase(databaseUrl);
  await seedDemo(databaseUrl);
  console.log(`database ${databaseName} migrated and seeded`);

  const livekit = await startLiveKit({
    name,
    ...options.livekit,
    apiKey: DEV_LIVEKIT_KEY,
    apiSecret: DEV_LIVEKIT_SECRET,
    webhookUrl: options.livekit.webhookUrl ?? `${baseUrl}/api/livekit/webhook`,
  });

  // A fresh secret: sessions from any other stack must not work here.
  const authSecret = randomBytes(32).toString("base64url");
  const env = {
    ...appEnv({ databaseUrl: appDatabaseUrl, ownerDatabaseUrl: databaseUrl, authSecret, livekit }),
    // Every bench patient signs in from this one machine, more of them in a run than a clinic
    // sees in an hour: the per-client sign-in limits and the SMS budget are lifted for benches.
    SIGN_IN_CODES_PER_CLIENT_HOUR: "1000000",
    SIGN_IN_WRONG_CODES_PER_CLIENT_HOUR: "1000000",
    SMS_HOURLY_BUDGET: "1000000",
  };
  const appDir = copyAppSources(name);
  console.log(`next build in ${appDir} (log: ${logPath(buildLog)})`);
  const built = await run({ name: buildLog, command: nextBin, args: ["build"], cwd: appDir, env, toLogFile: true });
  if (built !== 0) throw new Error(`next build exited with code ${built}; see ${logPath(buildLog)}`);

  // Every instance serves the same build; the first keeps the log name it always had. They start
  // one after another: instances booting at the same moment on a fresh database can deadlock
  // in pg-boss's queue creation (instrumentation.ts), and the loser then answers 500 for good.
  const apps: Service[] = [];
  for (const [i, port] of appPorts.entries()) {
    const instanceEnv = { ...env, ...options.instanceEnv?.(i) };
    const app = start({
      name: i === 0 ? `${name}-next` : `${name}-next-${i + 1}`,
      command: nextBin,
      args: ["start", "--hostname", "127.0.0.1", "--port", String(port)],
      cwd: appDir,
      env: options.inspectPort === undefined ? instanceEnv : { ...instanceEnv, NODE_OPTIONS: `--inspect=127.0.0.1:${options.inspectPort + i}` },
      toLogFile: true,
    });
    await waitForHttp(`${baseUrls[i]}/api/health`, { timeoutMs: 120_000, service: app });
    console.log(`app ready at ${baseUrls[i]} (log: ${app.logFile})`);
    apps.push(app);
  }
  return { baseUrl, baseUrls, databaseUrl, appDatabaseUrl, authSecret, livekit, postgres: pg, apps };
}

/**
 * A bench that calls the app's lib functions in its own process (requestOtp, registerPatient,
 * …) must give lib/env.ts the same database and secret as the servers, or they could not
 * check what those functions create.
 */
export function shareAppSettings(stack: Stack): void {
  Object.assign(process.env, {
    DATABASE_URL: stack.appDatabaseUrl,
    AUTH_SECRET: stack.authSecret,
    LIVEKIT_URL: stack.livekit.url,
    LIVEKIT_API_KEY: stack.livekit.apiKey,
    LIVEKIT_API_SECRET: stack.livekit.apiSecret,
    RABTA_DEMO: "1",
    SMS_PROVIDER: "dev",
  });
}

function timestamp(): string {
  return new Date().toISOString().replace(/\D/g, "").slice(0, 14);
}
