"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormAlert, TextField } from "@/app/_components/field";
import { useErrorText } from "@/app/_components/host-fields";
import type { FormState } from "@/lib/errors";
import { recordProblemAction, resolveProblemAction } from "./problem-actions";
import { DIAGNOSIS_LIST_ID, RecordPanel, SavedNote } from "./record-panel";

export type ProblemItem = { id: string; label: string; since: string | null };

/** The patient's active problems, carried across encounters, each resolvable; and a form for one more. */
export function ProblemPanel({ consultationId, items, today }: { consultationId: string; items: ProblemItem[]; today: string }) {
  const t = useTranslations("clinical.problem");
  const tc = useTranslations("clinical");
  const errorText = useErrorText();
  const [state, submit, pending] = useActionState(recordProblemAction.bind(null, consultationId), {} as FormState);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  return (
    <RecordPanel title={t("title")} summary={items.map((item) => item.label).join(", ")}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((item) => (
            <li key={item.id} className="space-y-1 text-sm">
              <p>
                <span className="font-semibold">{item.label}</span>
                {item.since && <span className="text-slate-600"> · {t("since", { date: item.since })}</span>}
              </p>
              <ResolveForm problemId={item.id} today={today} />
            </li>
          ))}
        </ul>
      )}
      <form action={submit} className="space-y-3" noValidate>
        <TextField id="problem-code" name="code" label={t("code")} list={DIAGNOSIS_LIST_ID} autoComplete="off" defaultValue={v.code} error={errorText(errors.code)} />
        <TextField id="problem-free-text" name="freeText" label={t("freeText")} maxLength={200} defaultValue={v.freeText} error={errorText(errors.freeText)} />
        <TextField id="problem-onset" name="onsetOn" type="date" dir="ltr" max={today} label={t("onsetOn")} defaultValue={v.onsetOn} error={errorText(errors.onsetOn)} />
        <FormAlert text={errorText(state.message)} />
        <SavedNote show={state.ok} text={tc("saved")} />
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {t("save")}
        </button>
      </form>
    </RecordPanel>
  );
}

function ResolveForm({ problemId, today }: { problemId: string; today: string }) {
  const t = useTranslations("clinical.problem");
  const errorText = useErrorText();
  const [state, submit, pending] = useActionState(resolveProblemAction.bind(null, problemId), {} as FormState);
  const id = `problem-${problemId}-resolved`;
  return (
    <form action={submit} className="flex flex-wrap items-end gap-2">
      <label htmlFor={id} className="text-sm">
        <span className="block text-slate-700">{t("resolvedOn")}</span>
        <input id={id} name="resolvedOn" type="date" dir="ltr" max={today} defaultValue={state.values?.resolvedOn || today} className="field-input py-1" />
      </label>
      <button type="submit" className="btn-secondary px-3 py-1 text-sm" disabled={pending}>
        {t("resolve")}
      </button>
      <FieldError id={`${id}-error`} text={errorText(state.fieldErrors?.resolvedOn ?? state.message)} />
    </form>
  );
}
