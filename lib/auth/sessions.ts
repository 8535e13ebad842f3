import { and, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { userSessions, users } from "@/db/schema";
import { env } from "@/lib/env";
import { batchLoader } from "@/lib/realtime/batch";
import type { Actor } from "./roles";
import { decideSession, idlesOut, type SessionEndReason, type SessionRow } from "./session-rules";
import { isUuid } from "@/lib/ids";

/** How long a staff session lasts without the user's input (STAFF_IDLE_MINUTES). */
export function staffIdleMinutes(): number {
  return env().STAFF_IDLE_MINUTES;
}

function idleMs(): number {
  return staffIdleMinutes() * 60_000;
}

export type SessionLookup =
  | { status: "active"; actor: Actor; sessionId: string; expiresAt: Date | null }
  | { status: "ended"; reason: SessionEndReason }
  | { status: "none" };

/** How long a staff session has left without activity, for the browser's warning; null when it does not idle out. */
export function idleTimeLeft(session: SessionLookup, now = new Date()): number | null {
  if (session.status !== "active" || !session.expiresAt) return null;
  return Math.max(0, session.expiresAt.getTime() - now.getTime());
}

/** Opens the session a new sign-in gets; its id goes into the JWT. */
export async function startSession(userId: string, clientAddress: string, now = new Date()): Promise<string> {
  const [row] = await db()
    .insert(userSessions)
    .values({ userId, clientAddress, startedAt: now, lastActivityAt: now })
    .returning({ id: userSessions.id });
  return row!.id;
}

const sessionColumns = {
  sessionId: userSessions.id,
  userId: users.id,
  role: users.role,
  name: users.name,
  lastActivityAt: userSessions.lastActivityAt,
  endedAt: userSessions.endedAt,
  endReason: userSessions.endReason,
};

/**
 * The session a JWT names, as the database knows it now: its user (not disabled, with their
 * current role) while it stands, or why it ended. A staff session idle past the limit is ended
 * here, dated when it went idle: this is the real gate, whatever the browser shows. A token
 * without a session id (signed before sessions were recorded) opens nothing.
 */
export async function resolveSession(userId: string, sessionId: string | undefined, now = new Date()): Promise<SessionLookup> {
  if (!sessionId || !isUuid(sessionId)) return { status: "none" };
  const [row] = await db()
    .select(sessionColumns)
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(users.disabledAt)));
  return row ? decide(row, now) : { status: "none" };
}

// Sessions of requests that arrive together, read with one query (see resolveSessionInStorm).
const sessionsInStorm = batchLoader(async (sessionIds: string[]) => {
  const rows = await db()
    .select(sessionColumns)
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(inArray(userSessions.id, sessionIds), isNull(users.disabledAt)));
  return new Map(rows.map((row) => [row.sessionId, row]));
});

/**
 * resolveSession, for requests that come in storms: the live queue's event streams, which every
 * waiting phone reopens at once after a network blip or a restart. The answer is the same; the
 * session reads of requests arriving within a few milliseconds of each other are one query.
 */
export async function resolveSessionInStorm(userId: string, sessionId: string | undefined, now = new Date()): Promise<SessionLookup> {
  if (!sessionId || !isUuid(sessionId)) return { status: "none" };
  const row = await sessionsInStorm(sessionId.toLowerCase());
  return row && row.userId === userId ? decide(row, now) : { status: "none" };
}

type SessionRecord = SessionRow & { sessionId: string; userId: string; role: Actor["role"]; name: Actor["name"] };

async function decide(row: SessionRecord, now: Date): Promise<SessionLookup> {
  const decision = decideSession(row, row.role, idleMs(), now);
  if (decision.status === "ended") {
    if (!row.endedAt) await endIdleSession(row.sessionId, now);
    return decision;
  }
  return { status: "active", actor: { id: row.userId, role: row.role, name: row.name }, sessionId: row.sessionId, expiresAt: decision.expiresAt };
}

/**
 * The user did something (typed, clicked, or is in a call): the idle clock starts again. A
 * session already idle past the limit is not revived, even if nobody has looked at it since.
 * Returns when it now expires, or null when it no longer stands.
 */
export async function recordActivity(actor: Actor, sessionId: string, now = new Date()): Promise<Date | null> {
  if (!idlesOut(actor.role)) return null;
  const limit = idleMs();
  const [row] = await db()
    .update(userSessions)
    .set({ lastActivityAt: sql`greatest(${userSessions.lastActivityAt}, ${now.toISOString()}::timestamptz)` })
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, actor.id),
        isNull(userSessions.endedAt),
        gt(userSessions.lastActivityAt, new Date(now.getTime() - limit)),
      ),
    )
    .returning({ lastActivityAt: userSessions.lastActivityAt });
  return row ? new Date(row.lastActivityAt.getTime() + limit) : null;
}

/** Ends a session for good (sign-out); its JWT opens nothing afterwards. */
export async function endSession(sessionId: string, now = new Date()): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await db()
    .update(userSessions)
    .set({ endedAt: now, endReason: "signed_out" })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt)));
}

async function endIdleSession(sessionId: string, now: Date): Promise<void> {
  const limit = idleMs();
  await db()
    .update(userSessions)
    .set({ endedAt: sql`${userSessions.lastActivityAt} + make_interval(secs => ${limit / 1000})`, endReason: "idle" })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt), lte(userSessions.lastActivityAt, new Date(now.getTime() - limit))));
}
