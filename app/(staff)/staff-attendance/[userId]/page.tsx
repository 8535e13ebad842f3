import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { attendanceOfStaff } from "@/lib/attendance/staff-days";
import { requireActor } from "@/lib/auth/actor";
import { dashboardQuery, type DashboardParams } from "@/lib/reports/query";
import { orNotFound } from "@/app/_components/or-not-found";
import { DaySummary } from "./day-summary";

export async function generateMetadata() {
  return { title: (await getTranslations("attendance"))("reportTitle") };
}

/** One member of staff's days over a period, each a link to its evidence. */
export default async function StaffDaysPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<DashboardParams> }) {
  const actor = await requireActor(["admin"]);
  const { userId } = await params;
  const query = dashboardQuery(await searchParams);
  const staff = await orNotFound(attendanceOfStaff(actor, userId, { fromDay: query.fromText, toDay: query.toText }));
  const t = await getTranslations("attendance");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("staffTitle", { name: staff.name })}</h1>
      <Link href={`/staff-attendance?from=${query.fromText}&to=${query.toText}`} className="text-brand-700 underline">
        {t("back")}
      </Link>
      <ul className="space-y-2" data-testid="staff-days">
        {staff.days.map((d) => (
          <li key={d.day} className="card">
            <Link href={`/staff-attendance/${userId}/${d.day}`} className="font-semibold text-brand-700 underline">
              <span dir="ltr">{d.day}</span> · {t(`status_${d.status}`)}
            </Link>
            <DaySummary day={d} />
          </li>
        ))}
      </ul>
    </div>
  );
}
