"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FieldError, FormMessage, SelectField } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { recordLeaveAction, setRosterAction } from "./actions";

type Shift = { weekday: number; startsMinute: number; endsMinute: number };
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** The week's shifts of a member of staff, from a date: two times a day, a blank day off. */
export function RosterForm({ userId, name, shifts, effectiveFrom }: { userId: string; name: string; shifts: Shift[]; effectiveFrom: string }) {
  const t = useTranslations("staffRegistry");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(setRosterAction.bind(null, userId), {} as FormState);
  const saved = Object.fromEntries(shifts.flatMap((s) => [[`starts_${s.weekday}`, hhmm(s.startsMinute)], [`ends_${s.weekday}`, hhmm(s.endsMinute)]]));
  const values: Record<string, string> = { effectiveFrom, ...saved, ...state.values };
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form key={JSON.stringify(state.values ?? {})} action={action} className="space-y-2" aria-label={t("rosterOf", { name })}>
      <p className="text-sm text-slate-600">{t("rosterHint")}</p>
      <div className="w-44">
        <Field label={t("rosterFrom")} name="effectiveFrom" id={`roster-from-${userId}`} type="date" dir="ltr" defaultValue={values.effectiveFrom} error={errors.effectiveFrom} />
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        {WEEKDAYS.map((day) => (
          <fieldset key={day} className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 p-2" aria-describedby={errors[`shift_${day}`] ? `shift-${userId}-${day}-error` : undefined}>
            <legend className="px-1 text-sm font-medium">{t(`weekday_${day}`)}</legend>
            <label className="block text-sm" htmlFor={`starts-${userId}-${day}`}>
              <span className="text-slate-700">{t("starts")}</span>
              <input id={`starts-${userId}-${day}`} name={`starts_${day}`} type="time" dir="ltr" className="field-input w-32" defaultValue={values[`starts_${day}`] ?? ""} />
            </label>
            <label className="block text-sm" htmlFor={`ends-${userId}-${day}`}>
              <span className="text-slate-700">{t("ends")}</span>
              <input id={`ends-${userId}-${day}`} name={`ends_${day}`} type="time" dir="ltr" className="field-input w-32" defaultValue={values[`ends_${day}`] ?? ""} />
            </label>
            <FieldError id={`shift-${userId}-${day}-error`} text={errors[`shift_${day}`] ? te(errors[`shift_${day}`]!) : undefined} />
          </fieldset>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-secondary" disabled={pending}>
          {t("saveRoster")}
        </button>
        {state.ok && (
          <span role="status" className="text-sm text-brand-700">
            {t("rosterSaved")}
          </span>
        )}
      </div>
      <FormMessage messageKey={state.ok ? undefined : state.message} />
    </form>
  );
}

/** Leave from a date to a date, of a kind. */
export function LeaveForm({ userId, name, kinds }: { userId: string; name: string; kinds: string[] }) {
  const t = useTranslations("staffRegistry");
  const [state, action, pending] = useActionState(recordLeaveAction.bind(null, userId), {} as FormState);
  const values = state.ok ? {} : (state.values ?? {});
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form key={JSON.stringify(values)} action={action} className="flex flex-wrap items-end gap-3" aria-label={t("leaveOf", { name })}>
      <SelectField id={`leave-kind-${userId}`} name="kind" label={t("leaveKind")} options={kinds.map((k) => ({ value: k, label: t(`leave_${k}`) }))} empty={{ label: t("chooseLeave"), selectable: false }} defaultValue={values.kind} error={errors.kind} />
      <div className="w-44">
        <Field label={t("leaveFrom")} name="startsOn" id={`leave-from-${userId}`} type="date" dir="ltr" defaultValue={values.startsOn ?? ""} error={errors.startsOn} />
      </div>
      <div className="w-44">
        <Field label={t("leaveTo")} name="endsOn" id={`leave-to-${userId}`} type="date" dir="ltr" defaultValue={values.endsOn ?? ""} error={errors.endsOn} />
      </div>
      <div className="w-56">
        <Field label={t("leaveNote")} name="note" id={`leave-note-${userId}`} maxLength={300} defaultValue={values.note ?? ""} error={errors.note} />
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("recordLeave")}
      </button>
      {state.ok && (
        <span role="status" className="text-sm text-brand-700">
          {t("leaveRecorded")}
        </span>
      )}
      <FormMessage messageKey={state.ok ? undefined : state.message} />
    </form>
  );
}
