import Link from "next/link";
import { Suspense } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { FacilityField, PeriodFields } from "@/app/_components/report-fields";
import { StatCards } from "@/app/_components/stat-cards";
import { requireActor } from "@/lib/auth/actor";
import { complaintCounts } from "@/lib/complaints/list";
import { listScopedFacilities } from "@/lib/district/list-facilities";
import { listOpenEmergencies } from "@/lib/emergency/list";
import { stockAlertCounts } from "@/lib/stock/list-stock-alerts";
import { AGE_BANDS, districtDashboard, groupings, type DashboardRow } from "@/lib/reports/dashboard";
import { dashboardQuery, type DashboardParams } from "@/lib/reports/query";
import { OperationsTable } from "./operations-table";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

/** A bar as wide as `value` is of `max`, for figures people would rather compare than read. */
function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <span className="block h-2 w-full rounded bg-slate-100" role="img" aria-label={label}>
      <span className="block h-2 rounded bg-brand-600" style={{ width: `${percent}%` }} />
    </span>
  );
}

/**
 * The district health office's dashboard: what was seen where, by whom, how long people waited,
 * and what went wrong on the way, over a period; every figure from PostgreSQL (lib/reports).
 */
export default async function DistrictDashboardPage({ searchParams }: { searchParams: Promise<DashboardParams> }) {
  const actor = await requireActor(["admin"]);
  const params = await searchParams;
  const query = dashboardQuery(params);
  const [rows, facilities, stockNow, complaintsNow, emergenciesNow] = await Promise.all([
    districtDashboard(actor, query),
    listScopedFacilities(actor),
    stockAlertCounts(actor),
    complaintCounts(actor),
    listOpenEmergencies(actor),
  ]);
  const t = await getTranslations("dashboard");
  const ts = await getTranslations("stock");
  const tc = await getTranslations("complaints");
  const th = await getTranslations("home");
  const format = await getFormatter();
  const total = rows.at(-1)!;
  const body = rows.slice(0, -1);
  const max = Math.max(0, ...body.map((r) => r.consultations));
  const exportQuery = new URLSearchParams({ from: query.fromText, to: query.toText, group: query.groupBy, ...(query.facilityId && { facility: query.facilityId }) });
  const minutes = (value: number | null) => (value === null ? "—" : format.number(value, { maximumFractionDigits: 0 }));
  const name = (r: DashboardRow) => (r.key === null ? t("total") : (r.name ?? t("unnamed")));
  const headline = [
    { label: t("consultations"), value: String(total.consultations) },
    { label: t("waitMedian"), value: t("minutes", { value: minutes(total.waitMedian) }) },
    { label: t("waitP90"), value: t("minutes", { value: minutes(total.waitP90) }) },
    { label: t("noShows"), value: String(total.noShows) },
    { label: t("audioOnly"), value: String(total.audioOnly) },
    { label: t("dropped"), value: String(total.dropped) },
    { label: t("referrals"), value: String(total.referrals) },
  ];
  const bandMax = Math.max(0, ...AGE_BANDS.map((band) => total.ageBands[band]));
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <nav className="flex flex-wrap gap-3 text-sm">
          <Link href="/emergencies" className="text-brand-700 underline">
            {t("emergencies")}
          </Link>
          <Link href="/facilities" className="text-brand-700 underline">
            {t("facilities")}
          </Link>
          <Link href="/stock" className="text-brand-700 underline">
            {ts("alertsTitle")}
          </Link>
          <Link href="/complaints" className="text-brand-700 underline">
            {tc("officeLink")}
          </Link>
          <Link href="/dhis2" className="text-brand-700 underline">
            {th("dhis2")}
          </Link>
        </nav>
      </div>
      <section aria-labelledby="now-heading" className="space-y-2">
        <h2 id="now-heading" className="font-semibold">
          {t("now")}
        </h2>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="district-now">
          {[
            { href: "/stock", label: t("nowStockOut"), value: stockNow.out, alarm: stockNow.out > 0 },
            { href: "/stock", label: t("nowStockLow"), value: stockNow.low, alarm: false },
            { href: "/complaints?view=overdue", label: t("nowComplaints", { overdue: complaintsNow.overdue }), value: complaintsNow.open, alarm: complaintsNow.overdue > 0 },
            { href: "/emergencies", label: t("nowEmergencies"), value: emergenciesNow.length, alarm: emergenciesNow.length > 0 },
          ].map((card) => (
            <li key={card.label}>
              <Link href={card.href} className={`card block min-h-11 ${card.alarm ? "border-s-4 border-s-red-600" : ""}`}>
                <span className="block text-2xl font-bold tabular-nums">{format.number(card.value)}</span>
                <span className="block text-sm text-slate-700">{card.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <form method="get" className="card flex flex-wrap items-end gap-3">
        <PeriodFields fromLabel={t("from")} toLabel={t("to")} from={query.fromText} to={query.toText} />
        <div>
          <label className="block text-sm font-medium text-slate-700" htmlFor="dashboard-group">
            {t("rows")}
          </label>
          <select id="dashboard-group" name="group" className="field-input" defaultValue={query.groupBy}>
            {groupings.map((g) => (
              <option key={g} value={g}>
                {t(`group_${g}`)}
              </option>
            ))}
          </select>
        </div>
        <FacilityField label={t("facility")} allLabel={t("allFacilities")} facilities={facilities} value={query.facilityId} />
        <button type="submit" className="btn-primary">
          {t("show")}
        </button>
        <a href={`/api/district/dashboard?${exportQuery}`} className="btn-secondary" download>
          {t("csv")}
        </a>
      </form>

      <StatCards cards={headline} columns="sm:grid-cols-4 lg:grid-cols-7" testId="dashboard-headline" />

      <section className="card space-y-2" aria-labelledby="age-bands">
        <h2 id="age-bands" className="font-semibold">
          {t("byAge")}
        </h2>
        <ul className="space-y-1">
          {AGE_BANDS.map((band) => (
            <li key={band} className="grid grid-cols-[7rem_1fr_3rem] items-center gap-2 text-sm">
              <span>{t(`age_${band}`)}</span>
              <Bar value={total.ageBands[band]} max={bandMax} label={`${t(`age_${band}`)}: ${total.ageBands[band]}`} />
              <span className="text-end">{total.ageBands[band]}</span>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-600">{t("sexLine", { female: total.female, male: total.male, other: total.otherSex })}</p>
      </section>

      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="dashboard-table">
          <thead>
            <tr className="border-b text-slate-600">
              <th className="p-2 text-start">{t(`group_${query.groupBy}`)}</th>
              <th className="min-w-32 p-2 text-start">{t("consultations")}</th>
              <th className="p-2 text-end">{t("femaleMale")}</th>
              <th className="p-2 text-end">{t("routes")}</th>
              <th className="p-2 text-end">{t("wait")}</th>
              <th className="p-2 text-end">{t("noShows")}</th>
              <th className="p-2 text-end">{t("audioOnly")}</th>
              <th className="p-2 text-end">{t("dropped")}</th>
              <th className="p-2 text-end">{t("referrals")}</th>
            </tr>
          </thead>
          <tbody>
            {[...body, total].map((r) => (
              <tr key={r.key ?? "total"} className={`border-b ${r.key === null ? "font-semibold" : ""}`}>
                <td className="p-2">{name(r)}</td>
                <td className="p-2">
                  <span className="block">{r.consultations}</span>
                  {r.key !== null && <Bar value={r.consultations} max={max} label={`${name(r)}: ${r.consultations}`} />}
                </td>
                <td className="whitespace-nowrap p-2 text-end">
                  {r.female} / {r.male}
                </td>
                <td className="whitespace-nowrap p-2 text-end">{t("routeLine", { booked: r.booked, walkIn: r.walkIn, seeNow: r.seeNow })}</td>
                <td className="whitespace-nowrap p-2 text-end">
                  {minutes(r.waitMedian)}
                  <span className="block text-xs font-normal text-slate-500">{t("p90", { value: minutes(r.waitP90) })}</span>
                </td>
                <td className="p-2 text-end">{r.noShows}</td>
                <td className="p-2 text-end">{r.audioOnly}</td>
                <td className="p-2 text-end">{r.dropped}</td>
                <td className="p-2 text-end">{r.referrals}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-600">{t("notes")}</p>

      {/* Streamed after the rest: over a province and a long period, attendance takes seconds. */}
      <Suspense fallback={<p role="status" className="text-sm text-slate-600">{t("operationsLoading")}</p>}>
        <OperationsTable actor={actor} query={query} csvHref={`/api/district/operations?${exportQuery}`} />
      </Suspense>
    </div>
  );
}
