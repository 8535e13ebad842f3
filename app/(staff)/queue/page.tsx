import { clinicianRoles } from "@/lib/auth/roles";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { listClinicianAppointments } from "@/lib/booking/clinician-appointments";
import { listSpecialties } from "@/lib/booking/clinicians";
import { listRoutingTargets } from "@/lib/queue/hosting";
import { getClinicianStatus } from "@/lib/queue/clinician-status";
import { listActiveConsultations, listWaitingPatients } from "@/lib/queue/waiting-room";
import { AdmitNextButton } from "./admit-controls";
import { Invitations } from "./invitations";
import { LiveUpdates } from "./live-updates";
import { OnCallPool } from "./on-call-pool";
import { StatusControl } from "./status-control";
import { transferChoicesFor } from "@/app/_components/transfer-choices";
import { WaitingTable } from "./waiting-table";
import { CallLink } from "@/app/_components/enter-call";

export async function generateMetadata() {
  return { title: (await getTranslations("queue"))("title") };
}

/** Where the call page sends the clinician back to, with what happened to the patient. */
const notices = ["no_answer", "no_answer_removed", "returned", "transferred"] as const;
type Notice = (typeof notices)[number];
const isNotice = (value: string | undefined): value is Notice => notices.includes(value as Notice);

export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<{ booked?: string; rescheduled?: string; notice?: string }>;
}) {
  const actor = await requireActor(clinicianRoles);
  const t = await getTranslations("queue");
  const tb = await getTranslations("staffBooking");
  const params = await searchParams;
  const format = await getFormatter();
  const locale = await getLocale();
  const [waiting, active, upcoming, status, targets, specialties] = await Promise.all([
    listWaitingPatients(actor),
    listActiveConsultations(actor),
    listClinicianAppointments(actor),
    getClinicianStatus(actor.id),
    listRoutingTargets(),
    listSpecialties(),
  ]);
  const vitals = new Map(waiting.flatMap((w) => (w.vitals ? [[w.consultationId, w.vitals] as const] : [])));
  const specialtyNames = new Map(specialties.map((s) => [s.code, locale === "ur" ? s.nameUr : s.nameEn]));
  const now = new Date();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <LiveUpdates />
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <Link href="/patients" className="btn-secondary">
            {t("findPatient")}
          </Link>
          <Link href="/availability" className="btn-secondary">
            {t("myAvailability")}
          </Link>
          <Link href="/profile" className="btn-secondary">
            {t("myProfile")}
          </Link>
        </div>
      </div>

      {(params.booked || params.rescheduled) && (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">
          {tb(params.booked ? "booked" : "moved")}
        </p>
      )}
      {isNotice(params.notice) && (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">
          {t(`notice_${params.notice}`)}
        </p>
      )}

      <Invitations actor={actor} />

      <section className="card">
        <StatusControl status={status} />
      </section>

      <OnCallPool actor={actor} />

      {active.length > 0 && (
        <section className="card space-y-2">
          <h2 className="font-semibold">{t("inCall")}</h2>
          <ul className="space-y-1">
            {active.map((c) => (
              <li key={c.consultationId}>
                <CallLink consultationId={c.consultationId} className="text-brand-700 underline">
                  {t("rejoin", { name: c.patientName })}
                </CallLink>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card space-y-3" aria-labelledby="waiting-heading">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h2 id="waiting-heading" className="text-lg font-semibold">
            {t("waitingHeading", { count: waiting.length })}
          </h2>
          <AdmitNextButton disabled={waiting.length === 0} />
        </div>
        <WaitingTable
          entries={waiting}
          vitals={vitals}
          specialtyNames={specialtyNames}
          transferChoices={(entry) => transferChoicesFor(targets, entry, actor.id, locale, t)}
        />
      </section>

      <section className="card space-y-2">
        <h2 className="font-semibold">{t("upcoming")}</h2>
        {upcoming.length === 0 && <p className="text-slate-600">{t("noUpcoming")}</p>}
        <ul className="divide-y">
          {upcoming.map((a) => (
            <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2" data-status={a.status}>
              <span className={a.status === "cancelled" ? "text-slate-500 line-through" : "font-medium"}>{a.patientName}</span>
              <span className="text-sm">{format.dateTime(a.startsAt, { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" })}</span>
              <span className="text-sm text-slate-600">
                {t(`appointment_${a.status}`)}
                {a.rescheduledFromId ? ` · ${t("rescheduled")}` : ""}
              </span>
              {a.status === "booked" && a.startsAt > now && (
                <Link href={`/appointments/${a.id}/move`} className="text-sm text-brand-700 underline" aria-label={`${tb("move")}: ${a.patientName}`}>
                  {tb("move")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
