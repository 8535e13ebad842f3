"use client";

import Link from "next/link";
import { sexes } from "@/lib/vocabulary";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { formatMrId } from "@/lib/mrid/mrid";
import { FormAlert, TextField } from "@/app/_components/field";
import { ChoiceField, useErrorText } from "@/app/_components/host-fields";
import { registerWalkInAction, type RegisterWalkInState } from "./actions";

/**
 * Registers a walk-in who has no MR ID yet. When the patient may already be registered, the
 * matches are shown first: using the existing record keeps one person under one MR ID.
 */
export function RegisterWalkInForm() {
  const t = useTranslations("host.register");
  const tl = useTranslations("host");
  const format = useFormatter();
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(registerWalkInAction, {} as RegisterWalkInState);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const born = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField label={t("fullName")} name="fullName" autoComplete="off" defaultValue={v.fullName} error={errorText(errors.fullName)} />
      <ChoiceField
        name="sex"
        legend={t("sex")}
        options={sexes.map((s) => ({ value: s, label: tl(`sex_${s}`) }))}
        defaultValue={v.sex}
        error={errorText(errors.sex)}
      />
      <TextField label={t("dateOfBirth")} name="dateOfBirth" type="date" dir="ltr" defaultValue={v.dateOfBirth} error={errorText(errors.dateOfBirth)} />
      <TextField
        label={t("phone")}
        name="phone"
        type="tel"
        inputMode="tel"
        dir="ltr"
        autoComplete="off"
        placeholder="0300-1234567"
        defaultValue={v.phone}
        error={errorText(errors.phone)}
        hint={t("phoneHint")}
      />
      <TextField
        label={t("cnic")}
        name="cnic"
        inputMode="numeric"
        dir="ltr"
        autoComplete="off"
        placeholder="12345-1234567-1"
        defaultValue={v.cnic}
        error={errorText(errors.cnic)}
        hint={t("cnicHint")}
      />
      <FormAlert text={errorText(state.message)} />

      {/* The plain submit comes first, so Enter in a field never means "register anyway". */}
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {t("submit")}
      </button>

      {state.matches && state.matches.length > 0 && (
        <section role="alert" aria-labelledby="duplicate-title" className="space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-3">
          <h3 id="duplicate-title" className="font-semibold text-amber-950">
            {t("duplicateTitle")}
          </h3>
          <p className="text-sm text-amber-950">{t("duplicateIntro")}</p>
          <ul className="space-y-2">
            {state.matches.map((match) => (
              <li key={match.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-white p-3">
                <span className="min-w-0">
                  <span className="block font-semibold">{match.fullName}</span>
                  <span className="block text-sm text-slate-600">
                    <span className="ltr-nums">{formatMrId(match.mrId)}</span>
                  </span>
                  <span className="block text-sm text-slate-600">{tl("born", { date: born(match.dateOfBirth) })}</span>
                </span>
                <Link href={`/host/new/${match.id}`} className="btn-primary grow sm:grow-0">
                  {t("usePatient")}
                </Link>
              </li>
            ))}
          </ul>
          <button type="submit" name="confirmNotDuplicate" value="on" className="btn-secondary w-full" disabled={pending}>
            {t("registerAnyway")}
          </button>
        </section>
      )}
    </form>
  );
}
