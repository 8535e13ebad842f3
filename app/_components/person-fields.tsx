"use client";

import { useTranslations } from "next-intl";
import { sexes } from "@/lib/vocabulary";
import { Field, RadioGroup } from "./field";

/** Sex, date of birth and CNIC: the same fields wherever a person is registered. */
export function PersonFields({ values, fieldErrors }: { values: Record<string, string>; fieldErrors?: Record<string, string> }) {
  const t = useTranslations("register");
  return (
    <>
      <RadioGroup
        name="sex"
        legend={t("sex")}
        options={sexes.map((s) => ({ value: s, label: t(`sex_${s}`) }))}
        checked={values.sex}
        error={fieldErrors?.sex}
        columns="grid-cols-3"
      />
      <Field label={t("dateOfBirth")} name="dateOfBirth" type="date" dir="ltr" defaultValue={values.dateOfBirth} error={fieldErrors?.dateOfBirth} required />
      <Field
        label={t("cnic")}
        name="cnic"
        inputMode="numeric"
        dir="ltr"
        placeholder="12345-1234567-1"
        defaultValue={values.cnic}
        error={fieldErrors?.cnic}
        hint={t("cnicHint")}
      />
    </>
  );
}
