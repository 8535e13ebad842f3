"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, FormMessage, SelectField } from "@/app/_components/field";
import { fileComplaintAction, sendComplaintCodeAction, type ComplaintFormState } from "./actions";

type Option = { value: string; label: string };

/**
 * The public complaint form in two steps: the phone (an SMS code is sent to it), then the
 * complaint with the code. A signed-in patient starts at the second step with their own number
 * and no code. Refusals keep everything typed; the result is the tracking number.
 */
export function ComplaintForm({ categories, facilities, visits, accountPhone }: { categories: Option[]; facilities: Option[]; visits: Option[]; accountPhone: string | null }) {
  const t = useTranslations("complaints");
  const [phoneState, sendCode, sending] = useActionState(sendComplaintCodeAction, {} as ComplaintFormState);
  const [state, file, filing] = useActionState(fileComplaintAction, {} as ComplaintFormState);
  const [changingNumber, setChangingNumber] = useState(false);

  if (state.step === "filed") {
    return (
      <div role="status" className="card space-y-3 border-s-4 border-s-brand-600" data-testid="complaint-filed">
        <p className="text-lg font-semibold">{t("filed")}</p>
        <p>
          {t("trackingNumber")}:{" "}
          <span dir="ltr" className="ltr-nums text-2xl font-bold tracking-wider" data-testid="tracking-number">
            {state.trackingNumber}
          </span>
        </p>
        <p className="text-slate-700">{t("filedHint")}</p>
        <Link href="/1129/status" className="btn-secondary min-h-11">
          {t("checkStatus")}
        </Link>
      </div>
    );
  }

  const phone = accountPhone ?? (phoneState.step === "details" && !changingNumber ? phoneState.values?.phone : undefined) ?? state.values?.phone;
  if (!phone || changingNumber) {
    const errors = phoneState.ok ? {} : (phoneState.fieldErrors ?? {});
    return (
      <form
        action={(data) => {
          setChangingNumber(false);
          sendCode(data);
        }}
        className="card space-y-3"
        aria-label={t("phoneStep")}
      >
        <h2 className="font-semibold">{t("phoneStep")}</h2>
        <p className="text-sm text-slate-600">{t("phoneHint")}</p>
        <Field name="phone" label={t("phone")} type="tel" inputMode="tel" autoComplete="tel" dir="ltr" defaultValue={phoneState.values?.phone ?? state.values?.phone} error={errors.phone} errorValues={phoneState.errorValues} />
        <button type="submit" className="btn-primary min-h-12 w-full" disabled={sending}>
          {t("sendCode")}
        </button>
        <FormMessage messageKey={phoneState.ok ? undefined : phoneState.message} values={phoneState.errorValues} />
      </form>
    );
  }

  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const values = state.ok ? {} : (state.values ?? {});
  return (
    // Keyed by what came back, so the selects keep their choice after React resets the form.
    <form key={JSON.stringify(values)} action={file} className="card space-y-3" aria-label={t("detailsStep")}>
      <h2 className="font-semibold">{t("detailsStep")}</h2>
      <input type="hidden" name="phone" value={phone} />
      <p className="text-sm">
        {t("fromNumber")} <bdi dir="ltr" className="ltr-nums font-medium">{phone}</bdi>
        {!accountPhone && (
          <button type="button" className="ms-3 text-brand-700 underline" onClick={() => setChangingNumber(true)}>
            {t("changeNumber")}
          </button>
        )}
      </p>
      {!accountPhone && <Field name="code" label={t("code")} inputMode="numeric" autoComplete="one-time-code" dir="ltr" maxLength={6} defaultValue={values.code} error={errors.code} errorValues={state.errorValues} />}
      <SelectField name="category" label={t("category")} options={categories} empty={{ label: t("chooseCategory"), selectable: false }} defaultValue={values.category} error={errors.category} />
      <SelectField name="facilityId" label={t("facility")} options={facilities} empty={{ label: t("chooseFacility"), selectable: false }} defaultValue={values.facilityId} error={errors.facilityId} />
      {visits.length > 0 && (
        <SelectField name="encounterId" label={t("visit")} options={visits} empty={{ label: t("noVisit"), selectable: true }} defaultValue={values.encounterId} error={errors.encounterId} />
      )}
      <label className="block" htmlFor="description">
        <span className="text-sm font-medium text-slate-700">{t("description")}</span>
        <textarea
          id="description"
          name="description"
          rows={5}
          maxLength={2000}
          dir="auto"
          className="field-input"
          defaultValue={values.description ?? ""}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby="description-hint"
        />
        <DescriptionNote error={errors.description} hint={t("descriptionHint")} />
      </label>
      <button type="submit" className="btn-primary min-h-12 w-full" disabled={filing}>
        {t("file")}
      </button>
      <FormMessage messageKey={state.ok ? undefined : state.message} values={state.errorValues} />
    </form>
  );
}

function DescriptionNote({ error, hint }: { error?: string; hint: string }) {
  const te = useTranslations("errors");
  return (
    <span id="description-hint" role={error ? "alert" : undefined} className={`mt-1 block text-sm ${error ? "text-red-700" : "text-slate-500"}`}>
      {error ? te(error) : hint}
    </span>
  );
}
