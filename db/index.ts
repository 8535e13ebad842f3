import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

/**
 * How every postgres.js client of the app rides out a database that is down or restarting.
 * postgres.js's defaults wait 30 s for a connection and back off up to 20 s between attempts,
 * during which the queries queued behind them wait too: a 10-second outage would hang requests
 * well past it and keep the app away for up to 20 s after the database is back. Here an attempt
 * gives up after 5 s and a slot tries again within 0.1 s, so requests fail fast (a 503) while
 * the database is away. Attempts are made only for queries that wait, so this adds no load.
 */
export const outageOptions = {
  connect_timeout: 5,
  backoff: (attempt: number) => Math.min(0.01 * 2 ** attempt, 0.1),
} satisfies postgres.Options<Record<string, never>>;

// A retired pool's queries in flight get this long to finish before they are cut off.
const RETIRE_TIMEOUT_S = 10;

type Pool = { database: ReturnType<typeof drizzle<typeof schema, postgres.Sql>>; retired: boolean };

// One pool per process; kept on globalThis so dev-mode hot reloads do not open new pools.
const holder = globalThis as unknown as { rabtaDb?: Pool };

/**
 * A pool that is replaced as a whole once it loses a connection. postgres.js 3.4.9 can leave a
 * connection broken for good when it closes under a transaction (porsager/postgres#1208: the
 * transaction's own ROLLBACK is written to the closed socket, and the stale write then swallows
 * every later connection attempt of that slot, each failing after connect_timeout). A new pool
 * has no such slot. Connections never close on purpose here (no idle timeout, no lifetime
 * limit), so a close means the server or the network went away, and the next query gets a new
 * pool; the old one finishes what it is doing and ends.
 */
function connect(): Pool {
  const pool = { retired: false } as Pool;
  const client = postgres(env().DATABASE_URL, {
    max: 10,
    onnotice: () => {},
    ...outageOptions,
    idle_timeout: 0,
    max_lifetime: null,
    onclose: () => {
      if (pool.retired) return;
      pool.retired = true;
      if (holder.rabtaDb === pool) holder.rabtaDb = undefined;
      client.end({ timeout: RETIRE_TIMEOUT_S }).catch(() => {});
    },
  });
  pool.database = drizzle(client, { schema, casing: "snake_case" });
  return pool;
}

export type Database = Pool["database"];
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the client or a transaction: for reads that serve both. */
export type DbOrTx = Database | Transaction;

/**
 * The one database client of the app. Call it for each use rather than keeping what it
 * returns: after a lost connection it hands out a new pool (see `connect`).
 */
export function db(): Database {
  holder.rabtaDb ??= connect();
  return holder.rabtaDb.database;
}
