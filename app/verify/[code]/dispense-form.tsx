"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { dispenseAction } from "./actions";

export type OpenLine = { position: number; name: string; onHand: number; suggested: number | null };
export type GivenLine = { position: number; name: string; text: string };

/**
 * The facility's counter: for each line not yet given, the quantity handed over (suggested from
 * the course, 0 to leave it open); lines already given say where and when.
 */
export function DispenseForm({ code, facilityName, open, given }: { code: string; facilityName: string; open: OpenLine[]; given: GivenLine[] }) {
  const t = useTranslations("prescriptions");
  const [state, action, pending] = useActionState(dispenseAction.bind(null, code), {} as FormState);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form key={JSON.stringify(values)} action={action} className="card space-y-3" aria-labelledby="dispense-heading">
      <h2 id="dispense-heading" className="font-bold">
        {t("dispenseTitle", { place: facilityName })}
      </h2>
      {state.ok && (
        <p role="status" className="rounded-lg bg-brand-50 p-2 text-brand-900">
          {t("dispenseDone")}
        </p>
      )}
      {given.length > 0 && (
        <ul className="space-y-1 text-sm text-slate-700">
          {given.map((line) => (
            <li key={line.position}>
              <bdi dir="ltr" className="font-medium">
                {line.name}
              </bdi>{" "}
              — {line.text}
            </li>
          ))}
        </ul>
      )}
      {open.length > 0 && <p className="text-sm text-slate-600">{t("dispenseHint")}</p>}
      {open.map((line) => (
        <fieldset key={line.position} className="space-y-1 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 font-medium">
            <bdi dir="ltr">{line.name}</bdi>
          </legend>
          <p className="text-sm text-slate-600">
            {t("dispenseOnHand", { count: line.onHand })}
            {line.suggested !== null && ` · ${t("dispenseSuggested", { count: line.suggested })}`}
          </p>
          <Field
            id={`dispense-${line.position}`}
            name={`quantity_${line.position}`}
            label={t("dispenseQuantity")}
            inputMode="numeric"
            dir="ltr"
            defaultValue={values[`quantity_${line.position}`] ?? String(Math.min(line.suggested ?? 0, line.onHand))}
            error={errors[`quantity_${line.position}`]}
          />
        </fieldset>
      ))}
      {open.length > 0 ? (
        <button type="submit" className="btn-primary min-h-12 w-full" disabled={pending}>
          {t("dispenseSubmit")}
        </button>
      ) : (
        <p role="status" className="font-medium">
          {t("dispenseAllDone")}
        </p>
      )}
      <FormMessage messageKey={state.ok ? undefined : state.message} />
    </form>
  );
}
