"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/app/_components/field";
import { cancelReasons } from "@/lib/booking/policy";
import type { FormState } from "@/lib/errors";
import { cancelAppointmentAction } from "./change-actions";

/** Cancelling asks why, behind a disclosure so that it is never one accidental tap. */
export function CancelForm({ appointmentId }: { appointmentId: string }) {
  const t = useTranslations("appointments");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(cancelAppointmentAction.bind(null, appointmentId), {} as FormState);
  const reasonError = state.fieldErrors?.reason;
  return (
    <details className="rounded-lg border border-slate-200 p-2" open={Boolean(reasonError || state.message)}>
      <summary className="cursor-pointer py-2 font-semibold text-red-800">{t("cancel")}</summary>
      <form action={action} className="space-y-3 pt-2">
        <fieldset aria-describedby={reasonError ? `reason-error-${appointmentId}` : undefined}>
          <legend className="text-sm font-medium text-slate-700">{t("cancelReason")}</legend>
          <div className="mt-1 grid gap-1">
            {cancelReasons.map((reason) => (
              <label key={reason} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="reason" value={reason} defaultChecked={state.values?.reason === reason} />
                {t(`reason_${reason}`)}
              </label>
            ))}
          </div>
          {reasonError && (
            <span id={`reason-error-${appointmentId}`} role="alert" className="block text-sm text-red-700">
              {te(reasonError)}
            </span>
          )}
        </fieldset>
        <label className="block">
          <span className="text-sm font-medium text-slate-700">{t("cancelNote")}</span>
          <input name="note" className="field-input" defaultValue={state.values?.note} maxLength={500} />
        </label>
        <FormMessage messageKey={state.message} />
        <button type="submit" className="btn-secondary w-full border-red-300 text-red-800" disabled={pending}>
          {t("confirmCancel")}
        </button>
      </form>
    </details>
  );
}
