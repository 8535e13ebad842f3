import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MrIdCard } from "@/app/_components/mr-id-card";
import { listAccountAppointments } from "@/lib/booking/list-appointments";
import { checkInWindow } from "@/lib/queue/rules";
import { requirePatientProfile } from "../patient-profile";
import { CheckInButton } from "./check-in-button";

export async function generateMetadata() {
  return { title: (await getTranslations("appointments"))("title") };
}

export default async function AppointmentsPage({ searchParams }: { searchParams: Promise<{ booked?: string }> }) {
  const { actor, self } = await requirePatientProfile();
  const t = await getTranslations("appointments");
  const format = await getFormatter();
  const appointments = await listAccountAppointments(actor);
  const { booked } = await searchParams;
  const now = new Date();

  return (
    <div className="mx-auto max-w-md space-y-5">
      <MrIdCard name={self.fullName} mrId={self.mrId} />
      {booked && (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">
          {t("bookedNotice")}
        </p>
      )}
      <nav className="grid grid-cols-2 gap-3">
        <Link href="/book" className="btn-primary">
          {t("bookDoctor")}
        </Link>
        <Link href="/records" className="btn-secondary">
          {t("myRecords")}
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
                <p>{format.dateTime(a.startsAt, { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit" })}</p>
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
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
