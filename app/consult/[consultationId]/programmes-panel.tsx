import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { readProgrammes } from "@/lib/records/read-programmes";
import { programmes } from "@/lib/vocabulary";
import { EnrolForm, PreventiveForm, QuestionnaireForm } from "./clinician-forms";

const summaryClass = "cursor-pointer py-2 font-semibold text-brand-700";

/**
 * The consultation's care-programme forms, folded so that the note stays in view: enrolment,
 * PHQ-9, GAD-7 and the preventive check for this patient's age and sex, with a link to the
 * programmes page (charts, ANC schedule, follow-ups).
 */
export async function ProgrammesPanel({ consultationId, patientId }: { consultationId: string; patientId: string }) {
  const actor = await requireActor();
  const view = await readProgrammes(actor, patientId);
  const t = await getTranslations("programmes");

  return (
    <section className="card space-y-2" aria-labelledby={`programmes-${consultationId}`}>
      <h2 id={`programmes-${consultationId}`} className="text-lg font-bold">
        {t("panel.title")}
      </h2>
      {view.enrolments.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={t("page.enrolments")}>
          {view.enrolments.map((e) => (
            <li key={e.id} className="rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-900">
              {t(`names.${e.programme}`)}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary className={summaryClass}>{t("panel.enrolTitle")}</summary>
        <EnrolForm consultationId={consultationId} programmes={programmes} />
      </details>
      <details>
        <summary className={summaryClass}>{t("phq9.title")}</summary>
        <QuestionnaireForm consultationId={consultationId} instrument="phq9" />
      </details>
      <details>
        <summary className={summaryClass}>{t("gad7.title")}</summary>
        <QuestionnaireForm consultationId={consultationId} instrument="gad7" />
      </details>
      <details>
        <summary className={summaryClass}>{t("screening.title")}</summary>
        {view.preventiveQuestions ? (
          <PreventiveForm consultationId={consultationId} questions={view.preventiveQuestions} />
        ) : (
          <p className="text-sm text-slate-600">{t("panel.adultsOnly")}</p>
        )}
      </details>
      <Link href={`/patients/${patientId}/programmes`} className="btn-secondary block w-full text-center">
        {t("panel.openPage")}
      </Link>
    </section>
  );
}
