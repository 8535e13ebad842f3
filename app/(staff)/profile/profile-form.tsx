"use client";

import { useTranslations } from "next-intl";
import { sexes } from "@/lib/vocabulary";
import { useActionState } from "react";
import { Field, FormMessage, RadioGroup, SelectField } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { saveProfileAction } from "./actions";

type Option = { value: string; label: string };

/** What the form starts from: the saved profile, or blanks before the first save. */
export type ProfileFormDefaults = {
  sex?: string;
  specialtyCode?: string;
  languages: string[];
  facilityId?: string;
  slotMinutes?: string;
};

/** Sex, specialty, languages, facility and own slot length; option labels arrive translated. */
export function ProfileForm({
  defaults,
  specialties,
  languages,
  facilities,
}: {
  defaults: ProfileFormDefaults;
  specialties: Option[];
  languages: Option[];
  facilities: Option[];
}) {
  const t = useTranslations("profile");
  const [state, action, pending] = useActionState(saveProfileAction, {} as FormState);
  const echoed = state.values;
  // After a refused save the form shows what was typed; otherwise what is saved.
  const v = echoed ? { ...echoed, languages: echoed.languages ? echoed.languages.split(",") : [] } : defaults;
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} className="card space-y-4">
      <RadioGroup
        name="sex"
        legend={t("sex")}
        options={sexes.map((value) => ({ value, label: t(`sex_${value}`) }))}
        checked={v.sex}
        error={errors.sex}
        columns="grid-cols-1 sm:grid-cols-3"
      />

      <SelectField
        label={t("specialty")}
        name="specialtyCode"
        required
        options={specialties}
        empty={{ label: t("chooseSpecialty"), selectable: false }}
        defaultValue={v.specialtyCode}
        error={errors.specialtyCode}
      />

      <fieldset aria-describedby={errors.languages ? "languages-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">{t("languages")}</legend>
        <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {languages.map((option) => (
            <label key={option.value} className="flex min-h-12 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3">
              <input type="checkbox" name="languages" value={option.value} defaultChecked={v.languages.includes(option.value)} />
              {option.label}
            </label>
          ))}
        </div>
        <FieldError id="languages-error" messageKey={errors.languages} />
      </fieldset>

      <SelectField
        label={t("facility")}
        name="facilityId"
        options={facilities}
        empty={{ label: t("noFacility"), selectable: true }}
        defaultValue={v.facilityId}
        error={errors.facilityId}
      />

      <Field
        label={t("slotMinutes")}
        name="slotMinutes"
        type="number"
        inputMode="numeric"
        dir="ltr"
        min={5}
        max={240}
        defaultValue={v.slotMinutes ?? ""}
        hint={t("slotMinutesHint")}
        error={errors.slotMinutes}
      />

      <FormMessage messageKey={state.message} />
      {state.ok && (
        <p role="status" className="text-sm text-brand-700">
          {t("saved")}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}

/** A select's or group's translated error, named by the control's aria-describedby. */
function FieldError({ id, messageKey }: { id: string; messageKey?: string }) {
  const t = useTranslations("errors");
  if (!messageKey) return null;
  return (
    <span id={id} role="alert" className="mt-1 block text-sm text-red-700">
      {t(messageKey)}
    </span>
  );
}
