"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage } from "@/app/_components/field";
import { requestCodeAction, verifyCodeAction, type OtpFormState } from "./actions";

export function OtpForm() {
  const t = useTranslations("signIn");
  const [requested, requestCode, requesting] = useActionState(requestCodeAction, { step: "phone" } as OtpFormState);
  const [verified, verifyCode, verifying] = useActionState(verifyCodeAction, {} as OtpFormState);
  const phone = verified.values?.phone ?? requested.values?.phone ?? "";
  const onCodeStep = requested.step === "code" || verified.step === "code";

  return (
    <div className="space-y-6">
      <form action={requestCode} className="space-y-4">
        <Field
          label={t("phone")}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          dir="ltr"
          placeholder="0300-1234567"
          defaultValue={phone}
          key={`phone-${phone}`}
          error={requested.fieldErrors?.phone}
          errorValues={requested.errorValues}
          hint={t("phoneHint")}
          required
        />
        <FormMessage messageKey={requested.message} />
        <button type="submit" className={onCodeStep ? "btn-secondary w-full" : "btn-primary w-full"} disabled={requesting}>
          {onCodeStep ? t("resendCode") : t("sendCode")}
        </button>
      </form>

      {onCodeStep && (
        <form action={verifyCode} className="space-y-4">
          <p className="text-sm text-slate-600" role="status">
            {t("codeSent", { phone })}
          </p>
          <input type="hidden" name="phone" value={phone} />
          <Field
            label={t("code")}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            dir="ltr"
            maxLength={6}
            pattern="[0-9]*"
            defaultValue={verified.values?.code ?? ""}
            error={verified.fieldErrors?.code}
            errorValues={verified.errorValues}
            required
          />
          <FormMessage messageKey={verified.message} />
          <button type="submit" className="btn-primary w-full" disabled={verifying}>
            {t("verify")}
          </button>
        </form>
      )}
    </div>
  );
}
