import type { ProgrammesView } from "@/lib/records/read-programmes";
import { isOutOfRange } from "@/lib/records/programmes";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

export type ProgrammeSummaryProps = {
  /** Translated: "My care programmes". */
  title: string;
  /** Shown when there is nothing to summarise. */
  empty: string;
  antenatal?: {
    /** "Next pregnancy check-up: 12 Jan 2027", or null once every visit is done. */
    nextVisit: string | null;
    /** "Come any day from … to …". */
    window: string | null;
    /** "Baby expected around …". */
    edd: string;
    /** Overdue, or past 41 weeks: shown first, in red. */
    alert: string | null;
  };
  bloodPressure?: { text: string; flag: string; outOfRange: boolean };
  nextFollowUp?: { text: string; overdue: boolean };
};

/**
 * What a patient needs from their care programmes at a glance, phone-first: the next pregnancy
 * check-up and the expected date, the latest blood pressure with its meaning, and the next
 * follow-up. Takes words already translated (see programmeSummaryProps), so it renders anywhere.
 */
export function ProgrammeSummary({ title, empty, antenatal, bloodPressure, nextFollowUp }: ProgrammeSummaryProps) {
  const nothing = !antenatal && !bloodPressure && !nextFollowUp;
  return (
    <section className="card space-y-3" aria-label={title}>
      <h2 className="text-lg font-bold">{title}</h2>
      {nothing && <p className="text-slate-600">{empty}</p>}
      {antenatal && (
        <div className="space-y-1">
          {antenatal.alert && (
            <p role="alert" className="rounded-lg bg-red-700 p-3 text-base font-semibold text-white">
              {antenatal.alert}
            </p>
          )}
          {antenatal.nextVisit && <p className="text-base font-semibold">{antenatal.nextVisit}</p>}
          {antenatal.window && <p className="text-slate-700">{antenatal.window}</p>}
          <p className="text-slate-700">{antenatal.edd}</p>
        </div>
      )}
      {bloodPressure && (
        <div className={bloodPressure.outOfRange ? "rounded-lg bg-red-50 p-3 text-red-900" : "rounded-lg bg-brand-50 p-3 text-brand-900"}>
          <p className="text-base font-semibold">{bloodPressure.text}</p>
          <p>{bloodPressure.flag}</p>
        </div>
      )}
      {nextFollowUp && <p className={nextFollowUp.overdue ? "font-semibold text-red-800" : "font-semibold"}>{nextFollowUp.text}</p>}
    </section>
  );
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The summary's props from readProgrammes, worded by `t` (the `programmes` namespace, e.g.
 * `await getTranslations("programmes")`) and dated in `locale`.
 */
export function programmeSummaryProps(view: ProgrammesView, t: Translate, locale: string): ProgrammeSummaryProps {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: CLINIC_TIME_ZONE });
  const day = (value: string | Date) => dates.format(typeof value === "string" ? new Date(`${value}T12:00:00+05:00`) : value);
  const anc = view.antenatal?.status;
  const next = anc?.nextContact ?? null;
  const bp = view.bloodPressure.latestReading;
  const followUp = view.followUps[0];
  return {
    title: t("summary.title"),
    empty: t("summary.none"),
    antenatal: anc && {
      nextVisit: next ? t("summary.ancNext", { date: day(next.targetDate) }) : anc.postTerm ? null : t("summary.ancDone"),
      window: next ? t("summary.ancWindow", { from: day(next.dueFrom), to: day(next.dueBy) }) : null,
      edd: t("summary.edd", { date: day(anc.edd) }),
      alert: anc.postTerm ? t("summary.ancPostTerm") : anc.overdue ? t("summary.ancOverdue") : null,
    },
    bloodPressure: bp
      ? {
          text: t("summary.latestBp", { reading: `${bp.systolic}/${bp.diastolic}`, date: day(bp.takenAt) }),
          flag: t(`chronic.bp.flags.${bp.flag}`),
          outOfRange: isOutOfRange(bp.flag),
        }
      : undefined,
    nextFollowUp: followUp
      ? {
          text: followUp.overdue ? t("summary.nextFollowUpOverdue", { date: day(followUp.dueOn) }) : t("summary.nextFollowUp", { date: day(followUp.dueOn) }),
          overdue: followUp.overdue,
        }
      : undefined,
  };
}
