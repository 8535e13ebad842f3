import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { formatMrId } from "@/lib/mrid/mrid";
import { lookUpPatients } from "@/lib/patients/find-patients";
import { formatCnic, formatPkMobileLocal } from "@/lib/identifiers/identifiers";
import { hostRoles } from "@/lib/queue/hosting";
import { FindPatientForm } from "./find-patient-form";
import { RegisterWalkInForm } from "./register-walk-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("host.find"))("title") };
}

/** The start of a walk-in's visit: find them by MR ID, CNIC or mobile number, or register them. */
export default async function NewWalkInPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requireActor(hostRoles);
  const t = await getTranslations("host.find");
  const th = await getTranslations("host");
  const format = await getFormatter();
  const query = ((await searchParams).q ?? "").trim();

  const { results, error } = await lookUpPatients(actor, query);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/host" className="text-brand-700 underline">
          {th("backToList")}
        </Link>
      </div>

      <section aria-labelledby="find-heading" className="card space-y-4">
        <h2 id="find-heading" className="text-lg font-semibold">
          {t("findHeading")}
        </h2>
        <FindPatientForm key={query} query={query} serverError={error} />
        {results && results.length === 0 && (
          <p role="status" className="text-slate-600">
            {t("none")}
          </p>
        )}
        {results && results.length > 0 && (
          <ul aria-label={t("results")} className="space-y-2">
            {results.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 p-3">
                <span className="min-w-0">
                  <span className="block font-semibold">{p.fullName}</span>
                  <span className="block text-sm text-slate-600">
                    <span className="ltr-nums">{formatMrId(p.mrId)}</span>
                  </span>
                  <span className="block text-sm text-slate-600">
                    {th(`sex_${p.sex}`)} · {th("born", { date: format.dateTime(new Date(`${p.dateOfBirth}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) })}
                  </span>
                  {(p.cnic || p.phone) && (
                    <span className="block text-sm text-slate-600">
                      <span className="ltr-nums">{[p.cnic && formatCnic(p.cnic), p.phone && formatPkMobileLocal(p.phone)].filter(Boolean).join(" · ")}</span>
                    </span>
                  )}
                </span>
                <Link href={`/host/new/${p.id}`} className="btn-primary grow sm:grow-0">
                  {t("startVisit")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="register-heading" className="card space-y-4">
        <h2 id="register-heading" className="text-lg font-semibold">
          {th("register.heading")}
        </h2>
        <p className="text-slate-600">{th("register.intro")}</p>
        <RegisterWalkInForm />
      </section>
    </div>
  );
}
