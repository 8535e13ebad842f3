import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAccountRecords } from "@/lib/records/read-records";
import { requirePatientProfile } from "../patient-profile";

export async function generateMetadata() {
  return { title: (await getTranslations("records"))("title") };
}

export default async function RecordsPage() {
  const { actor } = await requirePatientProfile();
  const t = await getTranslations("records");
  const format = await getFormatter();
  const records = await listAccountRecords(actor);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {records.length === 0 && <p className="text-slate-600">{t("none")}</p>}
      <ul className="space-y-3">
        {records.map((r) => (
          <li key={r.consultationId}>
            <Link href={`/records/${r.consultationId}`} className="card block space-y-1 hover:border-brand-600">
              <span className="block font-semibold">{r.clinicianName}</span>
              <span className="block text-sm text-slate-600">{format.dateTime(r.date, { dateStyle: "long" })}</span>
              {r.assessment && <span className="block text-sm">{r.assessment}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
