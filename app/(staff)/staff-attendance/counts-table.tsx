import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AttendanceCounts } from "@/lib/attendance/summary";

export type CountsRow = AttendanceCounts & { key: string; label: string; href?: string };

/** Attendance counts, one line per facility, cadre or member of staff, with the rate as a bar. */
export async function CountsTable({ caption, head, rows, testId }: { caption: string; head: string; rows: CountsRow[]; testId: string }) {
  const t = await getTranslations("attendance");
  const format = await getFormatter();
  const columns = ["present", "late", "absent", "onLeave", "pending", "noRoster"] as const;
  return (
    <div className="card overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="mb-2 text-start font-semibold">{caption}</caption>
        <thead>
          <tr className="text-start text-slate-600">
            <th className="p-1 text-start">{head}</th>
            <th className="p-1 text-start">{t("rate")}</th>
            {columns.map((c) => (
              <th key={c} className="p-1 text-end">
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-slate-100">
              <td className="p-1">{r.href ? <Link href={r.href} className="text-brand-700 underline">{r.label}</Link> : r.label}</td>
              <td className="min-w-24 p-1">
                <span className="tabular-nums">{r.rate === null ? t("noRate") : format.number(r.rate, { style: "percent" })}</span>
                <span className="block h-2 w-full rounded bg-slate-100" aria-hidden>
                  <span className="block h-2 rounded bg-brand-600" style={{ width: `${Math.round((r.rate ?? 0) * 100)}%` }} />
                </span>
              </td>
              {columns.map((c) => (
                <td key={c} className="p-1 text-end tabular-nums">
                  {format.number(r[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
