// `npm test`: every check, in order, stopping at the first failing stage and always cleaning up.
// The last line is the machine-readable summary: `tests: N passed, N failed`.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { seedDemo } from "../db/seed";
import { appEnv, nextBin } from "./lib/app";
import { DEV_LIVEKIT_KEY, DEV_LIVEKIT_SECRET, startLiveKit, type LiveKit } from "./lib/livekit";
import { dataPath, repoRoot } from "./lib/paths";
import { createDatabase, dropDatabase, ensurePostgres, listDatabases, type PostgresServer } from "./lib/postgres";
import { startStackControl, type StackControl } from "./lib/stack-control";
import { assertPortFree, describe, onShutdown, run, shutdown, start, waitForHttp, type StartOptions } from "./lib/proc";

// RABTA_TEST_PORT_OFFSET shifts every port, so that two checkouts can run the suite side by side.
// The embedded PostgreSQL's too: a run stops the server it started when it ends, which would
// take the database from under a run of another checkout that had found it running and reused it.
const PORT_OFFSET = Number(process.env.RABTA_TEST_PORT_OFFSET ?? 0);
if (PORT_OFFSET && !process.env.RABTA_PG_PORT) process.env.RABTA_PG_PORT = String(54329 + PORT_OFFSET);
const APP_PORT = 3100 + PORT_OFFSET;
const LIVEKIT_PORT = 7890 + PORT_OFFSET;
const LIVEKIT_UDP_START = 50200 + PORT_OFFSET * 20;
const LIVEKIT_UDP_END = 50300 + PORT_OFFSET * 20;
const baseUrl = `http://127.0.0.1:${APP_PORT}`;
// A second instance on the same database: the live queue must reach browsers on both.
const SECOND_APP_PORT = 3101 + PORT_OFFSET;
const secondUrl = `http://127.0.0.1:${SECOND_APP_PORT}`;
// The production-safety spec starts the build itself, as an operator would, on this port and
// with a LiveKit key pair of its own (not the published demo pair).
const PRODUCTION_APP_PORT = 3102 + PORT_OFFSET;
// The fake DHIS2 that e2e/dhis2.spec.ts starts on a fixed port, so that the app servers, started
// before it, know where to send. The credentials are test-only values, accepted by that fake alone.
const FAKE_DHIS2_PORT = 18471 + PORT_OFFSET;
const fakeDhis2Env = {
  DHIS2_BASE_URL: `http://127.0.0.1:${FAKE_DHIS2_PORT}`,
  DHIS2_USERNAME: "rabta-e2e",
  DHIS2_PASSWORD: "test-only-dhis2-password",
};
// An external LiveKit (LIVEKIT_URL) knows only its own pair, which is no published demo value.
const productionLiveKit = process.env.LIVEKIT_URL
  ? { apiKey: process.env.LIVEKIT_API_KEY ?? "", apiSecret: process.env.LIVEKIT_API_SECRET ?? "" }
  : { apiKey: `prod-${randomBytes(4).toString("hex")}`, apiSecret: randomBytes(33).toString("base64") };
const resultsDir = dataPath("test-results");
const vitestJson = path.join(resultsDir, "vitest.json");
const playwrightJson = path.join(resultsDir, "playwright.json");
// E2E_ONLY="<spec> [<spec>…]": only these browser specs (anything `playwright test` takes as a
// filter: a file name, `file.spec.ts:42` for one test), each in a run of its own in the order
// given, on the one stack and database; the vitest stage is skipped. Shows that a spec or a
// test passes alone, and in an order other than the files' (Playwright always sorts them).
const e2eOnly = (process.env.E2E_ONLY ?? "").split(/\s+/).filter(Boolean);
// E2E_REPEAT=N: every browser test N times (playwright's --repeat-each), to hunt a flaky one.
const e2eRepeat = process.env.E2E_REPEAT ? ["--repeat-each", String(Number(process.env.E2E_REPEAT))] : [];
let e2eTotals: { expected: number; unexpected: number; flaky: number } | undefined;
const TEST_DB_PATTERN = /^rabta_test_\d{14}_(\d+)(_e2e)?$/;

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);

type StageResult = { name: string; ms: number; ok: boolean };

