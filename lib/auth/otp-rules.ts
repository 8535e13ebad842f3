import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_MIN_INTERVAL_MS = 60_000;
export const OTP_MAX_SENDS_PER_HOUR = 5;
export const OTP_LENGTH = 6;

const HOUR_MS = 60 * 60_000;

export type OtpChallengeState = {
  codeHash: string;
  expiresAt: Date;
  attempts: number;
  consumedAt: Date | null;
};

export type OtpAttemptResult = "ok" | "wrong" | "expired" | "too_many_attempts" | "used";

export type ResendDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A uniformly random numeric code of OTP_LENGTH digits, from the CSPRNG. */
export function generateOtpCode(): string {
  return String(randomInt(0, 10 ** OTP_LENGTH)).padStart(OTP_LENGTH, "0");
}

/**
 * HMAC-SHA256 (hex) of the code bound to the phone number, keyed by a server secret.
 * A plain hash of a 6-digit code falls to a million guesses offline if the table leaks;
 * the key keeps that out of reach, and binding the phone stops a hash being replayed
 * against another number's challenge.
 */
export function hashOtpCode(code: string, phoneE164: string, secret: string): string {
  if (secret.length === 0) throw new Error("OTP hashing secret must not be empty");
  // The separator keeps (phone, code) pairs from colliding through concatenation.
  return createHmac("sha256", secret).update(`${phoneE164}\n${code}`).digest("hex");
}

/**
 * Decide a submitted code against a stored challenge. Checks run in the order used,
 * expired (now >= expiresAt), too many attempts (attempts >= OTP_MAX_ATTEMPTS), then a
 * constant-time hash comparison.
 *
 * On "wrong" the caller must increment `attempts` in the same statement that checks it,
 * e.g. `UPDATE ... SET attempts = attempts + 1 WHERE id = $1 AND attempts = $seen`, and
 * consume on "ok" with `... WHERE consumed_at IS NULL AND attempts = $seen`, treating zero
 * updated rows as a refusal (or hold a row lock across read and write). A plain
 * read-check-write lets parallel requests all see the same count and exceed the limit.
 */
export function checkOtpAttempt(state: OtpChallengeState, submittedHash: string, now: Date): OtpAttemptResult {
  if (state.consumedAt !== null) return "used";
  if (now.getTime() >= state.expiresAt.getTime()) return "expired";
  if (state.attempts >= OTP_MAX_ATTEMPTS) return "too_many_attempts";
  return hashesEqual(state.codeHash, submittedHash) ? "ok" : "wrong";
}

/**
 * Whether another code may be sent now, given the times of earlier sends to the same
 * number (any order). Requires OTP_RESEND_MIN_INTERVAL_MS since the latest send and fewer
 * than OTP_MAX_SENDS_PER_HOUR sends in the trailing hour; otherwise reports the wait,
 * rounded up to whole seconds, until both hold.
 */
export function checkResendAllowed(previousSendTimes: Date[], now: Date): ResendDecision {
  const nowMs = now.getTime();
  const sends = previousSendTimes.map((d) => d.getTime()).sort((a, b) => a - b);
  const latest = sends.at(-1);
  let waitMs = latest === undefined ? 0 : latest + OTP_RESEND_MIN_INTERVAL_MS - nowMs;

  const inLastHour = sends.filter((t) => t > nowMs - HOUR_MS);
  if (inLastHour.length >= OTP_MAX_SENDS_PER_HOUR) {
    // Sending becomes possible once enough old sends age out to leave MAX - 1 in the window.
    const mustExpire = inLastHour[inLastHour.length - OTP_MAX_SENDS_PER_HOUR];
    if (mustExpire !== undefined) waitMs = Math.max(waitMs, mustExpire + HOUR_MS - nowMs);
  }

  return waitMs > 0 ? { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { ok: true };
}

function hashesEqual(stored: string, submitted: string): boolean {
  const a = Buffer.from(stored, "utf8");
  const b = Buffer.from(submitted, "utf8");
  // Length is not secret (always 64 hex chars), and timingSafeEqual requires equal lengths.
  return a.length === b.length && timingSafeEqual(a, b);
}
