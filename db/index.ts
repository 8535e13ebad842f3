import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

function connect() {
  const client = postgres(env().DATABASE_URL, { max: 10, onnotice: () => {} });
  return drizzle(client, { schema, casing: "snake_case" });
}

export type Database = ReturnType<typeof connect>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the client or a transaction: for reads that serve both. */
export type DbOrTx = Database | Transaction;

// One client per process; kept on globalThis so dev-mode hot reloads do not open new pools.
const holder = globalThis as unknown as { rabtaDb?: Database };

/** The one database client of the app. */
export function db(): Database {
  holder.rabtaDb ??= connect();
  return holder.rabtaDb;
}
