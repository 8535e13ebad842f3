"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { signIn } from "@/lib/auth";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requestOtp } from "@/lib/auth/otp";
import { SignInRefused } from "@/lib/auth/sign-in-refused";
import { AppError, formStateFrom, formValues, waitValues, type ErrorKey, type FormState } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";

export type OtpFormState = FormState & { step?: "phone" | "code" };

export async function requestCodeAction(_prev: OtpFormState, formData: FormData): Promise<OtpFormState> {
  const values = formValues(formData, ["phone"]);
  const locale = await getLocale();
  try {
    await requestOtp(values.phone ?? "", isLocale(locale) ? locale : "ur", clientAddressFrom(await headers()));
    return { ok: true, step: "code", values };
  } catch (error) {
    const state = formStateFrom(error, values);
    // A rate-limited resend leaves the code field open: the earlier code still works.
    const step = _prev.step === "code" && error instanceof AppError && error.code === "rate_limited" ? "code" : "phone";
    return { ...state, step };
  }
}

export async function verifyCodeAction(_prev: OtpFormState, formData: FormData): Promise<OtpFormState> {
  const values = formValues(formData, ["phone", "code"]);
  if (!/^\d{6}$/.test((values.code ?? "").trim())) {
    return { ok: false, step: "code", fieldErrors: { code: "otp_format" }, values };
  }
  try {
    const locale = await getLocale();
    await signIn("otp", { phone: values.phone, code: values.code?.trim(), locale, redirectTo: "/" });
    return { ok: true, step: "code" };
  } catch (error) {
    if (error instanceof SignInRefused) {
      const wait = error.retryAfterSeconds > 0 ? { errorValues: waitValues(error.retryAfterSeconds) } : {};
      return { ok: false, step: "code", fieldErrors: { code: `otp_${error.code}` }, ...wait, values };
    }
    if (error instanceof AuthError) return { ok: false, step: "code", message: "sign_in_failed", values };
    throw error;
  }
}

const staffRefusalMessages: Record<string, { plain: ErrorKey; waiting?: ErrorKey }> = {
  wrong: { plain: "staff_sign_in_failed", waiting: "staff_sign_in_failed_wait" },
  delayed: { plain: "staff_sign_in_delayed" },
  account_locked: { plain: "staff_sign_in_locked" },
  client_locked: { plain: "staff_sign_in_client_locked" },
};

export async function staffSignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["email"]);
  try {
    await signIn("password", {
      email: formData.get("email"),
      password: formData.get("password"),
      redirectTo: "/",
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof SignInRefused) {
      const messages = staffRefusalMessages[error.code] ?? staffRefusalMessages.wrong!;
      const wait = error.retryAfterSeconds > 0;
      return {
        ok: false,
        message: wait && messages.waiting ? messages.waiting : messages.plain,
        ...(wait ? { errorValues: waitValues(error.retryAfterSeconds) } : {}),
        values,
      };
    }
    if (error instanceof AuthError) return { ok: false, message: "staff_sign_in_failed", values };
    throw error;
  }
}
