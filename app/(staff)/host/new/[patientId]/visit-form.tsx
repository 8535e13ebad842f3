"use client";

import Link from "next/link";
import { triageLevels } from "@/lib/vocabulary";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { gestationalAge } from "@/lib/vitals/ranges";
import { FieldError, FormAlert } from "@/app/_components/field";
import { CheckField, ChoiceField, MeasureField, useErrorText } from "@/app/_components/host-fields";
import type { VisitFormState } from "./actions";
import { vitalMeasurements } from "@/app/_components/vital-measurements";

export type TargetGroup = { label: string; options: { value: string; label: string; female: boolean }[] };

/** Weeks and days since the LMP, or null while the date is incomplete, in the future or implausibly old. */
function gestationOn(lmp: string, today: string): { weeks: number; days: number } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lmp) || lmp > today) return null;
  try {
    const age = gestationalAge(lmp, today);
    return age.weeks <= 44 ? age : null;
  } catch {
    return null;
  }
}


/**
 * Vitals, complaint, triage and where to send the patient. Everything typed comes back after a
 * refused submit; choosing "emergency" says at once, plainly, what to do.
 */
export function VisitForm({
  action,
  today,
  showMuac,
  askPregnancy,
  targetGroups,
  notMeasurable = [],
  notMeasurableNote,
}: {
  action: (state: VisitFormState, formData: FormData) => Promise<VisitFormState>;
  today: string;
  showMuac: boolean;
  askPregnancy: boolean;
  targetGroups: TargetGroup[];
  /** Measurements the facility cannot take now (its equipment is missing or out of order), left out. */
  notMeasurable?: string[];
  notMeasurableNote?: string;
}) {
  const t = useTranslations("host.visit");
  const th = useTranslations("host");
  const errorText = useErrorText();
  const [state, submit, pending] = useActionState(action, {} as VisitFormState);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const [triage, setTriage] = useState("");
  const [pregnant, setPregnant] = useState(false);
  const [lmp, setLmp] = useState("");
  const [femaleRequested, setFemaleRequested] = useState(false);
  // Controlled: React resets a form after its action, and a select would lose the choice.
  const [target, setTarget] = useState(state.values?.target ?? "");
  const femaleTargets = new Set(targetGroups.flatMap((group) => group.options.filter((o) => o.female).map((o) => o.value)));
  const gestation = pregnant ? gestationOn(lmp, today) : null;
  const noneOnline = targetGroups.length === 0;

  return (
    <form action={submit} className="space-y-4" noValidate>
      <fieldset className="card space-y-4">
        <legend className="float-start mb-1 w-full text-lg font-semibold">{t("vitals")}</legend>
        <p className="clear-both text-sm text-slate-600">{t("vitalsHint")}</p>
        {notMeasurableNote && (
          <p className="rounded-lg bg-amber-50 p-2 text-sm text-amber-900" data-testid="not-measurable">
            {notMeasurableNote}
          </p>
        )}
        {!notMeasurable.includes("systolic") && (
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("bloodPressure")}</legend>
          <div className="mt-1 grid grid-cols-2 gap-3">
            <MeasureField name="systolic" label={t("systolic")} unit="mmHg" decimal={false} defaultValue={v.systolic} error={errorText(errors.systolic)} />
            <MeasureField name="diastolic" label={t("diastolic")} unit="mmHg" decimal={false} defaultValue={v.diastolic} error={errorText(errors.diastolic)} />
          </div>
        </fieldset>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          {vitalMeasurements.filter((m) => !notMeasurable.includes(m.name)).map((m) => (
            <MeasureField
              key={m.name}
              name={m.name}
              label={t(m.name)}
              unit={m.unit}
              decimal={m.decimal}
              defaultValue={v[m.name]}
              error={errorText(errors[m.name])}
            />
          ))}
          {showMuac && (
            <MeasureField name="muacCm" label={t("muacCm")} unit="cm" decimal hint={t("muacHint")} defaultValue={v.muacCm} error={errorText(errors.muacCm)} />
          )}
        </div>
        {askPregnancy && (
          <div className="space-y-3">
            <CheckField
              name="pregnant"
              label={t("pregnant")}
              defaultChecked={v.pregnant === "on"}
              onChange={(checked) => {
                setPregnant(checked);
                if (!checked) setLmp("");
              }}
            />
            {pregnant && (
              <div>
                <label htmlFor="lastMenstrualPeriod" className="text-sm font-medium text-slate-700">
                  {t("lastMenstrualPeriod")}
                </label>
                <input
                  id="lastMenstrualPeriod"
                  name="lastMenstrualPeriod"
                  type="date"
                  dir="ltr"
                  max={today}
                  defaultValue={v.lastMenstrualPeriod}
                  onChange={(event) => setLmp(event.target.value)}
                  aria-invalid={errors.lastMenstrualPeriod ? true : undefined}
                  aria-describedby={errors.lastMenstrualPeriod ? "lastMenstrualPeriod-error" : "gestational-age"}
                  className="field-input"
                />
                <p id="gestational-age" aria-live="polite" className="mt-1 text-sm font-medium text-brand-900">
                  {gestation && t("gestationalAge", gestation)}
                </p>
                <FieldError id="lastMenstrualPeriod-error" text={errorText(errors.lastMenstrualPeriod)} />
              </div>
            )}
          </div>
        )}
      </fieldset>

      <div className="card space-y-4">
        <div>
          <label htmlFor="chiefComplaint" className="text-sm font-medium text-slate-700">
            {t("complaint")}
          </label>
          <textarea
            id="chiefComplaint"
            name="chiefComplaint"
            rows={3}
            maxLength={500}
            defaultValue={v.chiefComplaint}
            aria-invalid={errors.chiefComplaint ? true : undefined}
            aria-describedby={errors.chiefComplaint ? "chiefComplaint-error" : "chiefComplaint-hint"}
            className="field-input"
          />
          {!errors.chiefComplaint && (
            <span id="chiefComplaint-hint" className="mt-1 block text-sm text-slate-500">
              {t("complaintHint")}
            </span>
          )}
          <FieldError id="chiefComplaint-error" text={errorText(errors.chiefComplaint)} />
        </div>

        <ChoiceField
          name="triage"
          legend={t("triage")}
          className="grid-cols-1 sm:grid-cols-3"
          options={triageLevels.map((level) => ({
            value: level,
            label: th(`triage_${level}`),
            hint: t(`triageHint_${level}`),
          }))}
          defaultValue={v.triage}
          error={errorText(errors.triage)}
          onChange={setTriage}
        />
        {triage === "emergency" && (
          <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-lg font-bold text-red-900">
            {t("emergencyAlert")}
          </p>
        )}
      </div>

      <div className="card space-y-4">
        <CheckField
          name="femaleClinicianRequested"
          label={t("femaleClinicianRequested")}
          defaultChecked={v.femaleClinicianRequested === "on"}
          onChange={(checked: boolean) => {
            setFemaleRequested(checked);
            // A choice that can no longer be made is cleared, so the field asks for a new one.
            if (checked && !femaleTargets.has(target)) setTarget("");
          }}
        />
        <CheckField name="chaperonePresent" label={t("chaperonePresent")} defaultChecked={v.chaperonePresent === "on"} />
        <div>
          <label htmlFor="target" className="text-sm font-medium text-slate-700">
            {t("sendTo")}
          </label>
          <select
            id="target"
            name="target"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            aria-invalid={errors.target ? true : undefined}
            aria-describedby={errors.target ? "target-error" : noneOnline ? "target-none" : undefined}
            className="field-input"
          >
            <option value="" disabled>
              {t("chooseTarget")}
            </option>
            {targetGroups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value} disabled={femaleRequested && !option.female}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {noneOnline && !errors.target && (
            <span id="target-none" className="mt-1 block text-sm text-amber-800">
              {t("noneOnline")}
            </span>
          )}
          <FieldError id="target-error" text={errorText(errors.target)} />
        </div>
      </div>

      <FormAlert text={errorText(state.message)}>
        {state.openConsultationId && (
          <Link href={`/host/visits/${state.openConsultationId}`} className="font-semibold underline">
            {t("openVisit")}
          </Link>
        )}
      </FormAlert>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
