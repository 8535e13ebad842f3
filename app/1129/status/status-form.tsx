"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage } from "@/app/_components/field";
import { lookupAction, type StatusState } from "../actions";
import { isolate } from "@/app/_components/isolate";


/** Tracking number and phone in; the complaint's status and its history out. */
export function StatusForm() {
  const t = useTranslations("complaints");
  const format = useFormatter();
  const [state, action, pending] = useActionState(lookupAction, {} as StatusState);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const values = state.values ?? {};
  const result = state.ok ? state.result : undefined;
  const when = (at: Date) => isolate(format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" }));
  return (
    <div className="space-y-4">
      <form action={action} className="card space-y-3" aria-label={t("statusTitle")}>
        <Field name="trackingNumber" label={t("trackingNumber")} dir="ltr" inputMode="numeric" autoComplete="off" defaultValue={values.trackingNumber} error={errors.trackingNumber} />
        <Field name="phone" label={t("phone")} type="tel" inputMode="tel" dir="ltr" defaultValue={values.phone} error={errors.phone} />
        <button type="submit" className="btn-primary min-h-12 w-full" disabled={pending}>
          {t("lookUp")}
        </button>
        <FormMessage messageKey={state.ok ? undefined : state.message} values={state.errorValues} />
      </form>
      {result === null && (
        <p role="status" className="card text-slate-700">
          {t("notFound")}
        </p>
      )}
      {result && (
        <section className="card space-y-2" data-testid="complaint-status" aria-live="polite">
          <p className="text-lg font-semibold">
            {t(`status_${result.status}`)}
            {result.escalationLevel > 0 && <span className="ms-2 rounded bg-amber-100 px-2 text-sm text-amber-900">{t("escalated")}</span>}
          </p>
          <p className="text-sm text-slate-700">
            {t(`category_${result.category}`)} · {result.facilityName}
          </p>
          {result.resolution && <p className="rounded-lg bg-brand-50 p-2">{result.resolution}</p>}
          <ol className="space-y-1 text-sm">
            {result.history.map((step, index) => (
              <li key={index}>
                {when(step.at)} — {t(`event_${step.kind}`)}
                {step.note && step.kind !== "resolved" && <span className="block text-slate-600">{step.note}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
