"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FieldError } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { staffCadres } from "@/lib/vocabulary";
import { postStaffAction, setStaffRecordAction } from "./actions";

function Select({ id, name, label, value, error, options }: { id: string; name: string; label: string; value: string; error?: string; options: { value: string; label: string }[] }) {
  const te = useTranslations("errors");
  return (
    <div>
      <label className="block text-sm font-medium text-slate-700" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} className="field-input" defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} text={error ? te(error) : undefined} />
    </div>
  );
}

/** A member of staff's cadre and council registration number. */
export function StaffRecordForm({ userId, name, cadre, registrationNumber }: { userId: string; name: string; cadre: string; registrationNumber: string }) {
  const t = useTranslations("staffRegistry");
  const [state, action, pending] = useActionState(setStaffRecordAction.bind(null, userId), {} as FormState);
  const values = { cadre, registrationNumber, ...state.values };
  return (
    // Keyed by what came back, so the cadre select keeps the choice after React resets the form.
    <form key={JSON.stringify(state.values ?? {})} action={action} className="flex flex-wrap items-end gap-3" aria-label={t("recordOf", { name })}>
      <Select
        id={`cadre-${userId}`}
        name="cadre"
        label={t("cadre")}
        value={values.cadre}
        error={state.fieldErrors?.cadre}
        options={[{ value: "", label: t("chooseCadre") }, ...staffCadres.map((c) => ({ value: c, label: t(`cadre_${c}`) }))]}
      />
      <div className="w-48">
        <Field label={t("registrationNumber")} name="registrationNumber" id={`registration-${userId}`} dir="ltr" defaultValue={values.registrationNumber} error={state.fieldErrors?.registrationNumber} />
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("save")}
      </button>
      {state.ok && (
        <span role="status" className="text-sm text-brand-700">
          {t("saved")}
        </span>
      )}
    </form>
  );
}

/** Posts the member of staff to a facility from a date. */
export function PostingForm({ userId, name, facilities }: { userId: string; name: string; facilities: { id: string; name: string }[] }) {
  const t = useTranslations("staffRegistry");
  const [state, action, pending] = useActionState(postStaffAction.bind(null, userId), {} as FormState);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form key={JSON.stringify(values)} action={action} className="flex flex-wrap items-end gap-3" aria-label={t("postingOf", { name })}>
      <Select
        id={`posting-facility-${userId}`}
        name="facilityId"
        label={t("postTo")}
        value={values.facilityId ?? ""}
        error={state.ok ? undefined : state.fieldErrors?.facilityId}
        options={[{ value: "", label: t("chooseFacility") }, ...facilities.map((f) => ({ value: f.id, label: f.name }))]}
      />
      <div className="w-44">
        <Field label={t("from")} name="startsOn" id={`posting-from-${userId}`} type="date" dir="ltr" defaultValue={values.startsOn ?? ""} error={state.ok ? undefined : state.fieldErrors?.startsOn} />
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("post")}
      </button>
      {state.ok && (
        <span role="status" className="text-sm text-brand-700">
          {t("posted")}
        </span>
      )}
    </form>
  );
}
