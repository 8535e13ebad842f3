"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FieldError } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { updateRegistryAction } from "./actions";

type Tehsil = { id: string; nameEn: string; nameUr: string };

/** A facility's place in the province's registry: its DHIS2 org unit, its coordinates, its tehsil. */
export function RegistryForm({
  facility,
  tehsils,
}: {
  facility: { id: string; name: string; dhis2OrgUnitCode: string | null; latitude: number | null; longitude: number | null; tehsilId: string | null };
  tehsils: Tehsil[];
}) {
  const t = useTranslations("facilities");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [state, action, pending] = useActionState(updateRegistryAction.bind(null, facility.id), {} as FormState);
  const value = (name: string, saved: string | number | null) => state.values?.[name] ?? (saved === null ? "" : String(saved));
  const id = (name: string) => `${name}-${facility.id}`;
  return (
    // Keyed by what came back, so the tehsil select keeps the choice after React resets the form.
    <form key={JSON.stringify(state.values ?? {})} action={action} className="grid gap-3 sm:grid-cols-2" aria-label={t("registryOf", { name: facility.name })}>
      <Field
        label={t("dhis2Code")}
        name="dhis2OrgUnitCode"
        id={id("dhis2")}
        dir="ltr"
        autoComplete="off"
        defaultValue={value("dhis2OrgUnitCode", facility.dhis2OrgUnitCode)}
        error={state.fieldErrors?.dhis2OrgUnitCode}
      />
      <div>
        <label className="block text-sm font-medium text-slate-700" htmlFor={id("tehsil")}>
          {t("tehsil")}
        </label>
        <select
          id={id("tehsil")}
          name="tehsilId"
          className="field-input"
          defaultValue={value("tehsilId", facility.tehsilId)}
          aria-invalid={state.fieldErrors?.tehsilId ? true : undefined}
          aria-describedby={state.fieldErrors?.tehsilId ? `${id("tehsil")}-error` : undefined}
        >
          <option value="">{t("noTehsil")}</option>
          {tehsils.map((tehsil) => (
            <option key={tehsil.id} value={tehsil.id}>
              {locale === "ur" ? tehsil.nameUr : tehsil.nameEn}
            </option>
          ))}
        </select>
        <FieldError id={`${id("tehsil")}-error`} text={state.fieldErrors?.tehsilId ? te(state.fieldErrors.tehsilId) : undefined} />
      </div>
      <Field
        label={t("latitude")}
        name="latitude"
        id={id("latitude")}
        dir="ltr"
        inputMode="decimal"
        defaultValue={value("latitude", facility.latitude)}
        error={state.fieldErrors?.latitude}
      />
      <Field
        label={t("longitude")}
        name="longitude"
        id={id("longitude")}
        dir="ltr"
        inputMode="decimal"
        defaultValue={value("longitude", facility.longitude)}
        error={state.fieldErrors?.longitude}
      />
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className="btn-secondary" disabled={pending}>
          {t("saveRegistry")}
        </button>
        {state.ok && (
          <span role="status" className="text-sm text-brand-700">
            {t("saved")}
          </span>
        )}
      </div>
    </form>
  );
}
