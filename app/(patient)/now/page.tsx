import { getFormatter, getTranslations } from "next-intl/server";
import { getOnCallHours } from "@/lib/queue/on-call";
import { requirePatientProfile } from "../patient-profile";
import { NeedPicker } from "./need-picker";

export async function generateMetadata() {
  return { title: (await getTranslations("now"))("title") };
}

export const dynamic = "force-dynamic";

export default async function SeeDoctorNowPage() {
  const { self, patients } = await requirePatientProfile();
  const t = await getTranslations("now");
  const format = await getFormatter();
  const hours = await getOnCallHours();
  const needs = hours.map((h) => ({
    need: h.need,
    open: h.open,
    opensLabel: h.opensAt ? format.dateTime(h.opensAt, { weekday: "long", hour: "numeric", minute: "2-digit" }) : null,
  }));
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      <NeedPicker needs={needs} patients={patients.map((p) => ({ id: p.id, label: p.fullName }))} defaultPatientId={self.id} />
    </div>
  );
}
