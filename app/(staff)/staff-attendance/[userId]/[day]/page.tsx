import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { attendanceEvidence } from "@/lib/attendance/day-evidence";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/app/_components/or-not-found";
import { DaySummary } from "../day-summary";
import { isolate } from "@/app/_components/isolate";

export async function generateMetadata() {
  return { title: (await getTranslations("attendance"))("reportTitle") };
}


/** The evidence of one member of staff's day: how it was judged, and every record it was judged on. */
export default async function AttendanceEvidencePage({ params }: { params: Promise<{ userId: string; day: string }> }) {
  const actor = await requireActor(["admin"]);
  const { userId, day } = await params;
  const evidence = await orNotFound(attendanceEvidence(actor, userId, day));
  const t = await getTranslations("attendance");
  const format = await getFormatter();
  const time = (at: Date) => isolate(format.dateTime(at, { timeStyle: "short" }));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("dayTitle", { name: evidence.staff.name, day: isolate(day) })}</h1>
      <Link href={`/staff-attendance/${userId}?from=${day}&to=${day}`} className="text-brand-700 underline">
        {t("back")}
      </Link>
      <section className="card space-y-1" data-testid="attendance-day">
        <p className="text-lg font-semibold">{t(`status_${evidence.day.status}`)}</p>
        <DaySummary day={evidence.day} />
      </section>
      <section className="card space-y-1">
        <h2 className="font-semibold">{t("checks")}</h2>
        {evidence.checks.length === 0 ? (
          <p className="text-slate-600">{t("noChecks")}</p>
        ) : (
          <ul data-testid="attendance-day-checks">
            {evidence.checks.map((c) => (
              <li key={c.id}>
                {t("checkLine", {
                  kind: t(c.kind === "check_in" ? "checkIn" : "checkOut"),
                  time: time(c.at),
                  metres: c.distanceM,
                  accuracy: c.accuracyM,
                  place: t(c.withinGeofence ? "inside" : "outside"),
                  facility: c.facilityName,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card space-y-1">
        <h2 className="font-semibold">{t("statuses")}</h2>
        {evidence.statuses.length === 0 ? (
          <p className="text-slate-600">{t("noChecks")}</p>
        ) : (
          <ul>
            {evidence.statuses.map((s) => (
              <li key={s.at.toISOString()}>{t("statusLine", { status: t(`clinician_${s.status}`), time: time(s.at) })}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="card space-y-1">
        <h2 className="font-semibold">{t("consultations")}</h2>
        {evidence.consultations.length === 0 ? (
          <p className="text-slate-600">{t("noChecks")}</p>
        ) : (
          <ul>
            {evidence.consultations.map((c, i) => (
              <li key={i}>{t("consultationLine", { role: t(`role_${c.role}`), time: time(c.at), facility: c.facilityName ?? "—" })}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
