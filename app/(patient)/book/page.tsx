import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listBookableClinicians } from "@/lib/booking/availability";
import { requirePatientProfile } from "../patient-profile";

export async function generateMetadata() {
  return { title: (await getTranslations("book"))("title") };
}

export default async function BookPage() {
  await requirePatientProfile();
  const t = await getTranslations("book");
  const clinicians = await listBookableClinicians();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ul className="space-y-3">
        {clinicians.map((c) => (
          <li key={c.id}>
            <Link href={`/book/${c.id}`} className="card flex min-h-16 items-center justify-between hover:border-brand-600">
              <span className="font-semibold">{c.name}</span>
              <span className="text-sm text-slate-600">{t(`role_${c.role}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
