"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { staffSignInAction } from "../actions";

export function StaffSignInForm() {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState(staffSignInAction, {} as FormState);
  return (
    <form action={action} className="space-y-4">
      <Field label={t("email")} name="email" type="email" autoComplete="username" dir="ltr" defaultValue={state.values?.email ?? ""} required />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" dir="ltr" required />
      <FormMessage messageKey={state.message} values={state.errorValues} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {t("signInButton")}
      </button>
    </form>
  );
}
