"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { endConsultationAction, saveNoteAction, type SaveNoteState } from "./actions";

type Note = { subjective: string; objective: string; assessment: string; plan: string };
const sections = ["subjective", "objective", "assessment", "plan"] as const;

export function SoapNoteForm({ consultationId, initial }: { consultationId: string; initial: Note | null }) {
  const t = useTranslations("note");
  const te = useTranslations("errors");
  const [state, save, saving] = useActionState(saveNoteAction.bind(null, consultationId), {} as SaveNoteState);
  const [endState, end, ending] = useActionState(endConsultationAction.bind(null, consultationId), {} as FormState);
  const values = state.values ?? initial ?? { subjective: "", objective: "", assessment: "", plan: "" };

  return (
    <div className="space-y-4">
      <form action={save} className="card space-y-3">
        <h2 className="text-lg font-bold">{t("title")}</h2>
        {sections.map((section) => {
          const error = state.fieldErrors?.[section];
          return (
            <label key={section} className="block">
              <span className="text-sm font-medium text-slate-700">{t(section)}</span>
              <textarea
                name={section}
                rows={3}
                defaultValue={values[section as keyof Note]}
                className="field-input"
                aria-invalid={error ? true : undefined}
              />
              {error && (
                <span role="alert" className="mt-1 block text-sm text-red-700">
                  {te(error)}
                </span>
              )}
            </label>
          );
        })}
        {state.ok && (
          <p role="status" className="text-sm text-brand-700">
            {t("saved", { version: String(state.version ?? 1) })}
          </p>
        )}
        {!state.ok && <FormMessage messageKey={state.message} />}
        <button type="submit" className="btn-primary w-full" disabled={saving}>
          {t("save")}
        </button>
      </form>
      <form action={end} className="space-y-2">
        <FormMessage messageKey={endState.message} />
        <button type="submit" className="btn-secondary w-full" disabled={ending}>
          {t("endConsultation")}
        </button>
      </form>
    </div>
  );
}
