import { getTranslations } from "next-intl/server";
import { formatMrId } from "@/lib/mrid/mrid";
import { HOUSEHOLD_MAX } from "@/lib/patients/household";
import { requirePatientProfile } from "../patient-profile";
import { AddFamilyMemberForm } from "./add-family-member-form";

export async function generateMetadata() {
  return { title: (await getTranslations("family"))("title") };
}

export default async function FamilyPage() {
  const { patients } = await requirePatientProfile();
  const t = await getTranslations("family");
  const te = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-md space-y-5">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      <section className="space-y-3" aria-labelledby="members-title">
        <h2 id="members-title" className="text-lg font-semibold">
          {t("membersTitle")}
        </h2>
        <ul className="space-y-2">
          {patients.map((p) => (
            <li key={p.id} className="card flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
              <div className="min-w-0">
                <p className="font-semibold wrap-break-word">{p.fullName}</p>
                <p className="text-sm text-slate-600">{t(`relation_${p.relation ?? "other"}`)}</p>
              </div>
              <p className="text-end">
                <span className="block text-xs text-slate-600">{t("mrId")}</span>
                <span className="ltr-nums font-bold tracking-wider text-brand-900">{formatMrId(p.mrId)}</span>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section className="card space-y-4" aria-labelledby="add-title">
        <h2 id="add-title" className="text-lg font-semibold">
          {t("addTitle")}
        </h2>
        {patients.length < HOUSEHOLD_MAX ? <AddFamilyMemberForm /> : <p className="text-slate-600">{te("household_full")}</p>}
      </section>
    </div>
  );
}
