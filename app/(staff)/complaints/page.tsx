import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/app/_components/auto-refresh";
import { requireActor } from "@/lib/auth/actor";
import { complaintCounts, complaintViews, listComplaints, type ComplaintView } from "@/lib/complaints/list";
import { formatTrackingNumber } from "@/lib/complaints/tracking-number";
import { isolate } from "@/app/_components/isolate";

export async function generateMetadata() {
  return { title: (await getTranslations("complaints"))("officeTitle") };
}


/** The district office's complaints: open (overdue first), overdue, given to me, resolved. */
export default async function ComplaintsOfficePage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const actor = await requireActor(["admin"]);
  const requested = (await searchParams).view;
  const view: ComplaintView = (complaintViews as readonly string[]).includes(requested ?? "") ? (requested as ComplaintView) : "open";
  const [rows, counts, t, format] = await Promise.all([listComplaints(actor, view), complaintCounts(actor), getTranslations("complaints"), getFormatter()]);
  const when = (at: Date) => isolate(format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }));
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("officeTitle")}</h1>
        <AutoRefresh everyMs={30_000} />
      </div>
      <p className="text-slate-600">{t("officeIntro")}</p>
      <p className="font-medium" data-testid="complaint-counts">
        {t("counts", counts)}
      </p>
      <nav className="flex flex-wrap gap-2" aria-label={t("officeTitle")}>
        {complaintViews.map((name) => (
          <Link key={name} href={`/complaints?view=${name}`} aria-current={name === view ? "page" : undefined} className={name === view ? "btn-primary min-h-11" : "btn-secondary min-h-11"}>
            {t(`view_${name}`)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="card text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-2" data-testid="complaints">
          {rows.map((row) => (
            <li key={row.id} className={`card flex flex-wrap items-center justify-between gap-2 border-s-4 ${row.overdue ? "border-s-red-600" : row.status === "resolved" ? "border-s-slate-300" : "border-s-brand-600"}`}>
              <span className="min-w-0">
                <span className="block font-semibold">
                  <bdi dir="ltr" className="ltr-nums">
                    {formatTrackingNumber(row.trackingNumber)}
                  </bdi>{" "}
                  · {t(`category_${row.category}`)}
                </span>
                <span className="block text-sm text-slate-700">
                  {row.facilityName} · {row.districtName} · {t(`status_${row.status}`)} · {row.officerName ?? t("unassigned")}
                  {row.escalationLevel > 0 && <span className="ms-2 rounded bg-amber-100 px-1 text-amber-900">{t("level", { level: row.escalationLevel })}</span>}
                </span>
                <span className={`block text-sm ${row.overdue ? "font-medium text-red-800" : "text-slate-600"}`}>
                  {row.resolvedAt ? t("resolvedAt", { time: when(row.resolvedAt) }) : row.overdue ? t("overdue", { time: when(row.dueAt) }) : t("due", { time: when(row.dueAt) })}
                </span>
              </span>
              <Link href={`/complaints/${row.id}`} className="btn-secondary min-h-11">
                {t("open")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
