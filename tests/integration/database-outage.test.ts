import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { db, outageOptions } from "@/db";
import { env } from "@/lib/env";
import { isDatabaseUnavailable, toHttpError } from "@/lib/errors";

const clients: postgres.Sql[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end({ timeout: 1 })));
});

describe("a connection the server ends", () => {
  it("cuts the query off in a way recognised as the database being unavailable, and the client connects again", async () => {
    // A client of its own, set up as the app's pool is, whose one backend is terminated as a
    // server shutdown would terminate it.
    const victim = postgres(env().DATABASE_URL, { max: 1, onnotice: () => {}, ...outageOptions });
    clients.push(victim);
    const [backend] = await victim<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const pid = backend!.pid;
    const sleeping = victim`select pg_sleep(30)`.then(
      () => null,
      (error: unknown) => error,
    );
    // Wait until the sleep is running on the server, so that the termination interrupts it.
    for (let i = 0; i < 100; i++) {
      const [row] = await db().execute<{ active: boolean }>(
        sql`select exists (select 1 from pg_stat_activity where pid = ${pid} and query like 'select pg_sleep%') as active`,
      );
      if (row?.active) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await db().execute(sql`select pg_terminate_backend(${pid})`);
    const error = await sleeping;

    // postgres.js reports the server's FATAL 57P01 (admin shutdown) as the connection closing,
    // and may hand the FATAL message itself to the next query: both must read as an outage.
    expect(["57P01", "CONNECTION_CLOSED"]).toContain((error as { code?: string } | null)?.code);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(toHttpError(error).status).toBe(503);
    let back = false;
    for (let attempt = 0; attempt < 3 && !back; attempt++) {
      try {
        const [row] = await victim<{ again: number }[]>`select 1 as again`;
        back = row?.again === 1;
      } catch (failure) {
        expect(isDatabaseUnavailable(failure), String(failure)).toBe(true);
      }
    }
    expect(back).toBe(true);
  });

  it("is not confused with a query that fails on a server that is up", async () => {
    const error = await db()
      .execute(sql`select 1 / 0`)
      .then(() => null, (e: unknown) => e);
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("the app's pool", () => {
  it("is replaced once it loses a connection, and the new one answers", async () => {
    const before = db();
    const [row] = await before.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
    const killer = postgres(env().DATABASE_URL, { max: 1, onnotice: () => {} });
    clients.push(killer);
    await killer`select pg_terminate_backend(${row!.pid})`;

    const deadline = Date.now() + 5_000;
    while (db() === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(db()).not.toBe(before);
    const [again] = await db().execute<{ ok: number }>(sql`select 1 as ok`);
    expect(again?.ok).toBe(1);
    // The old pool takes no new work: whoever kept it hears that it has ended.
    const stale = await before.execute(sql`select 1`).then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(stale)).toBe(true);
  });
});
