import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FacilityField, PeriodFields } from "@/app/_components/report-fields";
import { StatCards } from "@/app/_components/stat-cards";
import { LATE_AFTER_MINUTES } from "@/lib/attendance/days";
import { attendanceSummary } from "@/lib/attendance/summary";
import { requireActor } from "@/lib/auth/actor";
import { listScopedFacilities } from "@/lib/district/list-facilities";
import { dashboardQuery, type DashboardParams } from "@/lib/reports/query";
import { CountsTable } from "./counts-table";

export async function generateMetadata() {
  return { title: (await getTranslations("attendance"))("reportTitle") };
}

/**
 * The district's staff attendance over a period: the rate per facility, cadre and member of
 * staff, day by day, and every absence without leave with its evidence one click away.
 */
export default async function StaffAttendancePage({ searchParams }: { searchParams: Promise<DashboardParams> }) {
  const actor = await requireActor(["admin"]);
  const query = dashboardQuery(await searchParams);
  const period = { fromDay: query.fromText, toDay: query.toText, facilityId: query.facilityId };
  const [summary, facilities] = await Promise.all([attendanceSummary(actor, period), listScopedFacilities(actor)]);
  const t = await getTranslations("attendance");
  const tr = await getTranslations("staffRegistry");
  const format = await getFormatter();
  const range = `from=${query.fromText}&to=${query.toText}`;
  const cadreName = (cadre: string | null) => (cadre ? tr(`cadre_${cadre}`) : t("noCadre"));
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold">{t("reportTitle")}</h1>
      <p className="text-slate-600">{t("reportIntro", { minutes: LATE_AFTER_MINUTES })}</p>
      <form method="get" className="card flex flex-wrap items-end gap-3">
        <PeriodFields fromLabel={t("from")} toLabel={t("to")} from={query.fromText} to={query.toText} />
        <FacilityField label={t("facility")} allLabel={t("allFacilities")} facilities={facilities} value={query.facilityId} />
        <button type="submit" className="btn-primary">
          {t("show")}
        </button>
        <a href={`/api/district/attendance?${range}${query.facilityId ? `&facility=${query.facilityId}` : ""}`} className="btn-secondary" download>
          {t("csv")}
        </a>
      </form>
      <StatCards
        columns="sm:grid-cols-4"
        testId="attendance-headline"
        cards={[
          { label: t("rate"), value: summary.total.rate === null ? t("noRate") : format.number(summary.total.rate, { style: "percent" }) },
          { label: t("counted"), value: format.number(summary.total.counted) },
          { label: t("absent"), value: format.number(summary.total.absent) },
          { label: t("onLeave"), value: format.number(summary.total.onLeave) },
        ]}
      />
      <section className="card space-y-2" aria-labelledby="absences-heading">
        <h2 id="absences-heading" className="font-semibold">
          {t("absences")}
        </h2>
        {summary.absences.length === 0 ? (
          <p className="text-slate-600">{t("noAbsences")}</p>
        ) : (
          <ul className="space-y-1" data-testid="attendance-absences">
            {summary.absences.map((a) => (
              <li key={`${a.userId}-${a.day}`}>
                <Link href={`/staff-attendance/${a.userId}/${a.day}`} className="text-brand-700 underline">
                  <span dir="ltr">{a.day}</span> · {a.name}
                </Link>{" "}
                <span className="text-sm text-slate-600">
                  · {cadreName(a.cadre)} · {a.facilityName}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <CountsTable
        caption={t("byFacility")}
        head={t("facility")}
        testId="attendance-by-facility"
        rows={summary.byFacility.map((r) => ({ ...r, key: r.facilityId, label: r.facilityName, href: `/staff-attendance?${range}&facility=${r.facilityId}` }))}
      />
      <CountsTable caption={t("byCadre")} head={t("cadre")} testId="attendance-by-cadre" rows={summary.byCadre.map((r) => ({ ...r, key: r.cadre ?? "-", label: cadreName(r.cadre) }))} />
      <CountsTable
        caption={t("byStaff")}
        head={t("name")}
        testId="attendance-by-staff"
        rows={summary.byStaff.map((r) => ({ ...r, key: r.userId, label: `${r.name} · ${r.facilityNames}`, href: `/staff-attendance/${r.userId}?${range}` }))}
      />
      <CountsTable caption={t("byDay")} head={t("day")} testId="attendance-by-day" rows={summary.byDay.map((r) => ({ ...r, key: r.day, label: r.day }))} />
    </div>
  );
}
