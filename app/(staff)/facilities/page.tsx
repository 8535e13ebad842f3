import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { listScopedFacilities, listScopedTehsils } from "@/lib/district/list-facilities";
import { ChangeWindowForm } from "./change-window-form";
import { RegistryForm } from "./registry-form";

export async function generateMetadata() {
  return { title: (await getTranslations("facilities"))("title") };
}

/**
 * The facilities of the admin's district (or province): where each sits in the registry (tehsil,
 * DHIS2 org unit, coordinates) and how late its patients may still move or cancel a booking.
 */
export default async function FacilitiesPage() {
  const actor = await requireActor(["admin"]);
  const t = await getTranslations("facilities");
  const locale = await getLocale();
  const [facilities, tehsils] = await Promise.all([listScopedFacilities(actor), listScopedTehsils(actor)]);
  const districts = [...new Map(facilities.map((f) => [f.district.id, f.district])).values()];
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      {facilities.length === 0 && <p className="text-slate-600">{t("none")}</p>}
      {districts.map((district) => (
        <section key={district.id} className="space-y-3" aria-labelledby={`district-${district.id}`}>
          <h2 id={`district-${district.id}`} className="text-lg font-semibold">
            {t("district", { name: locale === "ur" ? district.nameUr : district.nameEn })}
          </h2>
          <ul className="space-y-3">
            {facilities
              .filter((f) => f.district.id === district.id)
              .map((f) => (
                <li key={f.id} className="card space-y-4">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-semibold">
                      {f.name} · <span className="text-sm font-normal text-slate-600">{t(`kind_${f.kind}`)}</span>
                    </p>
                    <Link href={`/facilities/${f.id}/equipment`} className="text-sm text-brand-700 underline">
                      {t("equipment")}
                    </Link>
                  </div>
                  <RegistryForm
                    facility={{ id: f.id, name: f.name, dhis2OrgUnitCode: f.dhis2OrgUnitCode, latitude: f.latitude, longitude: f.longitude, tehsilId: f.tehsil?.id ?? null }}
                    tehsils={tehsils.filter((tehsil) => tehsil.districtId === district.id)}
                  />
                  <ChangeWindowForm facilityId={f.id} facilityName={f.name} hours={f.patientChangeCutoffMinutes / 60} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
