"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { breakGlassAction } from "./actions";

const durations = ["15", "60", "240"] as const;

/** Offered where a record is "not found" to staff: the emergency way in, with its consequences said first. */
export function BreakGlassForm({ patientId }: { patientId: string }) {
  const t = useTranslations("records");
  const te = useTranslations("errors");
  const [state, submit, pending] = useActionState(breakGlassAction.bind(null, patientId), {} as FormState);
  const values = state.values ?? {};
  return (
    <form action={submit} className="card space-y-3 border-red-300">
      <h2 className="text-lg font-bold">{t("breakGlassTitle")}</h2>
      <p className="text-sm text-slate-700">{t("breakGlassWarning")}</p>
      <label className="block" htmlFor="reason">
        <span className="text-sm font-medium text-slate-700">{t("breakGlassReason")}</span>
        <textarea
          id="reason"
          name="reason"
          rows={3}
          defaultValue={values.reason}
          className="field-input"
          aria-invalid={state.fieldErrors?.reason ? true : undefined}
          aria-describedby={state.fieldErrors?.reason ? "reason-error" : undefined}
        />
        <FieldError id="reason-error" text={state.fieldErrors?.reason && te(state.fieldErrors.reason)} />
      </label>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("breakGlassDuration")}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {durations.map((minutes) => (
            <label key={minutes} className="flex items-center gap-2">
              <input type="radio" name="minutes" value={minutes} defaultChecked={(values.minutes || "60") === minutes} />
              {t(`breakGlassMinutes_${minutes}`)}
            </label>
          ))}
        </div>
        <FieldError id="minutes-error" text={state.fieldErrors?.minutes && te(state.fieldErrors.minutes)} />
      </fieldset>
      <FormMessage messageKey={state.message} />
      <button type="submit" className="btn-primary w-full bg-red-700" disabled={pending}>
        {t("breakGlassSubmit")}
      </button>
    </form>
  );
}
