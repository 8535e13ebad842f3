"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { registerAction } from "./actions";

export function RegisterForm() {
  const t = useTranslations("register");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(registerAction, {} as FormState);
  const v = state.values ?? {};
  const sexError = state.fieldErrors?.sex;
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field label={t("fullName")} name="fullName" autoComplete="name" defaultValue={v.fullName} error={state.fieldErrors?.fullName} required />
      <fieldset aria-describedby={sexError ? "sex-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">{t("sex")}</legend>
        <div className="mt-1 grid grid-cols-3 gap-2">
          {(["female", "male", "other"] as const).map((option) => (
            <label key={option} className="flex min-h-12 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3">
              <input type="radio" name="sex" value={option} defaultChecked={v.sex === option} />
              {t(`sex_${option}`)}
            </label>
          ))}
        </div>
        {sexError && (
          <span id="sex-error" role="alert" className="mt-1 block text-sm text-red-700">
            {te(sexError)}
          </span>
        )}
      </fieldset>
      <Field label={t("dateOfBirth")} name="dateOfBirth" type="date" dir="ltr" defaultValue={v.dateOfBirth} error={state.fieldErrors?.dateOfBirth} required />
      <Field
        label={t("cnic")}
        name="cnic"
        inputMode="numeric"
        dir="ltr"
        placeholder="12345-1234567-1"
        defaultValue={v.cnic}
        error={state.fieldErrors?.cnic}
        hint={t("cnicHint")}
      />
      <FormMessage messageKey={state.message} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
