import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMrId } from "@/lib/mrid/mrid";
import { findAllergen, findDiagnosis } from "@/lib/records/catalog";
import type { Timeline } from "@/lib/records/read-timeline";

/** Who the record is of, and what every reader must see first: allergies and active problems. */
export async function RecordHeader({ timeline, compact = false }: { timeline: Timeline; compact?: boolean }) {
  const t = await getTranslations("records");
  const format = await getFormatter();
  const locale = await getLocale();
  const { patient, allergies, problems } = timeline;
  const pick = (entry: { en: string; ur: string } | undefined, fallback: string | null) => (entry ? (locale === "ur" ? entry.ur : entry.en) : (fallback ?? "—"));
  return (
    <header className="space-y-2">
      {compact ? <h2 className="text-lg font-bold">{patient.fullName}</h2> : <h1 className="text-2xl font-bold">{patient.fullName}</h1>}
      <p className="text-sm text-slate-600">
        {t("mrId")} <span className="ltr-nums">{formatMrId(patient.mrId)}</span> · {t(`sex_${patient.sex}`)} ·{" "}
        {format.dateTime(new Date(`${patient.dateOfBirth}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}
      </p>
      <section aria-label={t("allergiesTitle")} className={allergies.length > 0 ? "rounded-lg border border-red-300 bg-red-50 p-2" : ""}>
        <h3 className="text-sm font-semibold">{t("allergiesTitle")}</h3>
        {allergies.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noAllergies")}</p>
        ) : (
          <ul className="text-sm">
            {allergies.map((a) => (
              <li key={a.id}>
                {t("allergyLine", { allergen: pick(findAllergen(a.allergenCode ?? ""), a.freeText), severity: t(`severity_${a.severity}`) })}
                {a.reaction ? ` — ${a.reaction}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      {problems.length > 0 && (
        <section aria-label={t("problemsTitle")}>
          <h3 className="text-sm font-semibold">{t("problemsTitle")}</h3>
          <ul className="text-sm">
            {problems.map((p) => (
              <li key={p.id}>{pick(findDiagnosis(p.code ?? ""), p.freeText)}</li>
            ))}
          </ul>
        </section>
      )}
    </header>
  );
}
