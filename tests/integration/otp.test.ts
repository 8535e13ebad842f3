import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { otpChallenges, smsOutbox } from "@/db/schema";
import { requestOtp, verifyOtp } from "@/lib/auth/otp";
import { OTP_MAX_ATTEMPTS } from "@/lib/auth/otp-rules";
import { uniqueClientAddress, uniquePhone } from "./fixtures";

// Each test file signs in from an address of its own, so that the per-client limits of one
// file never meet another's.
const client = uniqueClientAddress();

async function lastCodeSentTo(phone: string): Promise<string> {
  const [message] = await db().select().from(smsOutbox).where(eq(smsOutbox.toPhone, phone)).orderBy(desc(smsOutbox.createdAt)).limit(1);
  const code = message?.body.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

const local = (e164: string) => `0${e164.slice(3, 6)}-${e164.slice(6)}`;

describe("SMS sign-in codes", () => {
  it("signs a new number in once, creating a patient account, and stores only a hash", async () => {
    const phone = uniquePhone();
    await requestOtp(local(phone), "en", client);
    const code = await lastCodeSentTo(phone);
    const [challenge] = await db().select().from(otpChallenges).where(eq(otpChallenges.phone, phone));
    expect(challenge!.codeHash).not.toContain(code);

    const result = await verifyOtp(phone, code, client);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.user).toMatchObject({ role: "patient", phone });
    expect(await verifyOtp(phone, code, client)).toEqual({ ok: false, reason: "used" });
  });

  it("refuses even the right code after five wrong tries", async () => {
    const phone = uniquePhone();
    await requestOtp(phone, "ur", client);
    const code = await lastCodeSentTo(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < OTP_MAX_ATTEMPTS; i++) {
      expect(await verifyOtp(phone, wrong, client)).toEqual({ ok: false, reason: "wrong" });
    }
    expect(await verifyOtp(phone, code, client)).toEqual({ ok: false, reason: "too_many_attempts" });
  });

  it("counts parallel wrong guesses one by one", async () => {
    const phone = uniquePhone();
    await requestOtp(phone, "en", client);
    const code = await lastCodeSentTo(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    await Promise.all(Array.from({ length: 8 }, () => verifyOtp(phone, wrong, client)));
    const [challenge] = await db().select().from(otpChallenges).where(eq(otpChallenges.phone, phone));
    expect(challenge!.attempts).toBe(OTP_MAX_ATTEMPTS);
    expect(await verifyOtp(phone, code, client)).toEqual({ ok: false, reason: "too_many_attempts" });
  });

  it("limits resends per number and says when to retry", async () => {
    const phone = uniquePhone();
    await requestOtp(phone, "en", client);
    await expect(requestOtp(phone, "en", client)).rejects.toMatchObject({
      code: "rate_limited",
      fieldErrors: { phone: "otp_rate_limited" },
    });
  });

  it("rejects a number that is not a Pakistani mobile at the field", async () => {
    await expect(requestOtp("042-35761234", "en", client)).rejects.toMatchObject({ code: "invalid", fieldErrors: { phone: "phone_invalid" } });
  });

  it("sends the code in the patient's language", async () => {
    const phone = uniquePhone();
    await requestOtp(phone, "ur", client);
    const [message] = await db().select().from(smsOutbox).where(eq(smsOutbox.toPhone, phone));
    expect(message!.body).toContain("رابطہ");
  });
});

describe("the account's language", () => {
  it("is the language the number signed in with, for later SMS", async () => {
    const phone = uniquePhone();
    await requestOtp(phone, "en", client);
    const result = await verifyOtp(phone, await lastCodeSentTo(phone), client, { locale: "en" });
    expect(result.ok && result.user.locale).toBe("en");

    // Step past the resend interval without waiting for it.
    await db().update(otpChallenges).set({ createdAt: new Date(Date.now() - 2 * 60_000) }).where(eq(otpChallenges.phone, phone));
    await requestOtp(phone, "ur", client);
    const again = await verifyOtp(phone, await lastCodeSentTo(phone), client, { locale: "ur" });
    expect(again.ok && again.user.locale).toBe("ur");
  });
});
