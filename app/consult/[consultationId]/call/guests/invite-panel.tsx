"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { callApi } from "./call-data";

type Invitable = { specialties: { code: string; name: string }[]; clinicians: { id: string; name: string; specialty: string }[] };
type Choice = { specialtyCode: string } | { inviteeId: string };

/** The clinician asks a specialist in: anyone of a specialty, or one clinician by name (type-ahead). */
export function InvitePanel({ consultationId }: { consultationId: string }) {
  const t = useTranslations("guests");
  const te = useTranslations("errors");
  const ids = useId();
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<Invitable>({ specialties: [], clinicians: [] });
  const [choice, setChoice] = useState<Choice | null>(null);
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await callApi<Invitable>(`/api/consultations/${consultationId}/invitable?q=${encodeURIComponent(q)}`);
      if (result.ok) setOptions(result.data);
    }, 200);
    return () => clearTimeout(timer);
  }, [q, consultationId]);

  const chosen = (c: Choice) => choice !== null && JSON.stringify(choice) === JSON.stringify(c);
  return (
    <form
      className="space-y-3 text-slate-900"
      data-testid="invite-panel"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!choice) return setStatus({ ok: false, text: t("inviteChoose") });
        const result = await callApi(`/api/consultations/${consultationId}/invitations`, { json: { ...choice, reason } });
        setStatus(result.ok ? { ok: true, text: t("inviteSent") } : { ok: false, text: te.has(result.code as "not_found") ? te(result.code as "not_found") : t("error") });
        if (result.ok) setChoice(null);
      }}
    >
      <label htmlFor={`${ids}-q`} className="block text-sm font-medium">
        {t("inviteSearch")}
      </label>
      <input id={`${ids}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} className="min-h-11 w-full rounded-lg border border-slate-300 px-3" dir="auto" />
      <fieldset className="max-h-48 space-y-1 overflow-y-auto">
        <legend className="sr-only">{t("inviteTitle")}</legend>
        {options.specialties.length > 0 && <p className="text-xs font-semibold text-slate-600">{t("inviteSpecialties")}</p>}
        {options.specialties.map((s) => (
          <label key={s.code} className="flex min-h-11 items-center gap-2">
            <input type="radio" name={`${ids}-choice`} checked={chosen({ specialtyCode: s.code })} onChange={() => setChoice({ specialtyCode: s.code })} />
            {t("inviteAnySpecialty", { specialty: s.name })}
          </label>
        ))}
        {options.clinicians.length > 0 && <p className="text-xs font-semibold text-slate-600">{t("inviteClinicians")}</p>}
        {options.clinicians.map((c) => (
          <label key={c.id} className="flex min-h-11 items-center gap-2">
            <input type="radio" name={`${ids}-choice`} checked={chosen({ inviteeId: c.id })} onChange={() => setChoice({ inviteeId: c.id })} />
            {c.name} · {c.specialty}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${ids}-reason`} className="block text-sm font-medium">
        {t("inviteReason")}
      </label>
      <textarea id={`${ids}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} rows={2} className="w-full rounded-lg border border-slate-300 p-2" dir="auto" />
      <button type="submit" className="btn-primary min-h-11">
        {t("inviteSend")}
      </button>
      {status && (
        <p role={status.ok ? "status" : "alert"} className={`text-sm ${status.ok ? "text-brand-900" : "text-red-800"}`}>
          {status.text}
        </p>
      )}
    </form>
  );
}