async function main(): Promise<void> {
  // The tools' configs, and db/migrate.ts's migrations folder (resolved when it loads), are found
  // relative to the working directory.
  process.chdir(repoRoot);
  const { migrateDatabase } = await import("../db/migrate");
  // Results of an earlier run must not leak into this run's summary.
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  const databaseName = `rabta_test_${timestamp()}_${process.pid}`;
  // The browser tests get a database of their own with only the demo seed in it, so that what
  // the integration tests leave behind (many doctors, bookings) cannot change what a page shows.
  const e2eDatabaseName = `${databaseName}_e2e`;
  let e2eDatabaseUrl = "";
  let e2eAppDatabaseUrl = "";
  // A fresh secret per run: no test may depend on sessions from another run.
  const authSecret = randomBytes(32).toString("base64url");
  let databaseUrl = "";
  let appDatabaseUrl = "";
  // Known before LiveKit starts, because the vitest stage already needs the app's whole environment.
  let livekit: Pick<LiveKit, "url" | "apiKey" | "apiSecret"> = plannedLiveKit();
  // The local LiveKit once started: the stack control server restarts it for the specs.
  let localLiveKit: LiveKit | undefined;
  let control: StackControl | undefined;
  const env = () => appEnv({ databaseUrl: appDatabaseUrl, ownerDatabaseUrl: databaseUrl, authSecret, livekit });

  const stages: Array<[string, () => Promise<boolean>]> = [
    ["typecheck", () => succeeds({ name: "tsc", command: bin("tsc"), args: ["--noEmit"] })],
    ["lint", () => succeeds({ name: "eslint", command: bin("eslint"), args: ["."] })],
    [
      "database",
      async () => {
        const server = await ensurePostgres();
        onShutdown(() => server.stop());
        if (server.embedded) await dropAbandonedTestDatabases(server);
        for (const name of [databaseName, e2eDatabaseName]) {
          await createDatabase(server.serverUrl, name);
          onShutdown(() => removeTestDatabase(server, name));
          await migrateDatabase(server.serverUrl(name));
          console.log(`database ${name} migrated`);
        }
        databaseUrl = server.serverUrl(databaseName);
        appDatabaseUrl = server.appUrl(databaseName);
        e2eDatabaseUrl = server.serverUrl(e2eDatabaseName);
        e2eAppDatabaseUrl = server.appUrl(e2eDatabaseName);
        return true;
      },
    ],
    [
      "vitest",
      async () =>
        e2eOnly.length > 0 ||
        succeeds({
          name: "vitest",
          command: bin("vitest"),
          args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
          // Pinned so that slot and date tests mean the same on every machine.
          env: { ...env(), TZ: "UTC" },
        }),
    ],
    [
      "app",
      async () => {
        databaseUrl = e2eDatabaseUrl;
        appDatabaseUrl = e2eAppDatabaseUrl;
        await seedDemo(databaseUrl);
        await assertPortFree(APP_PORT, "the Rabta web app under test");
        await assertPortFree(SECOND_APP_PORT, "the second Rabta instance under test");
        await assertPortFree(PRODUCTION_APP_PORT, "the production-mode Rabta instance under test");
        livekit = localLiveKit = await startLiveKit({
          name: "test",
          port: LIVEKIT_PORT,
          rtcTcpPort: 7891 + PORT_OFFSET,
          udpPortStart: LIVEKIT_UDP_START,
          udpPortEnd: LIVEKIT_UDP_END,
          apiKey: DEV_LIVEKIT_KEY,
          apiSecret: DEV_LIVEKIT_SECRET,
          extraKeys: [productionLiveKit],
          webhookUrl: `${baseUrl}/api/livekit/webhook`,
        });
        if (!process.env.LIVEKIT_URL) {
          const started = localLiveKit;
          control = await startStackControl(() => started);
          onShutdown(() => control!.close());
          console.log(`stack control at ${control.url}`);
        }
        if (!(await succeeds({ name: "build", command: nextBin, args: ["build"], env: env() }))) return false;
        for (const [name, port, url] of [
          ["next-start", APP_PORT, baseUrl],
          ["next-start-2", SECOND_APP_PORT, secondUrl],
        ] as const) {
          const app = start({
            name,
            command: nextBin,
            args: ["start", "--hostname", "127.0.0.1", "--port", String(port)],
            env: { ...env(), ...fakeDhis2Env },
            toLogFile: true,
          });
          await waitForHttp(`${url}/api/health`, { timeoutMs: 180_000, service: app });
          console.log(`app ready at ${url} (log: ${app.logFile})`);
        }
        return true;
      },
    ],
    [
      "playwright",
      async () => {
        const playwright = (args: string[]) =>
          succeeds({
            name: "playwright",
            command: bin("playwright"),
            args: ["test", ...e2eRepeat, ...args],
            env: {
              ...env(),
              E2E_BASE_URL: baseUrl,
              E2E_SECOND_URL: secondUrl,
              E2E_PRODUCTION_PORT: String(PRODUCTION_APP_PORT),
              E2E_DHIS2_PORT: String(FAKE_DHIS2_PORT),
              E2E_DHIS2_USERNAME: fakeDhis2Env.DHIS2_USERNAME,
              E2E_DHIS2_PASSWORD: fakeDhis2Env.DHIS2_PASSWORD,
              E2E_PRODUCTION_LIVEKIT_KEY: productionLiveKit.apiKey,
              E2E_PRODUCTION_LIVEKIT_SECRET: productionLiveKit.apiSecret,
              // Unset with an external LiveKit (LIVEKIT_URL), which the stack cannot restart.
              ...(control && {
                E2E_STACK_CONTROL_URL: control.url,
                E2E_LIVEKIT_UDP_RANGE: `${LIVEKIT_UDP_START}-${LIVEKIT_UDP_END}`,
              }),
            },
          });
        if (e2eOnly.length === 0) return playwright([]);
        // Each run rewrites the json report, so its counts are added up after it.
        e2eTotals = { expected: 0, unexpected: 0, flaky: 0 };
        let ok = true;
        for (const filter of e2eOnly) {
          console.log(`E2E_ONLY: ${filter}`);
          rmSync(playwrightJson, { force: true });
          const passed = await playwright([filter]);
          const stats = playwrightStats();
          if (!stats?.expected && !stats?.unexpected) {
            console.error(`E2E_ONLY: "${filter}" ran no test`);
            ok = false;
          }
          e2eTotals.expected += stats?.expected ?? 0;
          e2eTotals.unexpected += stats?.unexpected ?? 0;
          e2eTotals.flaky += stats?.flaky ?? 0;
          ok &&= passed;
        }
        return ok;
      },
    ],
  ];

  const results: StageResult[] = [];
  for (const [name, body] of stages) {
    const result = await stage(name, body);
    results.push(result);
    if (!result.ok) break;
  }
  results.push(await stage("cleanup", shutdown));

  const counts = countTests();
  console.log("\nstage durations:");
  for (const result of results) {
    console.log(`  ${result.name.padEnd(10)} ${seconds(result.ms).padStart(8)}  ${result.ok ? "ok" : "FAILED"}`);
  }
  const ok = results.every((r) => r.ok) && results.length === stages.length + 1 && counts.failed === 0;
  console.log(`tests: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(ok ? 0 : 1);
}

async function stage(name: string, body: () => Promise<boolean>): Promise<StageResult> {
  console.log(`\n==> ${name}`);
  const started = performance.now();
  let ok = false;
  try {
    ok = await body();
  } catch (error) {
    console.error(`${name}: ${describe(error)}`);
  }
  const ms = performance.now() - started;
  console.log(`<== ${name} ${ok ? "ok" : "FAILED"} (${seconds(ms)})`);
  return { name, ms, ok };
}

async function succeeds(options: StartOptions): Promise<boolean> {
  const code = await run(options);
  if (code !== 0) console.error(`${options.name} exited with code ${code}`);
  return code === 0;
}

function plannedLiveKit(): Pick<LiveKit, "url" | "apiKey" | "apiSecret"> {
  if (process.env.LIVEKIT_URL) {
    return {
      url: process.env.LIVEKIT_URL,
      apiKey: process.env.LIVEKIT_API_KEY ?? "",
      apiSecret: process.env.LIVEKIT_API_SECRET ?? "",
    };
  }
  return { url: `ws://127.0.0.1:${LIVEKIT_PORT}`, apiKey: DEV_LIVEKIT_KEY, apiSecret: DEV_LIVEKIT_SECRET };
}

async function removeTestDatabase(pg: PostgresServer, name: string): Promise<void> {
  if (process.env.RABTA_KEEP_TEST_DB === "1") {
    console.log(`keeping ${name} (RABTA_KEEP_TEST_DB=1): ${pg.serverUrl(name)}`);
    return;
  }
  await dropDatabase(pg.serverUrl, name);
  console.log(`dropped ${name}`);
}

/**
 * A run stopped by Ctrl-C cannot drop its database, because PostgreSQL gets the same Ctrl-C.
 * The pid in the name tells whether the run that made it is gone. Only done on the local server:
 * elsewhere the pid could belong to another machine.
 */
async function dropAbandonedTestDatabases(pg: PostgresServer): Promise<void> {
  for (const name of await listDatabases(pg.serverUrl, "rabta_test_")) {
    const pid = Number(TEST_DB_PATTERN.exec(name)?.[1]);
    if (!pid || isRunning(pid)) continue;
    await dropDatabase(pg.serverUrl, name);
    console.log(`dropped ${name}, left behind by an interrupted run`);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function countTests(): { passed: number; failed: number } {
  const vitest = readJson(vitestJson) as { numPassedTests?: number; numFailedTests?: number } | undefined;
  const stats = e2eTotals ?? playwrightStats();
  return {
    // A flaky test passed in the end; with retries at 0 there are none, but count them honestly.
    passed: (vitest?.numPassedTests ?? 0) + (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: (vitest?.numFailedTests ?? 0) + (stats?.unexpected ?? 0),
  };
}

function playwrightStats(): { expected?: number; unexpected?: number; flaky?: number } | undefined {
  const playwright = readJson(playwrightJson) as { stats?: { expected?: number; unexpected?: number; flaky?: number } } | undefined;
  return playwright?.stats;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    console.error(`could not read ${file}`);
    return undefined;
  }
}

function timestamp(): string {
  return new Date().toISOString().replace(/\D/g, "").slice(0, 14);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

main().catch(async (error: unknown) => {
  console.error(`test run failed: ${describe(error)}`);
  await shutdown();
  console.log("tests: 0 passed, 0 failed");
  process.exit(1);
});
