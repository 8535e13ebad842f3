import { describe, expect, it } from "vitest";
import {
  OTP_LENGTH,
  OTP_MAX_ATTEMPTS,
  OTP_MAX_SENDS_PER_HOUR,
  OTP_RESEND_MIN_INTERVAL_MS,
  OTP_TTL_MS,
  checkOtpAttempt,
  checkResendAllowed,
  generateOtpCode,
  hashOtpCode,
  type OtpChallengeState,
} from "./otp-rules";

const PHONE = "+923001234567";
const SECRET = "test-secret-not-for-production";
const T0 = new Date("2025-01-06T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

function challenge(code: string, overrides: Partial<OtpChallengeState> = {}): OtpChallengeState {
  return { codeHash: hashOtpCode(code, PHONE, SECRET), expiresAt: at(OTP_TTL_MS), attempts: 0, consumedAt: null, ...overrides };
}

describe("constants", () => {
  it("match the agreed policy", () => {
    expect([OTP_TTL_MS, OTP_MAX_ATTEMPTS, OTP_RESEND_MIN_INTERVAL_MS, OTP_MAX_SENDS_PER_HOUR, OTP_LENGTH]).toEqual([
      300_000, 5, 60_000, 5, 6,
    ]);
  });
});

describe("generateOtpCode", () => {
  it("returns six ASCII digits, zero-padded, and varies", () => {
    const codes = Array.from({ length: 2000 }, generateOtpCode);
    for (const code of codes) expect(code).toMatch(/^[0-9]{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(1900);
  });
});

describe("hashOtpCode", () => {
  it("is a deterministic 64-char hex HMAC", () => {
    const hash = hashOtpCode("123456", PHONE, SECRET);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOtpCode("123456", PHONE, SECRET)).toBe(hash);
  });

  it("depends on the code, the phone and the secret", () => {
    const base = hashOtpCode("123456", PHONE, SECRET);
    expect(hashOtpCode("123457", PHONE, SECRET)).not.toBe(base);
    expect(hashOtpCode("123456", "+923001234568", SECRET)).not.toBe(base);
    expect(hashOtpCode("123456", PHONE, `${SECRET}x`)).not.toBe(base);
  });

  it("does not collide across the phone/code boundary", () => {
    expect(hashOtpCode("23456", "+9230012345671", SECRET)).not.toBe(hashOtpCode("123456", "+923001234567", SECRET));
  });

  it("refuses an empty secret", () => {
    expect(() => hashOtpCode("123456", PHONE, "")).toThrow();
  });
});

describe("checkOtpAttempt", () => {
  const right = hashOtpCode("424242", PHONE, SECRET);
  const wrong = hashOtpCode("000000", PHONE, SECRET);

  it("accepts the right code and rejects a wrong one", () => {
    expect(checkOtpAttempt(challenge("424242"), right, T0)).toBe("ok");
    expect(checkOtpAttempt(challenge("424242"), wrong, T0)).toBe("wrong");
    expect(checkOtpAttempt(challenge("424242"), "", T0)).toBe("wrong");
    expect(checkOtpAttempt(challenge("424242"), right.toUpperCase(), T0)).toBe("wrong");
  });

  it("expires exactly at expiresAt", () => {
    expect(checkOtpAttempt(challenge("424242"), right, at(OTP_TTL_MS - 1))).toBe("ok");
    expect(checkOtpAttempt(challenge("424242"), right, at(OTP_TTL_MS))).toBe("expired");
    expect(checkOtpAttempt(challenge("424242"), right, at(OTP_TTL_MS + 1))).toBe("expired");
  });

  it("refuses even the right code after five wrong tries", () => {
    let state = challenge("424242");
    for (let i = 0; i < OTP_MAX_ATTEMPTS; i++) {
      expect(checkOtpAttempt(state, wrong, at(i * 1000))).toBe("wrong");
      state = { ...state, attempts: state.attempts + 1 };
    }
    expect(checkOtpAttempt(state, right, at(10_000))).toBe("too_many_attempts");
    expect(checkOtpAttempt({ ...state, attempts: OTP_MAX_ATTEMPTS - 1 }, right, at(10_000))).toBe("ok");
  });

  it("refuses a code that was already used", () => {
    expect(checkOtpAttempt(challenge("424242", { consumedAt: at(1000) }), right, at(2000))).toBe("used");
  });

  it("reports used before expired before too many attempts", () => {
    const late = at(OTP_TTL_MS + 1);
    expect(checkOtpAttempt(challenge("424242", { consumedAt: T0, attempts: 9 }), right, late)).toBe("used");
    expect(checkOtpAttempt(challenge("424242", { attempts: 9 }), right, late)).toBe("expired");
  });
});

describe("checkResendAllowed", () => {
  it("allows the first send", () => {
    expect(checkResendAllowed([], T0)).toEqual({ ok: true });
  });

  it("enforces the minimum interval with a rounded-up wait", () => {
    expect(checkResendAllowed([T0], at(1))).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(checkResendAllowed([T0], at(30_500))).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(checkResendAllowed([T0], at(59_001))).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(checkResendAllowed([T0], at(OTP_RESEND_MIN_INTERVAL_MS))).toEqual({ ok: true });
  });

  it("measures the interval from the latest send regardless of order", () => {
    expect(checkResendAllowed([at(120_000), T0], at(150_000))).toEqual({ ok: false, retryAfterSeconds: 30 });
  });

  it("caps sends per trailing hour and waits for the oldest to age out", () => {
    const sends = [0, 2, 4, 6, 8].map((m) => at(m * 60_000));
    expect(checkResendAllowed(sends.slice(0, 4), at(10 * 60_000))).toEqual({ ok: true });
    expect(checkResendAllowed(sends, at(10 * 60_000))).toEqual({ ok: false, retryAfterSeconds: 50 * 60 });
    expect(checkResendAllowed(sends, at(60 * 60_000 - 1))).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(checkResendAllowed(sends, at(60 * 60_000))).toEqual({ ok: true });
  });

  it("only counts sends inside the trailing hour", () => {
    const sends = [-90, -70, 0, 2, 4, 6].map((m) => at(m * 60_000));
    expect(checkResendAllowed(sends, at(10 * 60_000))).toEqual({ ok: true });
  });

  it("reports the longer wait when both limits apply", () => {
    const sends = [0, 1, 2, 3, 59.5].map((m) => at(m * 60_000));
    expect(checkResendAllowed(sends, at(59 * 60_000 + 40_000))).toEqual({ ok: false, retryAfterSeconds: 50 });
    const burst = [0, 50, 51, 52, 53].map((m) => at(m * 60_000));
    expect(checkResendAllowed(burst, at(53 * 60_000 + 10_000))).toEqual({ ok: false, retryAfterSeconds: 6 * 60 + 50 });
  });
});
