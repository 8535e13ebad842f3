import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { followUpReasonText } from "@/app/_components/follow-up-reason";
import { orNotFound } from "@/app/_components/or-not-found";
import { ReadingChart } from "@/app/_components/reading-chart";
import { requireActor } from "@/lib/auth/actor";
import { staffRoles } from "@/lib/auth/roles";
import { formatMrId } from "@/lib/mrid/mrid";
import type { DueFollowUp } from "@/lib/records/list-due-follow-ups";
import { chartSummary, isOutOfRange, type ReadingFlag, type ReadingSeries } from "@/lib/records/programmes";
import { readProgrammes, type ProgrammesView } from "@/lib/records/read-programmes";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

type T = Awaited<ReturnType<typeof getTranslations<"programmes">>>;

export async function generateMetadata() {
  return { title: (await getTranslations("programmes"))("page.title") };
}

/**
 * A patient's care programmes for clinic staff: the pregnancy's schedule and what is due,
 * blood pressure and sugar over time, screenings, and the follow-ups still to book.
 */
export default async function ProgrammesPage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requireActor(staffRoles);
  const { patientId } = await params;
  const view = await orNotFound(readProgrammes(actor, patientId));
  const t = await getTranslations("programmes");
  const locale = await getLocale();
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: CLINIC_TIME_ZONE });
  const day = (value: string | Date) => dates.format(typeof value === "string" ? new Date(`${value}T12:00:00+05:00`) : value);
  const enrolled = new Set(view.enrolments.map((e) => e.programme));

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("page.title")}</h1>
        <p className="text-slate-600">
          {t.rich("page.for", {
            name: view.patient.fullName,
            mrId: formatMrId(view.patient.mrId),
            num: (chunks) => <span className="ltr-nums">{chunks}</span>,
          })}
        </p>
      </header>

      <section className="card">
        <h2 className="font-semibold">{t("page.enrolments")}</h2>
        {view.enrolments.length === 0 ? (
          <p className="mt-1 text-slate-600">{t("page.noEnrolments")}</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2">
            {view.enrolments.map((e) => (
              <li key={e.id} className="rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-900">
                {t(`names.${e.programme}`)} <span className="text-slate-600">({t("page.since", { date: day(e.enrolledAt) })})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="grid gap-4 md:grid-cols-2">
        {view.antenatal && <AntenatalCard antenatal={view.antenatal} t={t} day={day} />}
        {(enrolled.has("hypertension") || view.bloodPressure.readings.length > 0) && (
          <ChronicCard
            kind="bp"
            data={view.bloodPressure}
            latestValue={view.bloodPressure.latestReading && `${view.bloodPressure.latestReading.systolic}/${view.bloodPressure.latestReading.diastolic}`}
            t={t}
            locale={locale}
            day={day}
          />
        )}
        {(enrolled.has("diabetes") || (enrolled.has("antenatal") && view.glucose.readings.length > 0)) && (
          <ChronicCard
            kind="glucose"
            data={view.glucose}
            latestValue={view.glucose.latestReading && String(view.glucose.latestReading.mgDl)}
            t={t}
            locale={locale}
            day={day}
          />
        )}
        <FollowUpsCard patientId={view.patient.id} followUps={view.followUps} t={t} day={day} />
        <ScreeningsCard screenings={view.screenings} t={t} day={day} />
      </div>
    </div>
  );
}

function AntenatalCard({ antenatal, t, day }: { antenatal: NonNullable<ProgrammesView["antenatal"]>; t: T; day: (d: string) => string }) {
  const { status } = antenatal;
  const next = status.nextContact;
  return (
    <section className="card space-y-2 md:col-span-2">
      <h2 className="text-lg font-semibold">{t("antenatal.title")}</h2>
      <p className="text-lg">
        {t("antenatal.gestationalAge", status.gestationalAge)} · {t(`antenatal.trimesters.${status.trimester}`)}
      </p>
      <p>{t("antenatal.edd", { date: day(status.edd) })}</p>
      <p className="text-sm text-slate-600">
        {t("antenatal.lmp")}: {day(antenatal.lastMenstrualPeriod)} · {t("page.visitsSeen", { count: antenatal.visitDays.length })}
      </p>
      {status.postTerm && (
        <p role="alert" className="rounded-lg bg-red-700 p-3 font-semibold text-white">
          {t("antenatal.postTerm")}
        </p>
      )}
      {status.overdue && (
        <p role="alert" className="rounded-lg border-2 border-red-600 bg-red-50 p-3 font-semibold text-red-900">
          {t("antenatal.overdue")}
        </p>
      )}
      {status.missedContacts.length > 0 && (
        <p className="text-red-800">{t("antenatal.missedContacts", { list: status.missedContacts.join(", ") })}</p>
      )}
      {next ? (
        <div className="rounded-lg bg-slate-50 p-3">
          <h3 className="font-semibold">
            {t("page.nextContact")}: {t("antenatal.contact", { number: next.number, week: next.week })}
          </h3>
          <p className="text-sm">{t("antenatal.contactDue", { target: day(next.targetDate), from: day(next.dueFrom), to: day(next.dueBy) })}</p>
          <h4 className="mt-2 text-sm font-semibold">{t("antenatal.dueAtContact")}</h4>
          <ul className="mt-1 grid list-disc gap-x-6 ps-5 text-sm sm:grid-cols-2">
            {next.items.map((item) => (
              <li key={item}>{t(`antenatal.items.${item}`)}</li>
            ))}
          </ul>
        </div>
      ) : (
        !status.postTerm && <p>{t("antenatal.allContactsDone")}</p>
      )}
    </section>
  );
}

function ChronicCard<F extends ReadingFlag>({
  kind,
  data,
  latestValue,
  t,
  locale,
  day,
}: {
  kind: "bp" | "glucose";
  data: ReadingSeries<F> & { latestReading: { takenAt: Date; flag: F } | null };
  /** The latest reading as written: "132/84", "210". */
  latestValue: string | null;
  t: T;
  locale: string;
  day: (d: Date) => string;
}) {
  const title = t(`chronic.${kind}.title`);
  const unit = t(`chronic.${kind}.unit`);
  const figures = chartSummary({ series: data.series, lines: data.lines });
  const latest = data.latestReading;
  const flagText = latest ? t(`chronic.${kind}.flags.${latest.flag as string}`) : "";
  return (
    <section className="space-y-2">
      <ReadingChart
        title={title}
        unit={unit}
        locale={locale}
        summary={
          figures.count === 0
            ? t("chronic.chart.noReadings")
            : t("chronic.chart.summary", {
                title,
                count: figures.count,
                from: day(figures.from!),
                to: day(figures.to!),
                outOfRange: figures.outOfRange,
                latest: flagText,
              })
        }
        series={data.series.map((s) => ({ label: t(`chronic.${kind === "bp" ? "bp" : "glucose"}.${s.key}`), points: s.points }))}
        lines={data.lines.map((l) => ({ label: t(`chronic.lines.${l.key}`, { value: l.value }), value: l.value }))}
        labels={{ date: t("chronic.chart.date"), outOfRange: t("chronic.chart.outOfRange"), noReadings: t("chronic.chart.noReadings") }}
      />
      {latest && (
        <p className={isOutOfRange(latest.flag) ? "rounded-lg bg-red-50 p-2 font-semibold text-red-900" : "rounded-lg bg-brand-50 p-2 text-brand-900"}>
          {t("page.latest", { value: latestValue ?? "", unit, date: day(latest.takenAt) })} — {flagText}
        </p>
      )}
    </section>
  );
}

function FollowUpsCard({ patientId, followUps, t, day }: { patientId: string; followUps: DueFollowUp[]; t: T; day: (d: string) => string }) {
  return (
    <section className="card space-y-2">
      <h2 className="text-lg font-semibold">{t("page.followUps")}</h2>
      {followUps.length === 0 ? (
        <p className="text-slate-600">{t("page.noFollowUps")}</p>
      ) : (
        <ul className="space-y-3">
          {followUps.map((f) => (
            <li key={f.id} className="space-y-1 border-b border-slate-200 pb-2 last:border-0">
              <p className="font-medium">
                {t("page.dueOn", { date: day(f.dueOn) })}
                {f.overdue && <span className="ms-2 rounded bg-red-700 px-2 py-0.5 text-sm text-white">{t("page.overdue")}</span>}
              </p>
              <p className="text-sm">{followUpReasonText(t, f)}</p>
              <Link href={`/patients/${patientId}/book?followUp=${f.id}`} className="btn-secondary inline-block text-sm">
                {t("page.book")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ScreeningsCard({ screenings, t, day }: { screenings: ProgrammesView["screenings"]; t: T; day: (d: Date) => string }) {
  return (
    <section className="card space-y-2">
      <h2 className="text-lg font-semibold">{t("page.screenings")}</h2>
      {screenings.length === 0 ? (
        <p className="text-slate-600">{t("page.noScreenings")}</p>
      ) : (
        <ul className="space-y-2">
          {screenings.map((s) => (
            <li key={s.id} className="border-b border-slate-200 pb-2 last:border-0">
              <p className="text-sm text-slate-600">{day(s.recordedAt)}</p>
              {s.instrument === "preventive" ? (
                <>
                  <p className="font-medium">{t("page.preventiveTitle")}</p>
                  <p className="text-sm">
                    {s.findings.length === 0 ? t("screening.negative") : s.findings.map((code) => t(`screening.findings.${code}`)).join("، ")}
                  </p>
                </>
              ) : (
                <p className="font-medium">
                  {t(`${s.instrument}.score`, { score: s.score ?? 0 })} · {t(`${s.instrument}.bands.${s.band}`)}
                </p>
              )}
              {s.selfHarm && <p className="mt-1 rounded bg-red-700 px-2 py-1 text-sm font-semibold text-white">{t("phq9.selfHarm")}</p>}
              {s.positive && !s.selfHarm && <p className="text-sm text-red-800">{t("screening.positive")}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
