import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { homeFor } from "@/app/_components/home-for";
import { requireActor } from "@/lib/auth/actor";

/** Sends each role to where their work starts; the admin's start is this page. */
export default async function HomePage() {
  const actor = await requireActor();
  if (actor.role !== "admin") redirect(homeFor(actor.role));
  const t = await getTranslations("home");
  const th = await getTranslations("host");
  const tr = await getTranslations("records");
  const ts = await getTranslations("stock");
  const tc = await getTranslations("complaints");
  return (
    <div className="mx-auto max-w-md space-y-3">
      <h1 className="text-2xl font-bold">{t("welcome", { name: actor.name })}</h1>
      <nav className="flex flex-wrap gap-3">
        <Link href="/district" className="btn-primary">
          {t("dashboard")}
        </Link>
        <Link href="/host" className="btn-primary">
          {th("homeLink")}
        </Link>
        <Link href="/patients" className="btn-primary">
          {t("findPatient")}
        </Link>
        <Link href="/on-call" className="btn-secondary">
          {t("onCallRota")}
        </Link>
        <Link href="/facilities" className="btn-secondary">
          {t("facilities")}
        </Link>
        <Link href="/emergencies" className="btn-secondary">
          {t("emergencies")}
        </Link>
        <Link href="/complaints" className="btn-secondary">
          {tc("officeLink")}
        </Link>
        <Link href="/stock" className="btn-secondary">
          {ts("alertsTitle")}
        </Link>
        <Link href="/dhis2" className="btn-secondary">
          {t("dhis2")}
        </Link>
        <Link href="/staff-registry" className="btn-secondary">
          {t("staffRegistry")}
        </Link>
        <Link href="/staff-attendance" className="btn-secondary">
          {t("staffAttendance")}
        </Link>
        <Link href="/record-admin" className="btn-secondary">
          {tr("adminLink")}
        </Link>
      </nav>
    </div>
  );
}
