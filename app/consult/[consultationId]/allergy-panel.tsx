"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormAlert, TextField } from "@/app/_components/field";
import { ChoiceField, useErrorText } from "@/app/_components/host-fields";
import type { FormState } from "@/lib/errors";
import { allergySeverities } from "@/lib/vocabulary";
import { changeAllergyStatusAction, recordAllergyAction } from "./allergy-actions";
import { RecordPanel, SavedNote } from "./record-panel";

export type AllergyItem = { id: string; label: string; reaction: string | null; severity: (typeof allergySeverities)[number] };
export type AllergenGroup = { label: string; options: { value: string; label: string }[] };

/**
 * The patient's active allergies (whatever encounter recorded them) and a form for one more:
 * an allergen from the list or free text, the reaction and its severity.
 */
export function AllergyPanel({ consultationId, items, allergenGroups }: { consultationId: string; items: AllergyItem[]; allergenGroups: AllergenGroup[] }) {
  const t = useTranslations("clinical.allergy");
  const tc = useTranslations("clinical");
  const errorText = useErrorText();
  const [state, submit, pending] = useActionState(recordAllergyAction.bind(null, consultationId), {} as FormState);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  return (
    <RecordPanel title={t("title")} summary={items.length > 0 ? items.map((item) => item.label).join(", ") : t("none")}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((item) => (
            <li key={item.id} className="space-y-1 rounded-lg border border-red-200 bg-red-50 p-2 text-sm">
              <p>
                <span className="font-semibold">{item.label}</span> · {t(item.severity)}
                {item.reaction && <span className="block text-slate-700">{item.reaction}</span>}
              </p>
              <AllergyStatusButtons allergyId={item.id} />
            </li>
          ))}
        </ul>
      )}
      <form action={submit} className="space-y-3" noValidate>
        <label className="block" htmlFor="allergy-code">
          <span className="text-sm font-medium text-slate-700">{t("allergen")}</span>
          <select
            id="allergy-code"
            name="allergenCode"
            defaultValue={v.allergenCode ?? ""}
            className="field-input"
            aria-invalid={errors.allergenCode ? true : undefined}
            aria-describedby={errors.allergenCode ? "allergy-code-error" : undefined}
          >
            <option value="">{t("choose")}</option>
            {allergenGroups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <FieldError id="allergy-code-error" text={errorText(errors.allergenCode)} />
        </label>
        <TextField id="allergy-free-text" name="freeText" label={t("freeText")} maxLength={200} defaultValue={v.freeText} error={errorText(errors.freeText)} />
        <TextField id="allergy-reaction" name="reaction" label={t("reaction")} maxLength={200} defaultValue={v.reaction} hint={t("reactionHint")} error={errorText(errors.reaction)} />
        <ChoiceField
          name="severity"
          legend={t("severity")}
          options={allergySeverities.map((value) => ({ value, label: t(value) }))}
          defaultValue={v.severity}
          error={errorText(errors.severity)}
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

function AllergyStatusButtons({ allergyId }: { allergyId: string }) {
  const t = useTranslations("clinical.allergy");
  const errorText = useErrorText();
  const [state, submit, pending] = useActionState(changeAllergyStatusAction.bind(null, allergyId), {} as FormState);
  return (
    <form action={submit} className="flex flex-wrap gap-3">
      <button type="submit" name="status" value="inactive" className="text-sm underline" disabled={pending}>
        {t("markInactive")}
      </button>
      <button type="submit" name="status" value="entered_in_error" className="text-sm text-red-800 underline" disabled={pending}>
        {t("markError")}
      </button>
      <FieldError id={`allergy-${allergyId}-error`} text={errorText(state.message ?? state.fieldErrors?.status)} />
    </form>
  );
}
