import { MINUTE_MS } from "./rate-limit-rules";

/**
 * How failed staff sign-ins slow down and then stop whoever keeps failing (OWASP ASVS 2.2.1:
 * anti-automation). Failures count inside a window that opens with the first one. From
 * `delayAfter` failures on, the next attempt is accepted only after a delay that doubles with
 * each further failure (up to `maxDelayMs`); the `lockAfter`-th failure locks for `lockMs`,
 * during which even the right password is refused. Attempts refused by a delay or a lock are
 * not checked, so they are not failures.
 */
export type ThrottlePolicy = {
  windowMs: number;
  delayAfter: number;
  baseDelayMs: number;
  maxDelayMs: number;
  lockAfter: number;
  lockMs: number;
};

/**
 * One account (the email typed, known or not, so that a lock says nothing about whether an
 * account exists): 3 free tries, then 5 s and 10 s waits, and the 5th failure in 15 minutes
 * locks it for 15 minutes. About 20 guesses an hour at most, while someone who mistypes twice
 * never notices.
 */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * MINUTE_MS,
  delayAfter: 3,
  baseDelayMs: 5_000,
  maxDelayMs: 60_000,
  lockAfter: 5,
  lockMs: 15 * MINUTE_MS,
};

/**
 * One client address, across accounts (password spraying). A facility's staff share one NAT
 * address, so the threshold is higher: delays from the 10th failure in 15 minutes, a 15-minute
 * lock at the 20th. A handful of staff mistyping never gets there.
 */
export const CLIENT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * MINUTE_MS,
  delayAfter: 10,
  baseDelayMs: 5_000,
  maxDelayMs: 60_000,
  lockAfter: 20,
  lockMs: 15 * MINUTE_MS,
};

export type ThrottleState = {
  failures: number;
  windowStartedAt: Date | null;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
};

export const NO_FAILURES: ThrottleState = { failures: 0, windowStartedAt: null, lastFailureAt: null, lockedUntil: null };

export type ThrottleCheck = { ok: true } | { ok: false; reason: "locked" | "delayed"; retryAfterSeconds: number };

/** Failures that still count at `now`: none once the window that the first one opened has passed. */
export function liveFailures(state: ThrottleState, policy: ThrottlePolicy, now: Date): number {
  if (!state.windowStartedAt || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs) return 0;
  return state.failures;
}

/** The wait before the next attempt after `failures` failures in the window. */
export function delayAfterFailures(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.delayAfter) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.delayAfter));
}

/** Whether an attempt may be checked at all now, or must wait for a lock or a delay to end. */
export function checkThrottle(state: ThrottleState, policy: ThrottlePolicy, now: Date): ThrottleCheck {
  const nowMs = now.getTime();
  if (state.lockedUntil && nowMs < state.lockedUntil.getTime()) {
    return { ok: false, reason: "locked", retryAfterSeconds: secondsUntil(state.lockedUntil.getTime(), nowMs) };
  }
  const delay = delayAfterFailures(liveFailures(state, policy, now), policy);
  if (delay > 0 && state.lastFailureAt) {
    const until = state.lastFailureAt.getTime() + delay;
    if (nowMs < until) return { ok: false, reason: "delayed", retryAfterSeconds: secondsUntil(until, nowMs) };
  }
  return { ok: true };
}

/**
 * The state after one more failure at `now`, whether it locked, and how long the next attempt
 * must wait. A lock starts the count afresh for when it ends.
 */
export function afterFailure(
  state: ThrottleState,
  policy: ThrottlePolicy,
  now: Date,
): { state: ThrottleState; locked: boolean; retryAfterSeconds: number } {
  const failures = liveFailures(state, policy, now) + 1;
  if (failures >= policy.lockAfter) {
    const lockedUntil = new Date(now.getTime() + policy.lockMs);
    return { state: { failures: 0, windowStartedAt: null, lastFailureAt: now, lockedUntil }, locked: true, retryAfterSeconds: policy.lockMs / 1000 };
  }
  return {
    state: { failures, windowStartedAt: failures === 1 ? now : state.windowStartedAt, lastFailureAt: now, lockedUntil: null },
    locked: false,
    retryAfterSeconds: delayAfterFailures(failures, policy) / 1000,
  };
}

function secondsUntil(untilMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((untilMs - nowMs) / 1000));
}
