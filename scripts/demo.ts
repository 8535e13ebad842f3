// `npm run demo`: the whole stack on this machine, with demo data, until Ctrl-C.
// scripts/bootstrap.sh has already installed dependencies and built livekit-server.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seedDemo, type DemoAccount } from "../db/seed";
import { appEnv, nextBin } from "./lib/app";
import { DEV_LIVEKIT_KEY, DEV_LIVEKIT_SECRET, startLiveKit } from "./lib/livekit";
import { dataPath, repoRoot } from "./lib/paths";
import { createDatabase, ensurePostgres } from "./lib/postgres";
import { assertPortFree, describe, isShuttingDown, onShutdown, shutdown, start, waitForHttp } from "./lib/proc";

async function main(): Promise<void> {
  // db/migrate.ts resolves the migrations folder from the working directory when it loads.
  process.chdir(repoRoot);
  const { migrateDatabase } = await import("../db/migrate");
  const port = Number(process.env.RABTA_PORT ?? 3000);
  const baseUrl = `http://127.0.0.1:${port}`;
  await assertPortFree(port, "the Rabta web app");

  const pg = await ensurePostgres();
  onShutdown(() => pg.stop());
  await createDatabase(pg.serverUrl, "rabta");
  const databaseUrl = pg.serverUrl("rabta");
  await migrateDatabase(databaseUrl);
  const accounts = await seedDemo(databaseUrl);
  const database = pg.embedded ? `embedded PostgreSQL, data in ${pg.dataDir}` : "DATABASE_URL's server";

  const livekit = await startLiveKit({
    name: "demo",
    port: 7880,
    rtcTcpPort: 7881,
    udpPortStart: 50000,
    udpPortEnd: 50100,
    apiKey: DEV_LIVEKIT_KEY,
    apiSecret: DEV_LIVEKIT_SECRET,
    webhookUrl: `${baseUrl}/api/livekit/webhook`,
  });

  const env = appEnv({ databaseUrl: pg.appUrl("rabta"), ownerDatabaseUrl: databaseUrl, authSecret: process.env.AUTH_SECRET ?? localAuthSecret(), livekit });
  const next = start({
    name: "next",
    command: nextBin,
    args: ["dev", "--hostname", "127.0.0.1", "--port", String(port)],
    env,
  });
  // The first request compiles the route, which takes a while on a cold cache.
  await waitForHttp(`${baseUrl}/api/health`, { timeoutMs: 180_000, service: next });
  printBanner(baseUrl, accounts, database);

  const code = await next.exited;
  if (isShuttingDown()) return;
  console.error(`next dev exited with code ${code}; stopping the demo`);
  await shutdown();
  process.exit(code === 0 ? 1 : code);
}

/** Generated once and kept, so sessions survive restarting the demo. */
function localAuthSecret(): string {
  const file = dataPath("auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function printBanner(baseUrl: string, accounts: DemoAccount[], database: string): void {
  const header = ["Role", "Name", "Sign in with", "Password", "Note"];
  const rows = accounts.map((a) => [a.role, a.name, a.login, a.password ?? "-", a.note ?? ""]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  const rule = "=".repeat(Math.max(60, line(header).length));

  console.log(
    [
      "",
      rule,
      "  Rabta is running",
      "",
      `  App:            ${baseUrl}`,
      `  SMS outbox:     ${baseUrl}/dev/outbox   (sign-in codes land here)`,
      `  Database:       ${database}`,
      "",
      "  Demo accounts:",
      `  ${line(header)}`,
      ...rows.map((row) => `  ${line(row)}`),
      "",
      "  Press Ctrl-C to stop everything.",
      rule,
      "",
    ].join("\n"),
  );
}

main().catch(async (error: unknown) => {
  console.error(`demo failed: ${describe(error)}`);
  await shutdown();
  process.exit(1);
});
