import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { findAllergen, findDiagnosis, findFrequency, findLabTest, findMedicine } from "@/lib/records/catalog";
import { timelineKinds, type TimelineEntry, type TimelineKind } from "@/lib/records/read-timeline";

type Labelled = { en: string; ur: string } | undefined;
type Strings = Record<string, unknown>;

/** The kind filter of a timeline: links that keep the rest of the page's query. */
export async function TimelineFilter({ hrefFor, current }: { hrefFor: (kind: TimelineKind | null) => string; current: TimelineKind | null }) {
  const t = await getTranslations("records");
  const kinds: (TimelineKind | null)[] = [null, ...timelineKinds];
  return (
    <nav aria-label={t("filterLabel")} className="flex flex-wrap gap-2">
      {kinds.map((kind) => (
        <Link
          key={kind ?? "all"}
          href={hrefFor(kind)}
          aria-current={kind === current ? "page" : undefined}
          className={`rounded-full border px-3 py-1 text-sm ${kind === current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
        >
          {t(`kind_${kind ?? "all"}`)}
        </Link>
      ))}
    </nav>
  );
}

/**
 * A patient's record, newest first: one line per entry with what it was, when, and who wrote
 * it. Labels of coded entries (diagnoses, medicines, allergens, tests) come from the shipped
 * lists in the page's language. `noteHref` links a note to where this viewer reads it in full.
 */
export async function RecordTimeline({ entries, noteHref }: { entries: TimelineEntry[]; noteHref?: (consultationId: string) => string }) {
  const t = await getTranslations("records");
  const format = await getFormatter();
  const locale = await getLocale();
  const label = (entry: Labelled, fallback: unknown) => (entry ? (locale === "ur" ? entry.ur : entry.en) : String(fallback ?? "—"));
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });

  function body(entry: TimelineEntry): ReactNode {
    const d = entry.data as Strings;
    switch (entry.kind) {
      case "encounter":
        return t(`encounter_${String(d.kind)}`, { clinician: String(d.clinician ?? "—"), facility: String(d.facility ?? "—") });
      case "note": {
        const text = `${t(d.signedAt ? "noteSigned" : "noteDraft", { author: String(d.author ?? "") })}${d.assessment ? ` — ${String(d.assessment)}` : ""}`;
        return noteHref && d.consultationId ? <Link href={noteHref(String(d.consultationId))} className="underline">{text}</Link> : text;
      }
      case "vitals":
        return vitalsLine(d, t);
      case "diagnosis":
        return `${label(findDiagnosis(String(d.code ?? "")), d.freeText)}${d.code ? ` (${String(d.code)})` : ""}${d.certainty === "provisional" ? ` · ${t("provisional")}` : ""}`;
      case "allergy":
        return t("allergyLine", { allergen: label(findAllergen(String(d.allergenCode ?? "")), d.freeText), severity: t(`severity_${String(d.severity)}`) });
      case "problem":
        return `${label(findDiagnosis(String(d.code ?? "")), d.freeText)} · ${t(`problem_${String(d.status)}`)}`;
      case "prescription":
        return ((d.items as Strings[]) ?? [])
          .map((item) => {
            const medicine = findMedicine(String(item.medicineCode));
            const frequency = findFrequency(String(item.frequencyCode));
            return `${medicine ? `${medicine.generic} ${medicine.strength}` : String(item.medicineCode)} · ${String(item.dose)} ${label(frequency, item.frequencyCode)}`;
          })
          .join("; ");
      case "lab_order":
        return t("labOrdered", { test: label(findLabTest(String(d.testCode)), d.testCode) });
      case "lab_result": {
        const test = findLabTest(String(d.testCode));
        const value = d.value ?? d.text ?? (d.attachmentId ? t("photoOfReport") : "—");
        return `${label(test, d.testCode)}: ${String(value)}${test?.unit && d.value != null ? ` ${test.unit}` : ""}${d.flag ? ` · ${t(`flag_${String(d.flag)}`)}` : ""}`;
      }
      case "referral":
        return t("referralLine", {
          to: String((locale === "ur" ? d.specialtyUr : d.specialtyEn) ?? d.facility ?? "—"),
          urgency: t(`urgency_${String(d.urgency)}`),
          reason: String(d.reason ?? ""),
        });
      case "screening":
        return t("screeningLine", { instrument: t(`instrument_${String(d.instrument)}`), score: String(d.score ?? "—"), band: String(d.band ?? "—") });
      case "programme":
        return t(`programme_${String(d.programme)}`);
      case "photo":
        return (
          <a href={`/api/attachments/${String(d.attachmentId)}`} className="inline-block underline" target="_blank" rel="noreferrer">
            {/* eslint-disable-next-line @next/next/no-img-element -- served by our own API, with the record's access checks */}
            <img src={`/api/attachments/${String(d.attachmentId)}`} alt={t("photoInCall")} className="max-h-32 rounded" loading="lazy" />
          </a>
        );
    }
  }

  if (entries.length === 0) return <p className="text-slate-600">{t("timelineEmpty")}</p>;
  return (
    <ol className="space-y-2">
      {entries.map((entry) => {
        const d = entry.data as Strings;
        const struck = d.enteredInError === true || d.status === "entered_in_error";
        return (
          <li key={`${entry.kind}-${entry.id}`} className="card space-y-1">
            <p className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-600">
              <span className="font-semibold text-slate-800">{t(`kind_${entry.kind}`)}</span>
              <time dateTime={entry.at.toISOString()}>{when(entry.at)}</time>
            </p>
            <p className={struck ? "line-through" : undefined} dir="auto">
              {body(entry)}
            </p>
            {struck && <p className="text-sm text-red-700">{t("enteredInError")}</p>}
            {typeof d.by === "string" && entry.kind !== "note" && <p className="text-xs text-slate-500">{t("by", { name: d.by })}</p>}
          </li>
        );
      })}
    </ol>
  );
}

function vitalsLine(d: Strings, t: (key: string, values?: Record<string, string>) => string): string {
  const parts: string[] = [];
  if (d.systolic != null && d.diastolic != null) parts.push(t("vitalBp", { value: `${String(d.systolic)}/${String(d.diastolic)}` }));
  if (d.pulse != null) parts.push(t("vitalPulse", { value: String(d.pulse) }));
  if (d.temperatureC != null) parts.push(t("vitalTemperature", { value: String(d.temperatureC) }));
  if (d.spo2 != null) parts.push(t("vitalSpo2", { value: String(d.spo2) }));
  if (d.respiratoryRate != null) parts.push(t("vitalRespiratoryRate", { value: String(d.respiratoryRate) }));
  if (d.weightKg != null) parts.push(t("vitalWeight", { value: String(d.weightKg) }));
  if (d.glucoseMgDl != null) parts.push(t("vitalGlucose", { value: String(d.glucoseMgDl) }));
  if (d.muacCm != null) parts.push(t("vitalMuac", { value: String(d.muacCm) }));
  return parts.join(" · ") || "—";
}
