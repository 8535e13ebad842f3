import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { otpChallenges, users, type User } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError, type RetryAfter } from "@/lib/errors";
import { serverTranslator, type Locale } from "@/lib/i18n/config";
import { normalizePkMobile } from "@/lib/identifiers/identifiers";
import { sendSms } from "@/lib/sms/send-sms";
import { clientLimitKey } from "./client-address-rules";
import { OTP_TTL_MS, checkOtpAttempt, checkResendAllowed, generateOtpCode, hashOtpCode } from "./otp-rules";
import { countAgainstLimit, releaseLimit, reserveUnderLimit } from "./rate-limit";
import { HOUR_MS } from "./rate-limit-rules";

/** The limits on sign-in codes beyond the per-number ones of otp-rules; from lib/env.ts unless a test overrides them. */
export type OtpClientLimits = {
  /** Codes one client address may have sent per clock hour, to any numbers. */
  codesPerClientHour: number;
  /** Failed code checks one client address may make per clock hour, over any numbers. */
  wrongCodesPerClientHour: number;
  /** Codes the whole deployment sends per clock hour. */
  smsHourlyBudget: number;
};

/** `now` is the clock the limits read (tests pass their own); `limits` override the configured ones. */
export type OtpOptions = { now?: Date; limits?: Partial<OtpClientLimits> };

function limitsFrom(overrides: Partial<OtpClientLimits> = {}): OtpClientLimits {
  const config = env();
  return {
    codesPerClientHour: config.SIGN_IN_CODES_PER_CLIENT_HOUR,
    wrongCodesPerClientHour: config.SIGN_IN_WRONG_CODES_PER_CLIENT_HOUR,
    smsHourlyBudget: config.SMS_HOURLY_BUDGET,
    ...overrides,
  };
}

function parsePhone(input: string): string {
  const phone = normalizePkMobile(input);
  if (!phone) throw new AppError("invalid", "phone_invalid", { phone: "phone_invalid" });
  return phone;
}

declare module "@/lib/errors" {
  interface ErrorDetails {
    otp_rate_limited: RetryAfter;
    otp_client_rate_limited: RetryAfter;
    otp_busy: RetryAfter;
  }
}

function rateLimited(messageKey: "otp_rate_limited" | "otp_client_rate_limited" | "otp_busy", retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", messageKey, { phone: messageKey }, { retryAfterSeconds });
}

/**
 * Sends a sign-in code to a Pakistani mobile number, for the client at `clientAddress`. Three
 * limits apply, in one transaction so that a refused request counts against none of them:
 * per number (otp-rules: nobody can flood a stranger's phone), per client address (nobody can
 * text thousands of numbers from one machine), and the deployment's hourly SMS budget (nor
 * from many). Concurrent requests cannot slip past any of them (see countAgainstLimit).
 */
export async function requestOtp(phoneInput: string, locale: Locale, clientAddress: string, options: OtpOptions = {}): Promise<{ phone: string }> {
  const phone = parsePhone(phoneInput);
  const now = options.now ?? new Date();
  const limits = limitsFrom(options.limits);
  const code = generateOtpCode();

  await db().transaction(async (tx) => {
    // Requests for one number take turns, so that parallel ones cannot all see room for one more.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('otp_request'), hashtext(${phone}))`);
    const recent = await tx
      .select({ createdAt: otpChallenges.createdAt })
      .from(otpChallenges)
      .where(and(eq(otpChallenges.phone, phone), gt(otpChallenges.createdAt, new Date(now.getTime() - HOUR_MS))));
    const perNumber = checkResendAllowed(
      recent.map((r) => r.createdAt),
      now,
    );
    if (!perNumber.ok) throw rateLimited("otp_rate_limited", perNumber.retryAfterSeconds);

    const perClient = await countAgainstLimit(tx, `otp_send:client:${clientLimitKey(clientAddress)}`, limits.codesPerClientHour, HOUR_MS, now);
    if (!perClient.ok) throw rateLimited("otp_client_rate_limited", perClient.retryAfterSeconds);

    const budget = await countAgainstLimit(tx, "otp_send:all", limits.smsHourlyBudget, HOUR_MS, now);
    if (!budget.ok) {
      console.warn(`Sign-in codes refused: the hourly SMS budget (SMS_HOURLY_BUDGET=${limits.smsHourlyBudget}) is spent`);
      throw rateLimited("otp_busy", budget.retryAfterSeconds);
    }

    await tx.insert(otpChallenges).values({
      phone,
      codeHash: hashOtpCode(code, phone, env().AUTH_SECRET),
      expiresAt: new Date(now.getTime() + OTP_TTL_MS),
      createdAt: now,
    });
  });

  const t = serverTranslator(locale, "sms");
  await sendSms(phone, t("otp", { code }));
  return { phone };
}

