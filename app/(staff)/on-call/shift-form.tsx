"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage, RadioGroup, SelectField } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { careNeeds } from "@/lib/queue/on-call-rules";
import { addShiftAction } from "./actions";

export function ShiftForm({ clinicians }: { clinicians: { id: string; name: string }[] }) {
  const t = useTranslations("onCall");
  const tn = useTranslations("now");
  const [state, action, pending] = useActionState(addShiftAction, {} as FormState);
  const v = state.values ?? {};
  return (
    <form action={action} className="card space-y-3">
      <h2 className="font-semibold">{t("addShift")}</h2>
      <SelectField
        label={t("clinician")}
        name="clinicianId"
        options={clinicians.map((c) => ({ value: c.id, label: c.name }))}
        empty={{ label: t("chooseClinician"), selectable: false }}
        defaultValue={v.clinicianId}
        error={state.fieldErrors?.clinicianId}
      />
      <RadioGroup
        name="need"
        legend={t("need")}
        options={careNeeds.map((n) => ({ value: n, label: tn(`need_${n}`) }))}
        checked={v.need}
        error={state.fieldErrors?.need}
        columns="grid-cols-1 sm:grid-cols-3"
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("date")} name="date" type="date" dir="ltr" defaultValue={v.date} error={state.fieldErrors?.startsAt} required />
        <Field label={t("start")} name="start" type="time" dir="ltr" defaultValue={v.start} required />
        <Field label={t("end")} name="end" type="time" dir="ltr" defaultValue={v.end} error={state.fieldErrors?.endsAt} required />
      </div>
      <p className="text-sm text-slate-600">{t("karachiTime")}</p>
      <FormMessage messageKey={state.message} />
      {state.ok && (
        <p role="status" className="text-sm text-brand-700">
          {t("added")}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("addShift")}
      </button>
    </form>
  );
}
