import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClinicTime } from "@/app/_components/clinic-time";
import { MrIdCard } from "@/app/_components/mr-id-card";
import { patientMayChange } from "@/lib/booking/policy";
import { listAccountAppointments } from "@/lib/booking/list-appointments";
import { checkInWindow } from "@/lib/queue/rules";
import { requirePatientProfile } from "../patient-profile";
import { CancelForm } from "./cancel-form";
import { CheckInButton } from "./check-in-button";

export async function generateMetadata() {
  return { title: (await getTranslations("appointments"))("title") };
}

type Notices = { booked?: string; cancelled?: string; rescheduled?: string };

export default async function AppointmentsPage({ searchParams }: { searchParams: Promise<Notices> }) {
  const { actor, self, patients } = await requirePatientProfile();
  const t = await getTranslations("appointments");
  const tc = await getTranslations("complaints");
  const appointments = await listAccountAppointments(actor);
  const notices = await searchParams;
  const notice = notices.booked ? "bookedNotice" : notices.rescheduled ? "rescheduledNotice" : notices.cancelled ? "cancelledNotice" : null;
  const now = new Date();

  return (
    <div className="mx-auto max-w-md space-y-5">
      <MrIdCard name={self.fullName} mrId={self.mrId} />
      {notice && (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">
          {t(notice)}
        </p>
      )}
      <nav className="grid grid-cols-2 gap-3">
        <Link href="/now" className="btn-primary col-span-2 min-h-14 text-lg">
          {t("seeDoctorNow")}
        </Link>
        <Link href="/book" className="btn-primary">
          {t("bookDoctor")}
        </Link>
        <Link href="/records" className="btn-secondary">
          {t("myRecords")}
        </Link>
        <Link href="/family" className="btn-secondary">
          {t("myFamily")}
        </Link>
        <Link href="/1129" className="btn-secondary">
          {tc("publicLink")}
        </Link>
      </nav>
      <section className="space-y-3">
        <h1 className="text-xl font-bold">{t("title")}</h1>
        {appointments.length === 0 && <p className="text-slate-600">{t("none")}</p>}
        <ul className="space-y-3">
          {appointments.map((a) => {
            const window = checkInWindow(a.startsAt, a.endsAt, now);
            return (
              <li key={a.id} className="card space-y-2">
                <p className="font-semibold">{a.clinicianName}</p>
                {patients.length > 1 && <p className="font-medium text-brand-900">{t("forPatient", { name: a.patientName })}</p>}
                <p>
                  <ClinicTime value={a.startsAt} />
                </p>
                <p className="text-sm text-slate-600">{t(`status_${a.status}`)}</p>
                {a.consultationId ? (
                  <Link href={`/waiting/${a.consultationId}`} className="btn-primary w-full">
                    {t("openWaitingRoom")}
                  </Link>
                ) : window === "open" ? (
                  <CheckInButton appointmentId={a.id} />
                ) : window === "too_early" ? (
                  <p className="text-sm text-slate-600">{t("checkInOpensLater")}</p>
                ) : null}
                {a.status === "booked" && patientMayChange(a.startsAt, now, a.changeCutoffMinutes) && (
                  <div className="space-y-2 border-t border-slate-100 pt-2">
                    <Link href={`/book/${a.clinicianId}?reschedule=${a.id}`} className="btn-secondary w-full">
                      {t("reschedule")}
                    </Link>
                    <CancelForm appointmentId={a.id} />
                    <p className="text-xs text-slate-500">{t("changeCutoff", { hours: a.changeCutoffMinutes / 60 })}</p>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
