"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormAlert, TextField } from "@/app/_components/field";
import { ChoiceField, useErrorText } from "@/app/_components/host-fields";
import type { FormState } from "@/lib/errors";
import { diagnosisCertainties } from "@/lib/vocabulary";
import { markDiagnosisErrorAction, recordDiagnosisAction } from "./diagnosis-actions";
import { DIAGNOSIS_LIST_ID, RecordPanel, SavedNote } from "./record-panel";

export type DiagnosisItem = { id: string; label: string; certainty: "provisional" | "confirmed"; enteredInError: boolean; mine: boolean };

/**
 * The diagnoses of this visit and a form for one more: a code from the shipped list, typed
 * ahead through a native <datalist> (in English, Urdu or by code), or free text.
 */
export function DiagnosisPanel({ consultationId, items }: { consultationId: string; items: DiagnosisItem[] }) {
  const t = useTranslations("clinical.diagnosis");
  const tc = useTranslations("clinical");
  const errorText = useErrorText();
  const [state, submit, pending] = useActionState(recordDiagnosisAction.bind(null, consultationId), {} as FormState);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const current = items.filter((item) => !item.enteredInError);

  return (
    <RecordPanel title={t("title")} summary={current.map((item) => item.label).join(", ")}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className={item.enteredInError ? "text-slate-500 line-through" : ""}>
                {item.label} <span className="text-slate-600">({t(item.certainty)})</span>
                {item.enteredInError && <span className="ms-1 no-underline">{t("enteredInError")}</span>}
              </span>
              {item.mine && !item.enteredInError && <MarkErrorButton consultationId={consultationId} diagnosisId={item.id} />}
            </li>
          ))}
        </ul>
      )}
      <form action={submit} className="space-y-3" noValidate>
        <TextField
          id="diagnosis-code"
          name="code"
          label={t("code")}
          list={DIAGNOSIS_LIST_ID}
          autoComplete="off"
          defaultValue={v.code}
          hint={t("codeHint")}
          error={errorText(errors.code)}
        />
        <TextField id="diagnosis-free-text" name="freeText" label={t("freeText")} maxLength={200} defaultValue={v.freeText} hint={t("freeTextHint")} error={errorText(errors.freeText)} />
        <ChoiceField
          name="certainty"
          legend={t("certainty")}
          className="grid-cols-2"
          options={diagnosisCertainties.map((value) => ({ value, label: t(value) }))}
          defaultValue={v.certainty || "confirmed"}
          error={errorText(errors.certainty)}
        />
        <FormAlert text={errorText(state.message)} />
        <SavedNote show={state.ok} text={tc("saved")} />
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {t("save")}
        </button>
      </form>
    </RecordPanel>
  );
}

function MarkErrorButton({ consultationId, diagnosisId }: { consultationId: string; diagnosisId: string }) {
  const t = useTranslations("clinical.diagnosis");
  const errorText = useErrorText();
  const [state, submit, pending] = useActionState(markDiagnosisErrorAction.bind(null, consultationId, diagnosisId), {} as FormState);
  return (
    <form action={submit}>
      <button type="submit" className="text-sm text-red-800 underline" disabled={pending}>
        {t("markError")}
      </button>
      <FieldError id={`diagnosis-${diagnosisId}-error`} text={errorText(state.message)} />
    </form>
  );
}
