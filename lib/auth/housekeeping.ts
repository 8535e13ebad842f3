import { and, isNull, lt, or } from "drizzle-orm";
import { db } from "@/db";
import { rateLimitCounters, signInThrottles, userSessions } from "@/db/schema";

const DAY_MS = 24 * 60 * 60_000;
// Sessions outlive their JWT (12 hours) by a month, for anyone looking into who was signed in when.
const SESSION_KEEP_MS = 30 * DAY_MS;

/**
 * Drops what the sign-in limits no longer read: counters of windows that ended a day ago,
 * throttles whose last failure and lock are a day old, and sessions started a month ago.
 * Returns how many rows went, per table.
 */
export async function forgetOldSignIns(now: Date): Promise<{ counters: number; throttles: number; sessions: number }> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const counters = await db().delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, dayAgo)).returning({ key: rateLimitCounters.key });
  const throttles = await db()
    .delete(signInThrottles)
    .where(
      and(
        or(isNull(signInThrottles.lastFailureAt), lt(signInThrottles.lastFailureAt, dayAgo)),
        or(isNull(signInThrottles.lockedUntil), lt(signInThrottles.lockedUntil, dayAgo)),
      ),
    )
    .returning({ key: signInThrottles.key });
  const sessions = await db()
    .delete(userSessions)
    .where(lt(userSessions.startedAt, new Date(now.getTime() - SESSION_KEEP_MS)))
    .returning({ id: userSessions.id });
  return { counters: counters.length, throttles: throttles.length, sessions: sessions.length };
}
