import type { Role } from "@/db/schema";
import { staffRoles } from "./roles";

/** The warning before an idle staff session ends, with a way to stay signed in. */
export const IDLE_WARNING_MS = 60_000;
/**
 * The user's input extends the session at most this often: a ping per half minute of typing is
 * plenty when the limit is in minutes, and keeps a busy page from writing on every key.
 */
export const ACTIVITY_PING_INTERVAL_MS = 30_000;

export type SessionEndReason = "signed_out" | "idle";
export type SessionRow = { lastActivityAt: Date; endedAt: Date | null; endReason: SessionEndReason | null };
export type SessionDecision = { status: "active"; expiresAt: Date | null } | { status: "ended"; reason: SessionEndReason };

/**
 * Staff work on facility devices that others use next, so their sessions end after `idleMs`
 * without their input; patients sign in on their own phones and are not timed out (their
 * session lasts as long as its JWT). An ended session stays ended.
 */
export function idlesOut(role: Role): boolean {
  return staffRoles.includes(role);
}

/** Whether a session still stands at `now`, and until when without further activity. */
export function decideSession(session: SessionRow, role: Role, idleMs: number, now: Date): SessionDecision {
  if (session.endedAt) return { status: "ended", reason: session.endReason ?? "signed_out" };
  if (!idlesOut(role)) return { status: "active", expiresAt: null };
  const expiresAt = new Date(session.lastActivityAt.getTime() + idleMs);
  return now.getTime() >= expiresAt.getTime() ? { status: "ended", reason: "idle" } : { status: "active", expiresAt };
}
