import { clinicianRoles } from "@/lib/auth/roles";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { getAvailability } from "@/lib/booking/schedule";
import { getDefaultSlotMinutes, listFacilities } from "@/lib/booking/clinicians";
import { CLINIC_TIME_ZONE, formatClockTime } from "@/lib/booking/slots";
import { AddSessionForm, ExceptionForm, RemoveButton } from "./availability-forms";

export async function generateMetadata() {
  return { title: (await getTranslations("availability"))("title") };
}

// Clinics in Pakistan plan the week from Monday; Sunday is shown last.
const WEEK = [1, 2, 3, 4, 5, 6, 0];
// 2025-01-05 was a Sunday: adding a weekday number gives a date that the formatter names.
const dayNamed = (weekday: number) => new Date(Date.UTC(2025, 0, 5 + weekday, 12));

/** A doctor's or specialist's own weekly sessions, leave and extra clinics. */
export default async function AvailabilityPage() {
  const actor = await requireActor(clinicianRoles);
  const [t, tp, format, { rules, exceptions }, defaultSlotMinutes, facilities] = await Promise.all([
    getTranslations("availability"),
    getTranslations("profile"),
    getFormatter(),
    getAvailability(actor, actor.id),
    getDefaultSlotMinutes(actor, actor.id),
    listFacilities(),
  ]);
  const facilityOptions = facilities.map((f) => ({ value: f.id, label: tp("facilityOption", { name: f.name, kind: tp(`facility_${f.kind}`) }) }));
  const facilityName = new Map(facilities.map((f) => [f.id, f.name]));
  const when = (date: Date) =>
    format.dateTime(date, { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit", timeZone: CLINIC_TIME_ZONE });

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/queue" className="btn-secondary">
          {t("backToQueue")}
        </Link>
      </div>
      <p className="text-slate-700">{t("intro")}</p>

      <section className="space-y-3" aria-labelledby="weekly-heading">
        <h2 id="weekly-heading" className="text-xl font-semibold">
          {t("weekly")}
        </h2>
        {WEEK.map((weekday) => {
          const dayName = format.dateTime(dayNamed(weekday), { weekday: "long", timeZone: "UTC" });
          const sessions = rules.filter((rule) => rule.weekday === weekday);
          return (
            <section key={weekday} className="card space-y-3" aria-label={dayName}>
              <h3 className="font-semibold">{dayName}</h3>
              {sessions.length === 0 && <p className="text-sm text-slate-600">{t("noSessions")}</p>}
              <ul className="divide-y">
                {sessions.map((rule) => {
                  const session = t("session", {
                    start: formatClockTime(rule.startMinute),
                    end: formatClockTime(rule.endMinute),
                    minutes: rule.slotMinutes,
                  });
                  return (
                    <li key={rule.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                      <span>
                        <span className="ltr-nums block">{session}</span>
                        {rule.facilityId && <span className="block text-sm text-slate-600">{facilityName.get(rule.facilityId)}</span>}
                      </span>
                      <RemoveButton kind="session" id={rule.id} label={t("removeSession", { session, day: dayName })} />
                    </li>
                  );
                })}
              </ul>
              <AddSessionForm weekday={weekday} dayName={dayName} defaultSlotMinutes={defaultSlotMinutes} facilities={facilityOptions} />
            </section>
          );
        })}
      </section>

      <section className="card space-y-4" aria-labelledby="exceptions-heading">
        <h2 id="exceptions-heading" className="text-xl font-semibold">
          {t("exceptions")}
        </h2>
        {exceptions.length === 0 && <p className="text-sm text-slate-600">{t("noExceptions")}</p>}
        <ul className="divide-y">
          {exceptions.map((exception) => {
            const summary = t("exceptionSummary", {
              kind: t(`kind_${exception.kind}`),
              from: when(exception.startsAt),
              to: when(exception.endsAt),
            });
            return (
              <li key={exception.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <span>
                  <span className="block font-medium">{summary}</span>
                  <span className="block text-sm text-slate-600">
                    {[exception.slotMinutes ? t("slotsOf", { minutes: exception.slotMinutes }) : null, exception.note]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </span>
                <RemoveButton kind="exception" id={exception.id} label={t("removeException", { summary })} />
              </li>
            );
          })}
        </ul>
        <h3 className="font-semibold">{t("addExceptionTitle")}</h3>
        <ExceptionForm defaultSlotMinutes={defaultSlotMinutes} />
      </section>
    </div>
  );
}
