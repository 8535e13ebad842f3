import { describe, expect, it } from "vitest";
import {
  ACCOUNT_THROTTLE,
  CLIENT_THROTTLE,
  NO_FAILURES,
  afterFailure,
  checkThrottle,
  delayAfterFailures,
  liveFailures,
  type ThrottleState,
} from "./sign-in-throttle-rules";

const T0 = new Date("2030-05-06T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** Fails `times` times, each attempt as early as the policy accepts it; returns the state and when. */
function failRepeatedly(times: number, policy = ACCOUNT_THROTTLE, start = 0) {
  let state: ThrottleState = NO_FAILURES;
  let t = start;
  const locks: number[] = [];
  for (let i = 0; i < times; i++) {
    const check = checkThrottle(state, policy, at(t));
    if (!check.ok) t += check.retryAfterSeconds;
    expect(checkThrottle(state, policy, at(t))).toEqual({ ok: true });
    const next = afterFailure(state, policy, at(t));
    if (next.locked) locks.push(t);
    state = next.state;
  }
  return { state, t, locks };
}

describe("policies", () => {
  it("match the agreed thresholds", () => {
    expect(ACCOUNT_THROTTLE).toEqual({ windowMs: 900_000, delayAfter: 3, baseDelayMs: 5000, maxDelayMs: 60_000, lockAfter: 5, lockMs: 900_000 });
    expect(CLIENT_THROTTLE).toEqual({ windowMs: 900_000, delayAfter: 10, baseDelayMs: 5000, maxDelayMs: 60_000, lockAfter: 20, lockMs: 900_000 });
  });
});

describe("delayAfterFailures", () => {
  it("is free below the threshold, then doubles up to the cap", () => {
    expect([0, 1, 2, 3, 4].map((n) => delayAfterFailures(n, ACCOUNT_THROTTLE))).toEqual([0, 0, 0, 5000, 10_000]);
    expect([9, 10, 11, 12, 13, 14, 19].map((n) => delayAfterFailures(n, CLIENT_THROTTLE))).toEqual([0, 5000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });
});

describe("account throttle", () => {
  it("lets two mistakes pass unnoticed", () => {
    let state = afterFailure(NO_FAILURES, ACCOUNT_THROTTLE, at(0)).state;
    state = afterFailure(state, ACCOUNT_THROTTLE, at(1)).state;
    expect(checkThrottle(state, ACCOUNT_THROTTLE, at(1))).toEqual({ ok: true });
  });

  it("makes the attempt after the third failure wait 5 s, after the fourth 10 s", () => {
    let state = NO_FAILURES;
    for (const t of [0, 1, 2]) state = afterFailure(state, ACCOUNT_THROTTLE, at(t)).state;
    expect(checkThrottle(state, ACCOUNT_THROTTLE, at(2))).toEqual({ ok: false, reason: "delayed", retryAfterSeconds: 5 });
    expect(checkThrottle(state, ACCOUNT_THROTTLE, at(6.5))).toEqual({ ok: false, reason: "delayed", retryAfterSeconds: 1 });
    expect(checkThrottle(state, ACCOUNT_THROTTLE, at(7))).toEqual({ ok: true });
    const fourth = afterFailure(state, ACCOUNT_THROTTLE, at(7));
    expect(fourth).toMatchObject({ locked: false, retryAfterSeconds: 10 });
    expect(checkThrottle(fourth.state, ACCOUNT_THROTTLE, at(16))).toMatchObject({ ok: false, reason: "delayed" });
    expect(checkThrottle(fourth.state, ACCOUNT_THROTTLE, at(17))).toEqual({ ok: true });
  });

  it("locks at the fifth failure within 15 minutes, for 15 minutes", () => {
    const { state, t, locks } = failRepeatedly(5);
    expect(locks).toEqual([t]);
    expect(t).toBe(15);
    expect(checkThrottle(state, ACCOUNT_THROTTLE, at(t))).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 900 });
    expect(checkThrottle(state, ACCOUNT_THROTTLE, at(t + 899.5))).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 1 });
    expect(checkThrottle(state, ACCOUNT_THROTTLE, at(t + 900))).toEqual({ ok: true });
  });

  it("starts afresh after a lock ends", () => {
    const { state, t } = failRepeatedly(5);
    const after = afterFailure(state, ACCOUNT_THROTTLE, at(t + 900));
    expect(after).toMatchObject({ locked: false, retryAfterSeconds: 0 });
    expect(after.state).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it("forgets failures once their window has passed", () => {
    let state = NO_FAILURES;
    for (const t of [0, 60, 120, 180]) {
      const check = checkThrottle(state, ACCOUNT_THROTTLE, at(t));
      expect(check.ok).toBe(true);
      state = afterFailure(state, ACCOUNT_THROTTLE, at(t)).state;
    }
    expect(liveFailures(state, ACCOUNT_THROTTLE, at(899))).toBe(4);
    expect(liveFailures(state, ACCOUNT_THROTTLE, at(900))).toBe(0);
    // The fifth failure after the window is the first of a new one, not a lock.
    const fifth = afterFailure(state, ACCOUNT_THROTTLE, at(900));
    expect(fifth.locked).toBe(false);
    expect(fifth.state).toMatchObject({ failures: 1, windowStartedAt: at(900) });
  });
});

describe("client throttle", () => {
  it("tolerates nine failures without a wait and locks at the twentieth", () => {
    const nine = failRepeatedly(9, CLIENT_THROTTLE);
    expect(nine.t).toBe(0);
    expect(checkThrottle(nine.state, CLIENT_THROTTLE, at(0))).toEqual({ ok: true });
    const twenty = failRepeatedly(20, CLIENT_THROTTLE);
    expect(twenty.locks).toEqual([twenty.t]);
    // 5 + 10 + 20 + 40 + 6 × 60 s of waiting: still inside the 15-minute window.
    expect(twenty.t).toBe(435);
    expect(checkThrottle(twenty.state, CLIENT_THROTTLE, at(twenty.t))).toMatchObject({ ok: false, reason: "locked", retryAfterSeconds: 900 });
  });
});
