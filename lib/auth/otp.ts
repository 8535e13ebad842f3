import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/db";
import { otpChallenges, users, type User } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { serverTranslator, type Locale } from "@/lib/i18n/config";
import { normalizePkMobile } from "@/lib/patients/identifiers";
import { sendSms } from "@/lib/sms/send-sms";
import {
  OTP_TTL_MS,
  checkOtpAttempt,
  checkResendAllowed,
  generateOtpCode,
  hashOtpCode,
} from "./otp-rules";

function parsePhone(input: string): string {
  const phone = normalizePkMobile(input);
  if (!phone) throw new AppError("invalid", "phone_invalid", { phone: "phone_invalid" });
  return phone;
}

/**
 * Sends a sign-in code to a Pakistani mobile number. Resends are limited per number
 * (see otp-rules), whoever asks, so that nobody can flood a stranger's phone.
 */
export async function requestOtp(phoneInput: string, locale: Locale): Promise<{ phone: string }> {
  const phone = parsePhone(phoneInput);
  const now = new Date();
  const hourAgo = new Date(now.getTime() - 60 * 60_000);
  const recent = await db()
    .select({ createdAt: otpChallenges.createdAt })
    .from(otpChallenges)
    .where(and(eq(otpChallenges.phone, phone), gt(otpChallenges.createdAt, hourAgo)));
  const allowed = checkResendAllowed(
    recent.map((r) => r.createdAt),
    now,
  );
  if (!allowed.ok) {
    throw new AppError("rate_limited", "otp_rate_limited", { phone: "otp_rate_limited" }, {
      retryAfterSeconds: allowed.retryAfterSeconds,
    });
  }

  const code = generateOtpCode();
  await db()
    .insert(otpChallenges)
    .values({ phone, codeHash: hashOtpCode(code, phone, env().AUTH_SECRET), expiresAt: new Date(now.getTime() + OTP_TTL_MS) });
  const t = serverTranslator(locale, "sms");
  await sendSms(phone, t("otp", { code }));
  return { phone };
}

export type OtpFailure = "wrong" | "expired" | "too_many_attempts" | "used" | "no_code";

/**
 * Checks a code against the newest challenge for the number and, on success, returns the
 * patient account (created on first sign-in). The row is locked while checking so that
 * parallel guesses cannot each get the same attempt.
 */
export async function verifyOtp(
  phoneInput: string,
  code: string,
  locale?: Locale,
): Promise<{ ok: true; user: User } | { ok: false; reason: OtpFailure }> {
  const phone = parsePhone(phoneInput);
  const submittedHash = hashOtpCode(code.trim(), phone, env().AUTH_SECRET);
  const now = new Date();

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

  const user = await findOrCreatePatientAccount(phone, locale);
  return user ? { ok: true, user } : { ok: false, reason: "wrong" };
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
