"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage, TextField } from "@/app/_components/field";
import { answerScale, difficultyScale, gad7Items, phq9Items, type PreventiveQuestion } from "@/lib/records/programmes";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import { enrolProgrammeAction, recordScreeningAction, type EnrolState, type ScreeningState } from "./programmes-actions";

// Field errors of these forms are keys of `programmes.errors`; "form_invalid" is worded there too.
function useFieldError() {
  const t = useTranslations("programmes.errors");
  return (key: string | undefined) => (key ? t(key) : undefined);
}

/** A clinic day (YYYY-MM-DD) or an instant, as the reader's locale writes a date. */
function useDay() {
  const format = useFormatter();
  return (day: string) =>
    format.dateTime(new Date(day.length === 10 ? `${day}T12:00:00+05:00` : day), { dateStyle: "medium", timeZone: CLINIC_TIME_ZONE });
}

export function EnrolForm({ consultationId, programmes }: { consultationId: string; programmes: readonly string[] }) {
  const t = useTranslations("programmes");
  const fieldError = useFieldError();
  const day = useDay();
  const [state, enrol, pending] = useActionState(enrolProgrammeAction.bind(null, consultationId), {} as EnrolState);
  const values = state.values ?? {};
  const programmeError = fieldError(state.fieldErrors?.programme);
  const id = `enrol-programme-${consultationId}`;

  return (
    <form action={enrol} className="space-y-3">
      <label className="block" htmlFor={id}>
        <span className="text-sm font-medium text-slate-700">{t("panel.programme")}</span>
        <select
          id={id}
          name="programme"
          defaultValue={values.programme ?? ""}
          className="field-input"
          aria-invalid={programmeError ? true : undefined}
          aria-describedby={programmeError ? `${id}-error` : undefined}
        >
          <option value="" disabled>
            {t("panel.choose")}
          </option>
          {programmes.map((p) => (
            <option key={p} value={p}>
              {t(`names.${p}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-error`} text={programmeError} />
      </label>
      <TextField
        label={t("antenatal.lmp")}
        name="lastMenstrualPeriod"
        id={`lmp-${consultationId}`}
        type="date"
        inputMode="numeric"
        defaultValue={values.lastMenstrualPeriod ?? ""}
        hint={t("panel.lmpHint")}
        error={fieldError(state.fieldErrors?.lastMenstrualPeriod)}
      />
      {state.ok && state.enrolled && (
        <p role="status" className="text-sm text-brand-700">
          {state.enrolled.created
            ? t("panel.enrolled", { programme: t(`names.${state.enrolled.programme}`) })
            : t("panel.alreadyEnrolled", { programme: t(`names.${state.enrolled.programme}`), date: day(state.enrolled.since) })}
        </p>
      )}
      {!state.ok && <FormMessage messageKey={state.message} />}
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {t("panel.enrol")}
      </button>
    </form>
  );
}

type RadioChoice = { value: string; label: string };

function ChoiceGroup({
  name,
  legend,
  choices,
  checked,
  error,
  columns,
  tone = "plain",
  idPrefix,
}: {
  name: string;
  legend: string;
  choices: readonly RadioChoice[];
  checked?: string;
  error?: string;
  columns: string;
  tone?: "plain" | "alarm";
  idPrefix: string;
}) {
  const errorId = `${idPrefix}-${name}-error`;
  return (
    <fieldset
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
      className={tone === "alarm" ? "rounded-lg border-2 border-red-600 bg-red-50 p-2" : undefined}
    >
      <legend className={tone === "alarm" ? "font-semibold text-red-900" : "text-sm font-medium text-slate-800"}>{legend}</legend>
      <div className={`mt-1 grid gap-1 ${columns}`}>
        {choices.map((choice) => (
          <label key={choice.value} className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-2 text-sm">
            <input type="radio" name={name} value={choice.value} defaultChecked={checked === choice.value} />
            {choice.label}
          </label>
        ))}
      </div>
      <FieldError id={errorId} text={error} />
    </fieldset>
  );
}

/** PHQ-9 or GAD-7: every item with the four answers, then the score, band and follow-up once saved. */
export function QuestionnaireForm({ consultationId, instrument }: { consultationId: string; instrument: "phq9" | "gad7" }) {
  const t = useTranslations("programmes");
  const fieldError = useFieldError();
  const day = useDay();
  const [state, save, pending] = useActionState(recordScreeningAction.bind(null, consultationId, instrument), {} as ScreeningState);
  const values = state.values ?? {};
  const items: readonly string[] = instrument === "phq9" ? phq9Items : gad7Items;
  const answers = answerScale.map((a) => ({ value: String(a.value), label: `${a.value} · ${t(`answers.${a.key}`)}` }));
  const outcome = state.ok ? state.outcome : undefined;
  const idPrefix = `${instrument}-${consultationId}`;

  return (
    <form action={save} className="space-y-3">
      <p className="text-sm text-slate-700">{t(`${instrument}.stem`)}</p>
      <ol className="space-y-3">
        {items.map((item, i) => (
          <li key={item}>
            <ChoiceGroup
              idPrefix={idPrefix}
              name={item}
              legend={`${i + 1}. ${t(`${instrument}.items.${item}`)}`}
              choices={answers}
              checked={values[item]}
              error={fieldError(state.fieldErrors?.[item])}
              columns="grid-cols-2"
              tone={item === "self_harm" ? "alarm" : "plain"}
            />
          </li>
        ))}
      </ol>
      <ChoiceGroup
        idPrefix={idPrefix}
        name="difficulty"
        legend={`${t("difficulty.question")} ${t("panel.optional")}`}
        choices={difficultyScale.map((d) => ({ value: d, label: t(`difficulty.${d}`) }))}
        checked={values.difficulty}
        error={fieldError(state.fieldErrors?.difficulty)}
        columns="grid-cols-2"
      />
      {outcome && (
        <div role="status" className="space-y-1 rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm">
          <p className="font-semibold">
            {t(`${instrument}.score`, { score: outcome.score ?? 0 })} · {t(`${instrument}.bands.${outcome.band}`)}
          </p>
          {outcome.selfHarm && (
            <p role="alert" className="rounded-md bg-red-700 p-2 font-semibold text-white">
              {t("phq9.selfHarm")}. {t("followUp.safety_assessment")}
            </p>
          )}
          {outcome.prompt && !outcome.selfHarm && <p>{t(`followUp.${outcome.prompt.prompt}`)}</p>}
          <p>{outcome.followUps[0] ? t("panel.followUpDue", { date: day(outcome.followUps[0].dueOn) }) : t("panel.noFollowUp")}</p>
        </div>
      )}
      {!state.ok && <FormMessage messageKey={state.message} />}
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {t("panel.save")}
      </button>
    </form>
  );
}

/** The preventive questions asked of this patient, yes or no; once saved, each finding and when it is booked. */
export function PreventiveForm({ consultationId, questions }: { consultationId: string; questions: readonly PreventiveQuestion[] }) {
  const t = useTranslations("programmes");
  const fieldError = useFieldError();
  const day = useDay();
  const [state, save, pending] = useActionState(recordScreeningAction.bind(null, consultationId, "preventive"), {} as ScreeningState);
  const values = state.values ?? {};
  const yesNo = [
    { value: "yes", label: t("screening.yes") },
    { value: "no", label: t("screening.no") },
  ];
  const outcome = state.ok ? state.outcome : undefined;
  const idPrefix = `preventive-${consultationId}`;

  return (
    <form action={save} className="space-y-3">
      <p className="text-sm text-slate-700">{t("screening.intro")}</p>
      <ol className="space-y-3">
        {questions.map((q, i) => (
          <li key={q}>
            <ChoiceGroup
              idPrefix={idPrefix}
              name={q}
              legend={`${i + 1}. ${t(`screening.questions.${q}`)}`}
              choices={yesNo}
              checked={values[q]}
              error={fieldError(state.fieldErrors?.[q])}
              columns="grid-cols-2"
            />
          </li>
        ))}
      </ol>
      {outcome && (
        <div role="status" className="space-y-1 rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm">
          <p className="font-semibold">{outcome.positive ? t("screening.positive") : t("screening.negative")}</p>
          <ul className="list-disc space-y-1 ps-5">
            {outcome.findings.map((f) => {
              const booked = outcome.followUps.find((b) => b.reason === `preventive.${f.code}`);
              return (
                <li key={f.code}>
                  <span className="font-medium">{t(`screening.findings.${f.code}`)}</span>
                  {" — "}
                  {t("screening.dueIn", { what: t(`screening.followUps.${f.followUp.what}`), days: f.followUp.inDays })}
                  {booked && <span className="text-slate-600"> ({day(booked.dueOn)})</span>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {!state.ok && <FormMessage messageKey={state.message} />}
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {t("panel.save")}
      </button>
    </form>
  );
}
