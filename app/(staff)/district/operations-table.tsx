import { getFormatter, getTranslations } from "next-intl/server";
import { StatCards } from "@/app/_components/stat-cards";
import type { Actor } from "@/lib/auth/roles";
import { districtOperations, type OperationsQuery, type OperationsRow } from "@/lib/reports/operations";

/**
 * How the facilities ran over the period (lib/reports/operations.ts): attendance, stock-outs,
 * complaints and emergency response, per row and in total. Read here, so that the page can
 * stream it after the rest. On clinician rows only attendance has a meaning; the facility
 * columns are left out.
 */
export async function OperationsTable({ actor, query, csvHref }: { actor: Actor; query: OperationsQuery; csvHref: string }) {
  const rows = await districtOperations(actor, query);
  const groupBy = query.groupBy;
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const facilityColumns = groupBy !== "clinician";
  const total = rows.at(-1)!;
  const rate = (r: OperationsRow) => (r.attendance.rate === null ? "—" : format.number(r.attendance.rate, { style: "percent", maximumFractionDigits: 0 }));
  const minutes = (value: number | null) => (value === null ? "—" : format.number(value, { maximumFractionDigits: 0 }));
  const headline = [
    { label: t("attendanceRate"), value: rate(total), detail: t("attendanceDays", { attended: total.attendance.attended, counted: total.attendance.counted }) },
    ...(facilityColumns
      ? [
          { label: t("stockOuts"), value: format.number(total.stock!.outs), detail: t("stockOutDays", { days: format.number(total.stock!.outDays, { maximumFractionDigits: 1 }) }) },
          { label: t("complaintsFiled"), value: format.number(total.complaints!.filed), detail: t("complaintsOpenLine", { open: total.complaints!.open, overdue: total.complaints!.overdue }) },
          {
            label: t("emergencyResponse"),
            value: t("minutes", { value: minutes(total.emergencies!.calledMedian) }),
            detail: t("emergencyLine", { raised: total.emergencies!.raised, left: minutes(total.emergencies!.leftMedian) }),
          },
        ]
      : []),
  ];
  return (
    <section className="space-y-3" aria-labelledby="operations-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="operations-heading" className="font-semibold">
          {t("operations")}
        </h2>
        <a href={csvHref} className="btn-secondary" download>
          {t("csv")}
        </a>
      </div>
      <StatCards cards={headline} columns="lg:grid-cols-4" testId="operations-headline" />
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="operations-table">
          <thead>
            <tr className="border-b text-slate-600">
              <th className="p-2 text-start">{t(`group_${groupBy}`)}</th>
              <th className="p-2 text-end">{t("attendanceRate")}</th>
              {facilityColumns && (
                <>
                  <th className="p-2 text-end">{t("stockOutsColumn")}</th>
                  <th className="p-2 text-end">{t("complaintsColumn")}</th>
                  <th className="p-2 text-end">{t("emergenciesColumn")}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key ?? "total"} data-key={r.key ?? "total"} className={`border-b ${r.key === null ? "font-semibold" : ""}`}>
                <td className="p-2">{r.key === null ? t("total") : (r.name ?? t("unnamed"))}</td>
                <td className="whitespace-nowrap p-2 text-end">
                  {rate(r)}
                  <span className="block text-xs font-normal text-slate-500">{t("attendanceDays", { attended: r.attendance.attended, counted: r.attendance.counted })}</span>
                </td>
                {facilityColumns && (
                  <>
                    <td data-stock-outs={r.stock!.outs} className="whitespace-nowrap p-2 text-end">{t("stockOutsCell", { outs: r.stock!.outs, days: format.number(r.stock!.outDays, { maximumFractionDigits: 1 }) })}</td>
                    <td data-complaints-open={r.complaints!.open} className={`whitespace-nowrap p-2 text-end ${r.complaints!.overdue > 0 ? "text-red-700" : ""}`}>
                      {t("complaintsCell", { filed: r.complaints!.filed, open: r.complaints!.open, overdue: r.complaints!.overdue })}
                    </td>
                    <td className="whitespace-nowrap p-2 text-end">
                      {t("emergenciesCell", { raised: r.emergencies!.raised, called: minutes(r.emergencies!.calledMedian), left: minutes(r.emergencies!.leftMedian) })}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-600">{t("operationsNotes")}</p>
    </section>
  );
}
