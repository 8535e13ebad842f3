"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage } from "@/app/_components/field";
import { PersonFields } from "@/app/_components/person-fields";
import type { FormState } from "@/lib/errors";
import { registerAction } from "./actions";

export function RegisterForm() {
  const t = useTranslations("register");
  const [state, action, pending] = useActionState(registerAction, {} as FormState);
  const v = state.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field label={t("fullName")} name="fullName" autoComplete="name" defaultValue={v.fullName} error={state.fieldErrors?.fullName} required />
      <PersonFields values={v} fieldErrors={state.fieldErrors} />
      <FormMessage messageKey={state.message} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
