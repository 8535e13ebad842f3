import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { complaintCategories } from "@/lib/complaints/sla";
import { complaintChoices } from "@/lib/complaints/choices";
import { accountPhoneOf } from "@/lib/complaints/account-phone";
import { ComplaintForm } from "./complaint-form";

export async function generateMetadata() {
  return { title: (await getTranslations("complaints"))("title") };
}

/**
 * The public complaints line (1129): anyone files a complaint about a facility, signed in or
 * not, and gets a tracking number on screen and by SMS.
 */
export default async function ComplaintPage() {
  const actor = await currentActor();
  const [t, format, locale, choices, accountPhone] = await Promise.all([
    getTranslations("complaints"),
    getFormatter(),
    getLocale(),
    complaintChoices(actor),
    actor ? accountPhoneOf(actor) : Promise.resolve(null),
  ]);
  const ur = locale === "ur";
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <ComplaintForm
        accountPhone={accountPhone}
        categories={complaintCategories.map((category) => ({ value: category, label: t(`category_${category}`) }))}
        facilities={choices.facilities.map((f) => ({ value: f.id, label: `${f.name} — ${ur ? f.districtUr : f.districtEn}` }))}
        visits={choices.visits.map((v) => ({ value: v.id, label: `${format.dateTime(v.startedAt, { dateStyle: "medium" })} · ${v.patientName}` }))}
      />
      <p>
        <Link href="/1129/status" className="text-brand-700 underline">
          {t("checkStatus")}
        </Link>
      </p>
    </div>
  );
}
