"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SelectField } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { assignAction, progressAction, resolveAction } from "./actions";

type Option = { value: string; label: string };

/** Give the complaint to an officer of the district (or the province). */
export function AssignForm({ complaintId, officers, current }: { complaintId: string; officers: Option[]; current: string | null }) {
  const t = useTranslations("complaints");
  const [state, action, pending] = useActionState(assignAction.bind(null, complaintId), {} as FormState);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form key={JSON.stringify(state.values ?? {})} action={action} className="card space-y-3" aria-label={t("assign")}>
      <SelectField id="officer" name="officerId" label={t("assign")} options={officers} empty={{ label: t("chooseOfficer"), selectable: false }} defaultValue={state.values?.officerId ?? current ?? undefined} error={errors.officerId} />
      <Submit label={t("assignSubmit")} pending={pending} state={state} />
    </form>
  );
}

/** A note to the complainant: in progress, or resolved with how. */
export function NoteForm({ complaintId, kind }: { complaintId: string; kind: "progress" | "resolve" }) {
  const t = useTranslations("complaints");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState((kind === "progress" ? progressAction : resolveAction).bind(null, complaintId), {} as FormState);
  const field = kind === "progress" ? "note" : "resolution";
  const error = state.ok ? undefined : state.fieldErrors?.[field];
  const id = `complaint-${field}`;
  return (
    <form action={action} className="card space-y-3" aria-label={t(kind)}>
      <h2 className="font-semibold">{t(kind)}</h2>
      <label className="block" htmlFor={id}>
        <span className="text-sm font-medium text-slate-700">{t(kind === "progress" ? "progressNote" : "resolution")}</span>
        <textarea id={id} name={field} rows={3} maxLength={1000} dir="auto" className="field-input" defaultValue={state.ok ? "" : (state.values?.[field] ?? "")} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        {error && (
          <span id={`${id}-error`} role="alert" className="mt-1 block text-sm text-red-700">
            {te(error)}
          </span>
        )}
      </label>
      <Submit label={t(kind === "progress" ? "progressSubmit" : "resolveSubmit")} pending={pending} state={state} />
    </form>
  );
}

function Submit({ label, pending, state }: { label: string; pending: boolean; state: FormState }) {
  const t = useTranslations("complaints");
  return (
    <>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary min-h-11" disabled={pending}>
          {label}
        </button>
        {state.ok && (
          <span role="status" className="text-sm text-brand-700">
            {t("saved")}
          </span>
        )}
      </div>
      <FormMessage messageKey={state.ok ? undefined : state.message} />
    </>
  );
}
