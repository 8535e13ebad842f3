"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage } from "@/app/_components/field";
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
      <RadioGroup
        name="sex"
        legend={t("sex")}
        options={(["female", "male", "other"] as const).map((s) => ({ value: s, label: t(`sex_${s}`) }))}
        checked={v.sex}
        error={state.fieldErrors?.sex}
        columns="grid-cols-3"
      />
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

function RadioGroup({
  name,
  legend,
  options,
  checked,
  error,
  columns,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked?: string;
  error?: string;
  columns: string;
}) {
  const te = useTranslations("errors");
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className={`mt-1 grid gap-2 ${columns}`}>
        {options.map((option) => (
          <label key={option.value} className="flex min-h-12 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3">
            <input type="radio" name={name} value={option.value} defaultChecked={checked === option.value} />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <span id={errorId} role="alert" className="mt-1 block text-sm text-red-700">
          {te(error)}
        </span>
      )}
    </fieldset>
  );
}
