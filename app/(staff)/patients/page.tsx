import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FormMessage } from "@/app/_components/field";
import { requireActor } from "@/lib/auth/actor";
import { staffRoles } from "@/lib/auth/roles";
import { formatMrId } from "@/lib/mrid/mrid";
import { lookUpPatients } from "@/lib/patients/find-patients";
import { formatCnic, formatPkMobileLocal } from "@/lib/identifiers/identifiers";

export async function generateMetadata() {
  return { title: (await getTranslations("lookup"))("title") };
}

/** Staff find a patient by MR ID, CNIC or mobile number. A GET form, so the query stays in the box. */
export default async function PatientLookupPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; booked?: string; rescheduled?: string }>;
}) {
  const actor = await requireActor(staffRoles);
  const t = await getTranslations("lookup");
  const format = await getFormatter();
  const params = await searchParams;
  const query = (params.q ?? "").trim();
  const tb = await getTranslations("staffBooking");
  const tr = await getTranslations("records");

  const { results, error } = await lookUpPatients(actor, query);

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {(params.booked || params.rescheduled) && (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">
          {tb(params.booked ? "booked" : "moved")}
        </p>
      )}
      <form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <label className="block min-w-0 flex-1">
          <span className="text-sm font-medium text-slate-700">{t("query")}</span>
          <input name="q" defaultValue={query} dir="ltr" className="field-input" aria-invalid={error ? true : undefined} />
        </label>
        <button type="submit" className="btn-primary">
          {t("search")}
        </button>
      </form>
      <FormMessage messageKey={error} />
      {results && results.length === 0 && <p className="text-slate-600">{t("none")}</p>}
      {results && results.length > 0 && (
        <ul className="space-y-2">
          {results.map((p) => (
            <li key={p.id} className="card grid gap-1 sm:grid-cols-2">
              <span className="font-semibold">{p.fullName}</span>
              <span className="ltr-nums">{formatMrId(p.mrId)}</span>
              <span className="text-sm text-slate-600">
                {t(`sex_${p.sex}`)} · {format.dateTime(new Date(`${p.dateOfBirth}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}
              </span>
              <span className="ltr-nums text-sm text-slate-600">
                {[p.cnic && formatCnic(p.cnic), p.phone && formatPkMobileLocal(p.phone)].filter(Boolean).join(" · ")}
              </span>
              <Link href={`/patients/${p.id}`} className="btn-secondary">
                {tr("openRecord")}
              </Link>
              <Link href={`/patients/${p.id}/book`} className="btn-secondary">
                {tb("book")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
