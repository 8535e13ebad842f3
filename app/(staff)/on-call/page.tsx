import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { listBookableClinicians } from "@/lib/booking/bookable-clinicians";
import { listOnCallShifts } from "@/lib/queue/on-call";
import { ShiftForm } from "./shift-form";

export async function generateMetadata() {
  return { title: (await getTranslations("onCall"))("title") };
}

/** The admin's on-call rota for "see a doctor now". */
export default async function OnCallRotaPage() {
  const actor = await requireActor(["admin"]);
  const t = await getTranslations("onCall");
  const tn = await getTranslations("now");
  const format = await getFormatter();
  const [shifts, clinicians] = await Promise.all([listOnCallShifts(actor), listBookableClinicians()]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ShiftForm clinicians={clinicians.map((c) => ({ id: c.id, name: c.name }))} />
      <section className="card">
        <h2 className="mb-2 font-semibold">{t("rota")}</h2>
        {shifts.length === 0 && <p className="text-slate-600">{t("noShifts")}</p>}
        <ul className="divide-y">
          {shifts.map((s) => (
            <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span className="font-medium">{s.clinicianName}</span>
              <span>{tn(`need_${s.need}`)}</span>
              <span className="text-sm">{format.dateTimeRange(s.startsAt, s.endsAt, { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" })}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
