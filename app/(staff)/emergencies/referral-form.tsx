"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FieldError } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { emergencyOutcomes, emergencyTransports } from "@/lib/vocabulary";
import { updateEmergencyAction } from "./actions";

export type ReferralFormValues = {
  destinationFacilityId: string;
  destinationName: string;
  transport: string;
  transportCalledAt: string;
  leftAt: string;
  outcome: string;
  outcomeNote: string;
};

/** What happened to one emergency, filled in as it happens; an outcome closes it. */
export function ReferralForm({
  referralId,
  saved,
  hospitals,
}: {
  referralId: string;
  saved: ReferralFormValues;
  hospitals: { id: string; name: string }[];
}) {
  const t = useTranslations("emergency");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(updateEmergencyAction.bind(null, referralId), {} as FormState);
  const value = (name: keyof ReferralFormValues) => state.values?.[name] ?? saved[name];
  const error = (name: keyof ReferralFormValues) => state.fieldErrors?.[name];
  const id = (name: string) => `${name}-${referralId}`;
  const select = (name: "destinationFacilityId" | "transport" | "outcome", options: { value: string; label: string }[], none: string) => (
    // The label stands beside the select, not around it: a wrapping label would make the chosen
    // option part of the select's accessible name.
    <div>
      <label className="block text-sm font-medium text-slate-700" htmlFor={id(name)}>
        {t(name)}
      </label>
      <select
        id={id(name)}
        name={name}
        className="field-input"
        defaultValue={value(name)}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={error(name) ? `${id(name)}-error` : undefined}
      >
        <option value="">{none}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id(name)}-error`} text={error(name) ? te(error(name)!) : undefined} />
    </div>
  );
  return (
    // Keyed by what came back: React resets a form after its action, and a select would go back to
    // the choice it was first drawn with; a new key draws it again with what the person chose.
    <form key={JSON.stringify(state.values ?? {})} action={action} className="grid gap-3 sm:grid-cols-2" aria-label={t("formLabel")}>
      {select(
        "destinationFacilityId",
        hospitals.map((h) => ({ value: h.id, label: h.name })),
        t("otherHospital"),
      )}
      <Field label={t("destinationName")} name="destinationName" id={id("destinationName")} defaultValue={value("destinationName")} error={error("destinationName")} />
      {select(
        "transport",
        emergencyTransports.map((v) => ({ value: v, label: t(`transport_${v}`) })),
        t("notYet"),
      )}
      <Field
        label={t("transportCalledAt")}
        name="transportCalledAt"
        id={id("transportCalledAt")}
        type="datetime-local"
        dir="ltr"
        defaultValue={value("transportCalledAt")}
        error={error("transportCalledAt")}
      />
      <Field label={t("leftAt")} name="leftAt" id={id("leftAt")} type="datetime-local" dir="ltr" defaultValue={value("leftAt")} error={error("leftAt")} />
      {select(
        "outcome",
        emergencyOutcomes.map((v) => ({ value: v, label: t(`outcome_${v}`) })),
        t("outcomeOpen"),
      )}
      <div className="sm:col-span-2">
        <Field label={t("outcomeNote")} name="outcomeNote" id={id("outcomeNote")} maxLength={1000} defaultValue={value("outcomeNote")} error={error("outcomeNote")} />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("save")}
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
