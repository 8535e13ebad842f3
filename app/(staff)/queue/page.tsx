import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/app/_components/auto-refresh";
import { requireActor } from "@/lib/auth/actor";
import { formatMrId } from "@/lib/mrid/mrid";
import { listClinicianAppointments } from "@/lib/booking/clinician-appointments";
import { listActiveConsultations, listWaitingPatients } from "@/lib/queue/waiting-room";
import { ActionButton } from "@/app/_components/action-button";
import { admitNextAction } from "./actions";
import { OnCallPool } from "./on-call-pool";

export async function generateMetadata() {
  return { title: (await getTranslations("queue"))("title") };
}

export default async function QueuePage({ searchParams }: { searchParams: Promise<{ booked?: string; rescheduled?: string }> }) {
  const actor = await requireActor(["doctor", "specialist"]);
  const t = await getTranslations("queue");
  const tb = await getTranslations("staffBooking");
  const notices = await searchParams;
  const format = await getFormatter();
  const [waiting, active, upcoming] = await Promise.all([
    listWaitingPatients(actor),
    listActiveConsultations(actor),
    listClinicianAppointments(actor),
  ]);
  const now = new Date();

  return (
    <div className="space-y-6">
      <AutoRefresh />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
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
          <ActionButton action={admitNextAction} label={t("admitNext")} disabled={waiting.length === 0} />
        </div>
      </div>

      {(notices.booked || notices.rescheduled) && (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">
          {tb(notices.booked ? "booked" : "moved")}
        </p>
      )}
      <OnCallPool actor={actor} />

      {active.length > 0 && (
        <section className="card space-y-2">
          <h2 className="font-semibold">{t("inCall")}</h2>
          <ul className="space-y-1">
            {active.map((c) => (
              <li key={c.consultationId}>
                <Link href={`/consult/${c.consultationId}`} className="text-brand-700 underline">
                  {t("rejoin", { name: c.patientName })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card overflow-x-auto">
        <table className="w-full text-start">
          <caption className="sr-only">{t("waitingCaption")}</caption>
          <thead>
            <tr className="border-b text-sm text-slate-600">
              <th className="p-2 text-start">#</th>
              <th className="p-2 text-start">{t("patient")}</th>
              <th className="p-2 text-start">{t("mrId")}</th>
              <th className="p-2 text-start">{t("waitingSince")}</th>
            </tr>
          </thead>
          <tbody>
            {waiting.length === 0 && (
              <tr>
                <td colSpan={4} className="p-4 text-center text-slate-600">
                  {t("empty")}
                </td>
              </tr>
            )}
            {waiting.map((w, index) => (
              <tr key={w.consultationId} className="border-b last:border-0">
                <td className="p-2">{index + 1}</td>
                <td className="p-2 font-medium">{w.patientName}</td>
                <td className="ltr-nums p-2">{formatMrId(w.mrId)}</td>
                <td className="p-2">{format.relativeTime(w.checkedInAt, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
