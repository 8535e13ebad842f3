"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/app/_components/field";
import { MeasureField, useErrorText } from "@/app/_components/host-fields";
import { RecordPanel, SavedNote } from "./record-panel";
import { recordVitalsAction, type VitalsFormState } from "./vitals-actions";
import { vitalMeasurements } from "@/app/_components/vital-measurements";


/** Vitals taken during the call, with the warnings intake shows; `latest` is the last set, formatted. */
export function VitalsPanel({
  consultationId,
  showMuac,
  latest,
}: {
  consultationId: string;
  showMuac: boolean;
  latest: { time: string; summary: string; warnings: string[] } | null;
}) {
  const t = useTranslations("clinical.vitals");
  const tc = useTranslations("clinical");
  const tq = useTranslations("queue");
  const errorText = useErrorText();
  const [state, submit, pending] = useActionState(recordVitalsAction.bind(null, consultationId), {} as VitalsFormState);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const warnings = state.ok ? (state.warnings ?? []) : (latest?.warnings ?? []);

  return (
    <RecordPanel title={t("title")} summary={latest?.summary}>
      <p className="text-sm text-slate-600">{latest ? t("latest", { time: latest.time }) : t("none")}</p>
      {warnings.length > 0 && (
        <p role="alert" className="rounded-lg bg-amber-50 p-2 text-sm font-semibold text-amber-900">
          {t("warnings")} {warnings.map((code) => tq(`warning_${code}` as Parameters<typeof tq>[0])).join(" · ")}
        </p>
      )}
      <form action={submit} className="space-y-3" noValidate>
        <p className="text-sm text-slate-600">{t("hint")}</p>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("bloodPressure")}</legend>
          <div className="mt-1 grid grid-cols-2 gap-2">
            <MeasureField name="systolic" label={t("systolic")} unit="mmHg" decimal={false} defaultValue={v.systolic} error={errorText(errors.systolic)} />
            <MeasureField name="diastolic" label={t("diastolic")} unit="mmHg" decimal={false} defaultValue={v.diastolic} error={errorText(errors.diastolic)} />
          </div>
        </fieldset>
        <div className="grid grid-cols-2 gap-2">
          {vitalMeasurements.map((m) => (
            <MeasureField key={m.name} name={m.name} label={t(m.name)} unit={m.unit} decimal={m.decimal} defaultValue={v[m.name]} error={errorText(errors[m.name])} />
          ))}
          {showMuac && <MeasureField name="muacCm" label={t("muacCm")} unit="cm" decimal defaultValue={v.muacCm} error={errorText(errors.muacCm)} />}
        </div>
        <FormAlert text={errorText(state.message)} />
        <SavedNote show={state.ok} text={tc("saved")} />
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {t("save")}
        </button>
      </form>
    </RecordPanel>
  );
}
