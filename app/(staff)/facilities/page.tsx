import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { listFacilityWindows } from "@/lib/booking/change-window";
import { ChangeWindowForm } from "./change-window-form";

export async function generateMetadata() {
  return { title: (await getTranslations("facilities"))("title") };
}

/** Each facility sets how late its patients may still move or cancel a booking themselves. */
export default async function FacilitiesPage() {
  const actor = await requireActor(["admin"]);
  const t = await getTranslations("facilities");
  const facilities = await listFacilityWindows(actor);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      {facilities.length === 0 && <p className="text-slate-600">{t("none")}</p>}
      <ul className="space-y-3">
        {facilities.map((f) => (
          <li key={f.id} className="card space-y-2">
            <p className="font-semibold">
              {f.name} · <span className="text-sm font-normal text-slate-600">{t(`kind_${f.kind}`)}</span>
            </p>
            <ChangeWindowForm facilityId={f.id} facilityName={f.name} hours={f.minutes / 60} />
          </li>
        ))}
      </ul>
    </div>
  );
}
