export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The start of the fixed window (aligned to the epoch, so to the clock hour for an hour) holding `now`. */
export function windowStartOf(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/**
 * Decides one request against a fixed-window limit, given the window's count with this request
 * already added (what an increment-and-return upsert answers). Over the limit, the wait runs to
 * the end of the window, in whole seconds, at least one.
 *
 * A fixed window lets a client spend one window's allowance at its end and the next one's at
 * the start: up to twice the limit in a short burst, never more. For abuse ceilings that is
 * enough, and it costs one row per key and window.
 */
export function decideWindowCount(countWithThis: number, limit: number, windowStart: Date, windowMs: number, now: Date): LimitDecision {
  if (countWithThis <= limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)) };
}
