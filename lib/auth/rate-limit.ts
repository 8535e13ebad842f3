import { and, eq, gt, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { rateLimitCounters } from "@/db/schema";
import { decideWindowCount, windowStartOf, type LimitDecision } from "./rate-limit-rules";

export type CountedLimit = LimitDecision & { key: string; windowStart: Date };

/**
 * Counts one request against `key`'s fixed window and decides it. One upsert increments and
 * returns the new count, so concurrent requests (on any app instance) queue on the counter's
 * row and each sees a distinct count: no two can take the last place. Inside a transaction that
 * is rolled back, the count goes back with it, so a request refused for any reason costs nothing.
 */
export async function countAgainstLimit(tx: DbOrTx, key: string, limit: number, windowMs: number, now: Date): Promise<CountedLimit> {
  const windowStart = windowStartOf(now, windowMs);
  const [row] = await tx
    .insert(rateLimitCounters)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  return { ...decideWindowCount(row!.count, limit, windowStart, windowMs, now), key, windowStart };
}

/**
 * Takes a place under a limit, committed at once: for attempts that count until they turn out
 * well (a right code gives its place back with `releaseLimit`). A refused attempt takes nothing.
 */
export async function reserveUnderLimit(key: string, limit: number, windowMs: number, now: Date): Promise<CountedLimit> {
  const refused = Symbol("refused");
  let decision: CountedLimit | undefined;
  try {
    await db().transaction(async (tx) => {
      decision = await countAgainstLimit(tx, key, limit, windowMs, now);
      if (!decision.ok) throw refused;
    });
  } catch (error) {
    if (error !== refused) throw error;
  }
  return decision!;
}

/** Gives back a place taken with `reserveUnderLimit`. */
export async function releaseLimit(taken: CountedLimit): Promise<void> {
  await db()
    .update(rateLimitCounters)
    .set({ count: sql`${rateLimitCounters.count} - 1` })
    .where(and(eq(rateLimitCounters.key, taken.key), eq(rateLimitCounters.windowStart, taken.windowStart), gt(rateLimitCounters.count, 0)));
}
