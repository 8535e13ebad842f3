"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FieldError, FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { mergePatientsAction, reviewBreakGlassAction } from "./actions";

export function ReviewForm({ grantId }: { grantId: string }) {
  const t = useTranslations("records");
  const te = useTranslations("errors");
  const [state, submit, pending] = useActionState(reviewBreakGlassAction.bind(null, grantId), {} as FormState);
  const id = `note-${grantId}`;
  return (
    <form action={submit} className="space-y-2">
      <label className="block" htmlFor={id}>
        <span className="text-sm font-medium text-slate-700">{t("reviewNote")}</span>
        <textarea id={id} name="note" rows={2} defaultValue={state.values?.note} className="field-input" aria-invalid={state.fieldErrors?.note ? true : undefined} />
        <FieldError id={`${id}-error`} text={state.fieldErrors?.note && te(state.fieldErrors.note)} />
      </label>
      <FormMessage messageKey={state.message} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("reviewSubmit")}
      </button>
    </form>
  );
}

export function MergeForm() {
  const t = useTranslations("records");
  const te = useTranslations("errors");
  const [state, submit, pending] = useActionState(mergePatientsAction, {} as FormState);
  const values = state.values ?? {};
  return (
    <form action={submit} className="card space-y-3">
      <h2 className="text-lg font-bold">{t("mergeTitle")}</h2>
      <p className="text-sm text-slate-600">{t("mergeIntro")}</p>
      <Field label={t("mergeSurvivor")} name="survivorMrId" dir="ltr" inputMode="numeric" defaultValue={values.survivorMrId} error={state.fieldErrors?.survivorMrId} />
      <Field label={t("mergeRetired")} name="retiredMrId" dir="ltr" inputMode="numeric" defaultValue={values.retiredMrId} error={state.fieldErrors?.retiredMrId} />
      <label className="block" htmlFor="merge-reason">
        <span className="text-sm font-medium text-slate-700">{t("mergeReason")}</span>
        <textarea id="merge-reason" name="reason" rows={2} defaultValue={values.reason} className="field-input" aria-invalid={state.fieldErrors?.reason ? true : undefined} />
        <FieldError id="merge-reason-error" text={state.fieldErrors?.reason && te(state.fieldErrors.reason)} />
      </label>
      {state.ok && (
        <p role="status" className="text-brand-700">
          {t("mergeDone")}
        </p>
      )}
      <FormMessage messageKey={state.message} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("mergeSubmit")}
      </button>
    </form>
  );
}
