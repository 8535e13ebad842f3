"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, FormMessage, SelectField } from "@/app/_components/field";
import type { FigureKey } from "@/lib/dhis2-export/mapping";
import { dhis2Action, type Dhis2FormState } from "./actions";

const BAND_KEY = /^consultations\.(female|male)\.(under_1|1_4|5_14|15_49|50_plus)$/;

/** Choose a facility and a month or week, preview what DHIS2 would receive, then dry-run or send it. */
export function ExportForm({
  facilities,
  initial,
}: {
  facilities: { id: string; name: string; orgUnitCode: string | null }[];
  initial: { month: string; week: string };
}) {
  const t = useTranslations("dhis2");
  const [state, action, pending] = useActionState(dhis2Action, {} as Dhis2FormState);
  const value = (name: string, fallback = "") => state.values?.[name] ?? fallback;
  const [kind, setKind] = useState(value("kind", "monthly"));
  const error = (name: string) => state.fieldErrors?.[name];
  const label = (figure: FigureKey) => {
    const band = BAND_KEY.exec(figure);
    if (band) return t("consultations", { sex: t(`sex_${band[1] as "female" | "male"}`), band: t(`band_${band[2] as "under_1"}`) });
    return t(`figure_${figure as "referrals"}`);
  };
  return (
    <div className="space-y-4">
      {/* Keyed by what came back: React resets a form after its action; a new key draws it with what was chosen. */}
      <form key={JSON.stringify(state.values ?? {})} action={action} className="card space-y-3" aria-label={t("formLabel")}>
        <SelectField
          label={t("facility")}
          name="facilityId"
          options={facilities.map((f) => ({ value: f.id, label: f.orgUnitCode ? f.name : `${f.name} (${t("noOrgUnit")})` }))}
          empty={{ label: t("chooseFacility"), selectable: false }}
          defaultValue={value("facilityId")}
          error={error("facilityId")}
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("periodKind")}</legend>
          <div className="mt-1 grid grid-cols-2 gap-2">
            {(["monthly", "weekly"] as const).map((option) => (
              <label key={option} className="flex min-h-12 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3">
                <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
                {t(option)}
              </label>
            ))}
          </div>
        </fieldset>
        {kind === "weekly" ? (
          <Field label={t("week")} name="week" type="week" dir="ltr" defaultValue={value("week", initial.week)} error={error("period")} required />
        ) : (
          <Field label={t("month")} name="month" type="month" dir="ltr" defaultValue={value("month", initial.month)} error={error("period")} required />
        )}
        <FormMessage messageKey={state.message} values={state.errorValues} />
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="preview" className={state.preview ? "btn-secondary" : "btn-primary"} disabled={pending}>
            {t("preview")}
          </button>
          {state.preview && (
            <>
              <button type="submit" name="intent" value="dry_run" className="btn-secondary" disabled={pending}>
                {t("dryRun")}
              </button>
              <button type="submit" name="intent" value="send" className="btn-primary" disabled={pending}>
                {t("send")}
              </button>
            </>
          )}
        </div>
        {state.queued && (
          <p role="status" className="text-sm text-brand-700">
            {t(`queued_${state.queued}`)}
          </p>
        )}
      </form>
      {state.preview && (
        <section aria-labelledby="dhis2-preview" className="space-y-2">
          <h2 id="dhis2-preview" className="text-lg font-semibold">
            {t("previewTitle", { facility: state.preview.facilityName, period: state.preview.periodId })}
          </h2>
          <p className="text-sm text-slate-600">
            {t.rich("orgUnit", {
              code: state.preview.orgUnitCode,
              c: (chunks) => (
                <span dir="ltr" className="font-mono">
                  {chunks}
                </span>
              ),
            })}
          </p>
          <div className="overflow-x-auto rounded-lg border border-slate-200">
            <table className="w-full text-sm" data-testid="dhis2-preview">
              <thead>
                <tr className="border-b text-slate-600">
                  <th className="p-2 text-start">{t("figure")}</th>
                  <th className="p-2 text-start">{t("dataElement")}</th>
                  <th className="p-2 text-start">{t("coc")}</th>
                  <th className="p-2 text-end">{t("value")}</th>
                </tr>
              </thead>
              <tbody>
                {state.preview.rows.map((row) => (
                  <tr key={row.figure} className="border-b">
                    <td className="p-2">{label(row.figure)}</td>
                    <td className="p-2 font-mono" dir="ltr">
                      {row.dataElement}
                    </td>
                    <td className="p-2 font-mono" dir="ltr">
                      {row.categoryOptionCombo ?? t("defaultCoc")}
                    </td>
                    <td className="p-2 text-end">{row.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
