import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusForm } from "./status-form";

export async function generateMetadata() {
  return { title: (await getTranslations("complaints"))("statusTitle") };
}

/** Where a complaint stands, for its complainant: tracking number and phone, no account needed. */
export default async function ComplaintStatusPage() {
  const t = await getTranslations("complaints");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("statusTitle")}</h1>
      <p className="text-slate-700">{t("statusIntro")}</p>
      <StatusForm />
      <p>
        <Link href="/1129" className="text-brand-700 underline">
          {t("fileAnother")}
        </Link>
      </p>
    </div>
  );
}
