import { clinicianRoles } from "@/lib/auth/roles";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { getClinicianProfile, listFacilities, listSpecialties } from "@/lib/booking/clinicians";
import { CONSULT_LANGUAGES } from "@/lib/booking/find-care";
import { ProfileForm } from "./profile-form";

export async function generateMetadata() {
  return { title: (await getTranslations("profile"))("title") };
}

/** A doctor's or specialist's own profile: what patients choose them by. */
export default async function ProfilePage() {
  const actor = await requireActor(clinicianRoles);
  const [t, tb, locale, profile, specialties, facilities] = await Promise.all([
    getTranslations("profile"),
    getTranslations("book"),
    getLocale(),
    getClinicianProfile(actor, actor.id),
    listSpecialties(),
    listFacilities(),
  ]);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/queue" className="btn-secondary">
          {t("backToQueue")}
        </Link>
      </div>
      <p className="text-slate-700">{t("intro")}</p>
      <ProfileForm
        defaults={{
          sex: profile?.sex,
          specialtyCode: profile?.specialtyCode,
          languages: profile?.languages ?? [],
          facilityId: profile?.facilityId ?? undefined,
          slotMinutes: profile?.slotMinutes ? String(profile.slotMinutes) : undefined,
        }}
        specialties={specialties.map((s) => ({ value: s.code, label: locale === "ur" ? s.nameUr : s.nameEn }))}
        languages={CONSULT_LANGUAGES.map((code) => ({ value: code, label: tb(`lang_${code}`) }))}
        facilities={facilities.map((f) => ({ value: f.id, label: t("facilityOption", { name: f.name, kind: t(`facility_${f.kind}`) }) }))}
      />
    </div>
  );
}
