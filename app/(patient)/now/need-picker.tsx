"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, RadioGroup } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { seeDoctorNowAction } from "./actions";

export type NeedOption = { need: string; open: boolean; opensLabel: string | null };

/** One tap per need; closed needs say when they open instead of offering a button. */
export function NeedPicker({ needs, patients, defaultPatientId }: { needs: NeedOption[]; patients: { id: string; label: string }[]; defaultPatientId: string }) {
  const t = useTranslations("now");
  const [state, action, pending] = useActionState(seeDoctorNowAction, {} as FormState);
  return (
    <form action={action} className="space-y-4">
      {patients.length > 1 ? (
        <RadioGroup name="patientId" legend={t("forWhom")} options={patients.map((p) => ({ value: p.id, label: p.label }))} checked={state.values?.patientId || defaultPatientId} columns="grid-cols-1" />
      ) : (
        <input type="hidden" name="patientId" value={defaultPatientId} />
      )}
      <FormMessage messageKey={state.message} />
      <ul className="space-y-3">
        {needs.map((n) => (
          <li key={n.need}>
            {n.open ? (
              <button type="submit" name="need" value={n.need} className="btn-primary min-h-16 w-full text-lg" disabled={pending}>
                {t(`need_${n.need}`)}
              </button>
            ) : (
              <div className="card text-center">
                <p className="font-semibold">{t(`need_${n.need}`)}</p>
                <p className="text-sm text-slate-600">{n.opensLabel ? t("opensAt", { time: n.opensLabel }) : t("noShift")}</p>
              </div>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}
