import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { unavailableAtOwnFacility } from "@/lib/district/capability";
import { formatMrId } from "@/lib/mrid/mrid";
import { hostRoles, listHostedVisits, type HostedVisit } from "@/lib/queue/hosting";
import { HostedVisitsRefresh } from "./hosted-visits-refresh";
import { CallLink } from "@/app/_components/enter-call";
import { isolate } from "@/app/_components/isolate";

export async function generateMetadata() {
  return { title: (await getTranslations("host"))("title") };
}

const statusStyle: Record<HostedVisit["status"], string> = {
  waiting: "bg-amber-100 text-amber-900",
  in_call: "bg-brand-100 text-brand-900",
  completed: "bg-slate-100 text-slate-700",
  cancelled: "bg-slate-100 text-slate-700",
};

const triageStyle: Record<HostedVisit["triage"], string> = {
  emergency: "bg-red-700 text-white",
  urgent: "bg-amber-500 text-slate-950",
  routine: "border border-slate-300 text-slate-700",
};

// A time such as "5:44 PM" keeps its own order inside an Urdu sentence (left-to-right isolate).

/** Host mode's start: the walk-ins this staff member hosted today, live, and the way to the next one. */
export default async function HostPage({ searchParams }: { searchParams: Promise<{ booked?: string; rescheduled?: string }> }) {
  const actor = await requireActor(hostRoles);
  const t = await getTranslations("host");
  const tb = await getTranslations("staffBooking");
  const format = await getFormatter();
  const locale = await getLocale();
  const notices = await searchParams;
  const [visits, own] = await Promise.all([listHostedVisits(actor), unavailableAtOwnFacility(actor)]);
  const tc = await getTranslations("capability");
  const ta = await getTranslations("attendance");
  const ts = await getTranslations("stock");

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <HostedVisitsRefresh />
      </div>
      {(notices.booked || notices.rescheduled) && (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">
          {tb(notices.booked ? "booked" : "moved")}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <Link href="/host/new" className="btn-primary grow sm:grow-0">
          {t("newWalkIn")}
        </Link>
        <Link href="/patients" className="btn-secondary grow sm:grow-0">
          {t("bookLater")}
        </Link>
        <Link href="/emergencies" className="btn-secondary grow sm:grow-0">
          {t("emergencies")}
        </Link>
        {/* A full page load, not a client-side navigation: only the attendance page's document
            may read the location (Permissions-Policy is per document, as for the call page). */}
        <a href="/attendance" className="btn-secondary grow sm:grow-0">
          {ta("link")}
        </a>
        {own.facilityId && (
          <Link href={`/facilities/${own.facilityId}/equipment`} className="btn-secondary grow sm:grow-0">
            {tc("equipmentLink")}
          </Link>
        )}
        {own.facilityId && (
          <Link href={`/stock/${own.facilityId}`} className="btn-secondary grow sm:grow-0">
            {ts("link")}
          </Link>
        )}
      </div>
      <p className="text-slate-600">{t("intro")}</p>

      {visits.length === 0 ? (
        <p className="card text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-3">
          {visits.map((visit) => {
            const queue = visit.clinicianName
              ? t("withClinician", { name: visit.clinicianName })
              : visit.specialty
                ? t("inSpecialtyQueue", { specialty: locale === "ur" ? visit.specialty.nameUr : visit.specialty.nameEn })
                : null;
            return (
              <li key={visit.consultationId} className="card space-y-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-semibold">{visit.patientName}</p>
                    <p className="text-sm text-slate-600">
                      <span className="ltr-nums">{formatMrId(visit.mrId)}</span>
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2 text-sm font-semibold">
                    <span className={`rounded-full px-3 py-1 ${triageStyle[visit.triage]}`}>{t(`triage_${visit.triage}`)}</span>
                    <span className={`rounded-full px-3 py-1 ${statusStyle[visit.status]}`}>{t(`status_${visit.status}`)}</span>
                  </div>
                </div>
                <p className="text-sm text-slate-600">
                  {[t("arrived", { time: isolate(format.dateTime(visit.createdAt, { hour: "numeric", minute: "2-digit" })) }), queue].filter(Boolean).join(" · ")}
                </p>
                <div className="flex flex-wrap gap-2">
                  {visit.status === "in_call" && (
                    <CallLink consultationId={visit.consultationId} className="btn-primary grow" testId="join-call">
                      {t("joinCall")}
                    </CallLink>
                  )}
                  <Link href={`/host/visits/${visit.consultationId}`} className="btn-secondary grow sm:grow-0">
                    {t("openVisit")}
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
