import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButton } from "@/app/_components/action-button";
import { orNotFound } from "@/app/_components/or-not-found";
import { requireActor } from "@/lib/auth/actor";
import { staffRoles } from "@/lib/auth/roles";
import { readFacilityCapability } from "@/lib/district/capability";
import { listOutages } from "@/lib/district/outages";
import { endOutageAction } from "./actions";
import { InventoryForm, OutageForm } from "./equipment-forms";
import { isolate } from "@/app/_components/isolate";

export async function generateMetadata() {
  return { title: (await getTranslations("capability"))("title") };
}


/**
 * What a facility can measure and do, and what is out of order now: its staff and the district
 * keep it; hosts and doctors read it when they plan a visit.
 */
export default async function EquipmentPage({ params }: { params: Promise<{ facilityId: string }> }) {
  const actor = await requireActor(staffRoles);
  const { facilityId } = await params;
  const { facility, items } = await orNotFound(readFacilityCapability(actor, facilityId));
  // Only those who look after the facility see its history and change it.
  const outages = await listOutages(actor, facilityId).catch(() => null);
  const t = await getTranslations("capability");
  const format = await getFormatter();
  const when = (at: Date) => isolate(format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("titleOf", { name: facility.name })}</h1>
      <ul className="grid gap-2 sm:grid-cols-2" data-testid="capability-now">
        {items.map((item) => (
          <li
            key={item.kind}
            data-kind={item.kind}
            data-works={item.worksNow === null ? "unknown" : String(item.worksNow)}
            className={`rounded-lg border p-3 ${item.worksNow === false ? "border-red-300 bg-red-50" : "border-slate-200"}`}
          >
            <p className="font-medium">{t(`kind_${item.kind}`)}</p>
            <p className="text-sm text-slate-700">
              {item.worksNow === null
                ? t("notRecorded")
                : !item.present
                  ? t("absent")
                  : item.outage
                    ? t("outOfOrderSince", { time: when(item.outage.startedAt), reason: item.outage.reason })
                    : t("working")}
            </p>
            {item.outage && outages && (
              <div className="mt-2">
                <ActionButton action={endOutageAction.bind(null, facility.id, item.outage.id)} label={t("fixed")} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {outages && (
        <>
          <section className="card">
            <InventoryForm facilityId={facility.id} items={items.map((i) => ({ kind: i.kind, present: i.present }))} />
          </section>
          <section className="card">
            <OutageForm facilityId={facility.id} kinds={items.filter((i) => i.present && !i.outage).map((i) => i.kind)} />
          </section>
          <section className="space-y-2">
            <h2 className="font-semibold">{t("history")}</h2>
            {outages.length === 0 ? (
              <p className="text-slate-600">{t("noOutages")}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {outages.map((o) => (
                  <li key={o.id}>
                    {t("outageLine", {
                      item: t(`kind_${o.kind}`),
                      from: when(o.startedAt),
                      to: o.endedAt ? when(o.endedAt) : t("stillOut"),
                      reason: o.reason,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <Link href="/" className="text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
