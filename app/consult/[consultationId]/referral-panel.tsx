"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert, SelectField, TextField } from "@/app/_components/field";
import { ChoiceField, useErrorText } from "@/app/_components/host-fields";
import type { FormState } from "@/lib/errors";
import { triageLevels } from "@/lib/vocabulary";
import { referAction } from "./referral-actions";
import { RecordPanel, SavedNote } from "./record-panel";

export type ReferralItem = { id: string; destination: string; urgency: (typeof triageLevels)[number]; reason: string; referredBy: string; bookable: boolean };
type Choice = { value: string; label: string };

/** The patient's open referrals (a specialty one can be booked from here) and a form to refer. */
export function ReferralPanel({
  consultationId,
  patientId,
  items,
  specialties,
  facilities,
}: {
  consultationId: string;
  patientId: string;
  items: ReferralItem[];
  specialties: Choice[];
  facilities: Choice[];
}) {
  const t = useTranslations("clinical.referral");
  const tc = useTranslations("clinical");
  const errorText = useErrorText();
  const [state, submit, pending] = useActionState(referAction.bind(null, consultationId), {} as FormState);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  return (
    <RecordPanel title={t("title")} summary={items.map((item) => item.destination).join(", ")}>
      <section className="space-y-1">
        <h3 className="font-semibold">{t("open")}</h3>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {items.map((item) => (
              <li key={item.id} className="space-y-1">
                <p>
                  <span className="font-semibold">{item.destination}</span> · {t(`urgency_${item.urgency}`)}
                </p>
                <p className="text-slate-700">{item.reason}</p>
                <p className="text-slate-600">{t("referredBy", { name: item.referredBy })}</p>
                {item.bookable && (
                  <Link href={`/patients/${patientId}/book?referral=${item.id}`} className="underline">
                    {t("book")}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <form action={submit} className="space-y-3 border-t border-slate-200 pt-3" noValidate>
        <SelectField id="referral-specialty" name="specialtyCode" label={t("specialty")} options={specialties} empty={{ label: t("noSpecialty"), selectable: true }} defaultValue={v.specialtyCode} error={errors.specialtyCode} />
        <SelectField id="referral-facility" name="facilityId" label={t("facility")} options={facilities} empty={{ label: t("noFacility"), selectable: true }} defaultValue={v.facilityId} error={errors.facilityId} />
        <ChoiceField
          name="urgency"
          legend={t("urgency")}
          className="grid-cols-1"
          options={triageLevels.map((value) => ({ value, label: t(`urgency_${value}`) }))}
          defaultValue={v.urgency}
          error={errorText(errors.urgency)}
        />
        <TextField id="referral-reason" name="reason" label={t("reason")} maxLength={1000} defaultValue={v.reason} error={errorText(errors.reason)} />
        <FormAlert text={errorText(state.message)} />
        <SavedNote show={state.ok} text={tc("saved")} />
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {t("save")}
        </button>
      </form>
    </RecordPanel>
  );
}
