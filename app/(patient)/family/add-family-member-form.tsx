"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage, RadioGroup } from "@/app/_components/field";
import { PersonFields } from "@/app/_components/person-fields";
import type { FormState } from "@/lib/errors";
import { dependantRelations } from "@/lib/patients/household";
import { addFamilyMemberAction } from "./actions";

export function AddFamilyMemberForm() {
  const t = useTranslations("family");
  const [state, action, pending] = useActionState(addFamilyMemberAction, {} as FormState);
  const v = state.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field label={t("fullName")} name="fullName" autoComplete="off" defaultValue={v.fullName} error={state.fieldErrors?.fullName} required />
      <RadioGroup
        name="relation"
        legend={t("relation")}
        options={dependantRelations.map((r) => ({ value: r, label: t(`relation_${r}`) }))}
        checked={v.relation}
        error={state.fieldErrors?.relation}
        columns="grid-cols-2"
      />
      <PersonFields values={v} fieldErrors={state.fieldErrors} />
      <FormMessage messageKey={state.message} />
      {state.ok && (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-sm text-brand-900">
          {t("added")}
        </p>
      )}
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
