"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { FormState } from "@/lib/errors";
import { useQueueErrorText } from "./queue-error-text";
import { TextField } from "./field";
import { FormError } from "./queue-form-error";

/** One place a patient can be sent, its label already in the page's language. */
export type TransferChoice = { value: string; label: string };
export type TransferChoices = { clinicians: TransferChoice[]; specialties: TransferChoice[] };

/**
 * Sends a patient to another online doctor or to a specialty's shared queue, with an optional
 * reason for the log. Behind a disclosure, so that it is never one stray tap; it stays open while
 * the server has something to say.
 */
export function TransferForm({
  action,
  choices,
  idPrefix,
  describedBy,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  choices: TransferChoices;
  idPrefix: string;
  describedBy?: string;
}) {
  const t = useTranslations("queue");
  const errorText = useQueueErrorText();
  const [state, run, pending] = useActionState(action, {} as FormState);
  // Controlled: React resets a form after its action, and a select would lose the choice.
  const [target, setTarget] = useState("");
  const targetError = state.fieldErrors?.target;
  const targetId = `${idPrefix}-target`;
  const none = choices.clinicians.length === 0 && choices.specialties.length === 0;

  return (
    <details className="rounded-lg border border-slate-200 p-2" open={Boolean(targetError || state.message || state.fieldErrors?.reason) || undefined}>
      <summary className="cursor-pointer py-2 font-semibold text-brand-700" aria-describedby={describedBy}>
        {t("transfer")}
      </summary>
      {none ? (
        <p className="pt-2 text-sm text-slate-600">{t("noTargets")}</p>
      ) : (
        <form action={run} className="space-y-3 pt-2">
          <label className="block" htmlFor={targetId}>
            <span className="text-sm font-medium text-slate-700">{t("transferTo")}</span>
            <select
              id={targetId}
              name="target"
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              className="field-input"
              aria-required
              aria-invalid={targetError ? true : undefined}
              aria-describedby={targetError ? `${targetId}-error` : undefined}
            >
              <option value="" disabled>
                {t("chooseTarget")}
              </option>
              {choices.clinicians.length > 0 && (
                <optgroup label={t("targetClinicians")}>
                  {choices.clinicians.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </optgroup>
              )}
              {choices.specialties.length > 0 && (
                <optgroup label={t("targetSpecialties")}>
                  {choices.specialties.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
            {targetError && (
              <span id={`${targetId}-error`} role="alert" className="mt-1 block text-sm text-red-700">
                {errorText(targetError)}
              </span>
            )}
          </label>
          <TextField
            id={`${idPrefix}-reason`}
            name="reason"
            label={t("transferReason")}
            error={state.fieldErrors?.reason ? errorText(state.fieldErrors.reason) : undefined}
            defaultValue={state.values?.reason}
            maxLength={500}
          />
          <FormError code={state.message} />
          <button type="submit" className="btn-secondary w-full" disabled={pending}>
            {t("confirmTransfer")}
          </button>
        </form>
      )}
    </details>
  );
}
