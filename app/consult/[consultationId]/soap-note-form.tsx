"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { addAddendumAction, endConsultationAction, saveNoteAction, signNoteAction, type SaveNoteState } from "./actions";

type Note = { subjective: string; objective: string; assessment: string; plan: string };
type Addendum = { id: string; body: string; authorName: string; createdAt: Date };
const sections = ["subjective", "objective", "assessment", "plan"] as const;

/**
 * The clinician's note: a draft saved as often as they like, then signed once — after which it
 * is shown as final and corrections go in addenda beneath it.
 */
export function SoapNoteForm({
  consultationId,
  initial,
  signed,
  addenda,
}: {
  consultationId: string;
  initial: Note | null;
  signed: boolean;
  addenda: Addendum[];
}) {
  const t = useTranslations("note");
  const te = useTranslations("errors");
  const [state, save, saving] = useActionState(saveNoteAction.bind(null, consultationId), {} as SaveNoteState);
  const [signState, sign, signing] = useActionState(signNoteAction.bind(null, consultationId), {} as FormState);
  const [addendumState, addAddendum, adding] = useActionState(addAddendumAction.bind(null, consultationId), {} as FormState);
  const [endState, end, ending] = useActionState(endConsultationAction.bind(null, consultationId), {} as FormState);
  const values = state.values ?? initial ?? { subjective: "", objective: "", assessment: "", plan: "" };
  const saved = Boolean(initial) || state.ok;

  return (
    <div className="space-y-4">
      {signed ? (
        <section className="card space-y-3" aria-labelledby="note-title">
          <h2 id="note-title" className="text-lg font-bold">
            {t("title")} <span className="text-sm font-normal text-brand-700">· {t("signed")}</span>
          </h2>
          {sections.map((section) => (
            <div key={section}>
              <h3 className="text-sm font-medium text-slate-700">{t(section)}</h3>
              <p className="whitespace-pre-wrap" dir="auto">
                {initial?.[section] || "—"}
              </p>
            </div>
          ))}
          {addenda.map((addendum) => (
            <div key={addendum.id} className="border-s-4 border-brand-600 ps-3">
              <h3 className="text-sm font-medium text-slate-700">{t("addendumBy", { name: addendum.authorName })}</h3>
              <p className="whitespace-pre-wrap" dir="auto">
                {addendum.body}
              </p>
            </div>
          ))}
          <form action={addAddendum} className="space-y-2">
            <label className="block" htmlFor="addendum-body">
              <span className="text-sm font-medium text-slate-700">{t("addendum")}</span>
              <textarea
                id="addendum-body"
                name="body"
                rows={2}
                key={addendumState.ok ? addenda.length : "draft"}
                defaultValue={addendumState.ok ? "" : addendumState.values?.body}
                className="field-input"
                aria-invalid={addendumState.fieldErrors?.body ? true : undefined}
              />
              <FieldError id="addendum-error" text={addendumState.fieldErrors?.body && te(addendumState.fieldErrors.body)} />
            </label>
            <FormMessage messageKey={addendumState.message} />
            <button type="submit" className="btn-secondary w-full" disabled={adding}>
              {t("addAddendum")}
            </button>
          </form>
        </section>
      ) : (
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
      )}
      {!signed && saved && (
        <form action={sign} className="space-y-2">
          <p className="text-sm text-slate-600">{t("signHint")}</p>
          <FormMessage messageKey={signState.message} />
          <button type="submit" className="btn-secondary w-full" disabled={signing}>
            {t("sign")}
          </button>
        </form>
      )}
      <form action={end} className="space-y-2">
        <FormMessage messageKey={endState.message} />
        <button type="submit" className="btn-secondary w-full" disabled={ending}>
          {t("endConsultation")}
        </button>
      </form>
    </div>
  );
}