export type OtpFailure = "wrong" | "expired" | "too_many_attempts" | "used" | "no_code";
export type OtpResult =
  | { ok: true; user: User }
  | { ok: false; reason: OtpFailure }
  | { ok: false; reason: "client_limited"; retryAfterSeconds: number };

/**
 * Checks a code against the newest challenge for the number and, on success, returns the
 * patient account (created on first sign-in).
 */
export async function verifyOtp(
  phoneInput: string,
  code: string,
  clientAddress: string,
  options: OtpOptions & { locale?: Locale } = {},
): Promise<OtpResult> {
  const proof = await consumeOtp(phoneInput, code, clientAddress, options);
  if (!proof.ok) return proof;
  const user = await findOrCreatePatientAccount(proof.phone, options.locale);
  return user ? { ok: true, user } : { ok: false, reason: "wrong" };
}

export type OtpProof = { ok: true; phone: string } | { ok: false; reason: OtpFailure } | { ok: false; reason: "client_limited"; retryAfterSeconds: number };

/**
 * Proves the caller holds the phone: the code is checked against the newest challenge for the
 * number and used up if right. The row is locked while checking so that parallel guesses cannot
 * each get the same attempt. Every check first takes a place under the client's hourly limit of
 * failed checks, and a right code gives it back: guesses spread over many numbers run out as
 * surely as guesses at one, even when sent in parallel. Signing in and filing a complaint
 * (lib/complaints) both rest on it.
 */
export async function consumeOtp(phoneInput: string, code: string, clientAddress: string, options: OtpOptions = {}): Promise<OtpProof> {
  const phone = parsePhone(phoneInput);
  const submittedHash = hashOtpCode(code.trim(), phone, env().AUTH_SECRET);
  const now = options.now ?? new Date();
  const limits = limitsFrom(options.limits);

  const place = await reserveUnderLimit(`otp_check:client:${clientLimitKey(clientAddress)}`, limits.wrongCodesPerClientHour, HOUR_MS, now);
  if (!place.ok) return { ok: false, reason: "client_limited", retryAfterSeconds: place.retryAfterSeconds };

  const outcome = await db().transaction(async (tx) => {
    const [challenge] = await tx
      .select()
      .from(otpChallenges)
      .where(eq(otpChallenges.phone, phone))
      .orderBy(desc(otpChallenges.createdAt))
      .limit(1)
      .for("update");
    if (!challenge) return "no_code" as const;
    const result = checkOtpAttempt(challenge, submittedHash, now);
    if (result === "wrong") {
      await tx
        .update(otpChallenges)
        .set({ attempts: challenge.attempts + 1 })
        .where(eq(otpChallenges.id, challenge.id));
    } else if (result === "ok") {
      await tx.update(otpChallenges).set({ consumedAt: now }).where(eq(otpChallenges.id, challenge.id));
    }
    return result;
  });
  if (outcome !== "ok") return { ok: false, reason: outcome };
  await releaseLimit(place);
  return { ok: true, phone };
}

/** The patient account of a number, created on first sign-in; SMS go out in the language it signed in with. */
async function findOrCreatePatientAccount(phone: string, locale: Locale | undefined): Promise<User | null> {
  await db()
    .insert(users)
    .values({ role: "patient", name: phone, phone, locale: locale ?? "ur" })
    .onConflictDoUpdate({ target: users.phone, set: locale ? { locale } : { phone } });
  const [user] = await db()
    .select()
    .from(users)
    .where(and(eq(users.phone, phone), isNull(users.disabledAt)));
  // A staff member's phone does not open a patient session; staff sign in with email.
  return user && user.role === "patient" ? user : null;
}
