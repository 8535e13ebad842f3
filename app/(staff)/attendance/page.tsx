import { TZDate } from "@date-fns/tz";
import { startOfDay } from "date-fns";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { GEOFENCE_RADIUS_M } from "@/lib/staff/geofence";
import { listOwnChecks } from "@/lib/staff/check-attendance";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import { CheckButtons } from "./check-buttons";
import { isolate } from "@/app/_components/isolate";

export async function generateMetadata() {
  return { title: (await getTranslations("attendance"))("title") };
}


/** Facility staff check in and out on the facility's device; today's checks, with their distance. */
export default async function AttendancePage() {
  const actor = await requireActor(["rhu_staff", "doctor", "specialist"]);
  const t = await getTranslations("attendance");
  const format = await getFormatter();
  const dayStart = new Date(startOfDay(new TZDate(new Date(), CLINIC_TIME_ZONE)).getTime());
  const checks = await listOwnChecks(actor, dayStart);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro", { metres: GEOFENCE_RADIUS_M })}</p>
      <CheckButtons />
      <section className="space-y-2">
        <h2 className="font-semibold">{t("today")}</h2>
        {checks.length === 0 ? (
          <p className="text-slate-600">{t("none")}</p>
        ) : (
          <ul className="space-y-1" data-testid="todays-checks">
            {checks.map((c) => (
              <li key={c.id}>
                {t("line", {
                  kind: t(c.kind === "check_in" ? "checkIn" : "checkOut"),
                  time: isolate(format.dateTime(c.at, { timeStyle: "short" })),
                  metres: c.distanceM,
                  place: t(c.withinGeofence ? "inside" : "outside"),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
