"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { publicFormAction, text } from "@/app/_components/form-action";
import { signIn } from "@/lib/auth";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requestOtp } from "@/lib/auth/otp";
import { SignInRefused } from "@/lib/auth/sign-in-refused";
import { isAppError, waitValues, type ErrorKey, type FormState } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";

export type OtpFormState = FormState & { step?: "phone" | "code" };

export async function requestCodeAction(prev: OtpFormState, formData: FormData): Promise<OtpFormState> {
  let rateLimited = false;
  const state = await publicFormAction(formData, {
    input: z.object({ phone: text }),
    run: async ({ phone }) => {
      const locale = await getLocale();
      await requestOtp(phone, isLocale(locale) ? locale : "ur", clientAddressFrom(await headers()));
    },
    refused: (error) => {
      rateLimited = isAppError(error) && error.code === "rate_limited";
      return undefined;
    },
    done: (_sent, values): OtpFormState => ({ ok: true, step: "code", values }),
  });
  if (state.ok) return state;
  // A rate-limited resend leaves the code field open: the earlier code still works.
  return { ...state, step: prev.step === "code" && rateLimited ? "code" : "phone" };
}

const codeForm = z.object({ phone: text, code: text.transform((code) => code.trim()).pipe(z.string().regex(/^\d{6}$/, "otp_format")) });

export async function verifyCodeAction(_prev: OtpFormState, formData: FormData): Promise<OtpFormState> {
  const state = await publicFormAction(formData, {
    input: codeForm,
    run: async ({ phone, code }) => signIn("otp", { phone, code, locale: await getLocale(), redirectTo: "/" }),
    refused: (error, values): OtpFormState | undefined => {
      if (error instanceof SignInRefused) {
        const wait = error.retryAfterSeconds > 0 ? { errorValues: waitValues(error.retryAfterSeconds) } : {};
        return { ok: false, fieldErrors: { code: `otp_${error.code}` }, ...wait, values };
      }
      if (error instanceof AuthError) return { ok: false, message: "sign_in_failed", values };
      return undefined;
    },
    done: (): OtpFormState => ({ ok: true }),
  });
  return { ...state, step: "code" };
}

const staffRefusalMessages: Record<string, { plain: ErrorKey; waiting?: ErrorKey }> = {
  wrong: { plain: "staff_sign_in_failed", waiting: "staff_sign_in_failed_wait" },
  delayed: { plain: "staff_sign_in_delayed" },
  account_locked: { plain: "staff_sign_in_locked" },
  client_locked: { plain: "staff_sign_in_client_locked" },
};

export async function staffSignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return publicFormAction(formData, {
    // The password is read for signIn only: it is never echoed back to the page.
    input: z.object({ email: text }),
    run: ({ email }, data) => signIn("password", { email, password: data.get("password"), redirectTo: "/" }),
    refused: (error, values) => {
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
      return undefined;
    },
  });
}
