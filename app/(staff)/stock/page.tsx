import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/app/_components/auto-refresh";
import { requireActor } from "@/lib/auth/actor";
import { listScopedFacilities } from "@/lib/district/list-facilities";
import { listStockAlerts } from "@/lib/stock/list-stock-alerts";
import { ownFacilityId } from "@/lib/stock/own-facility";
import { LOW_STOCK_DAYS } from "@/lib/stock/rules";
import { medicineName } from "./medicine-names";
import { isolate } from "@/app/_components/isolate";

export async function generateMetadata() {
  return { title: (await getTranslations("stock"))("title") };
}


/**
 * Facility staff go to their facility's stock. The district office sees its open stock alerts
 * (refreshed every 15 s) and each facility's stock one click away.
 */
export default async function StockPage() {
  const actor = await requireActor(["rhu_staff", "doctor", "specialist", "admin"]);
  if (actor.role !== "admin") {
    const facilityId = await ownFacilityId(actor);
    if (!facilityId) notFound();
    redirect(`/stock/${facilityId}`);
  }
  const [alerts, facilities, t, format] = await Promise.all([listStockAlerts(actor), listScopedFacilities(actor), getTranslations("stock"), getFormatter()]);
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("alertsTitle")}</h1>
        <AutoRefresh everyMs={15_000} />
      </div>
      <p className="text-slate-600">{t("alertsIntro", { days: LOW_STOCK_DAYS })}</p>
      {alerts.length === 0 ? (
        <p className="card text-slate-600">{t("noAlerts")}</p>
      ) : (
        <ul className="space-y-2" data-testid="stock-alerts">
          {alerts.map((alert) => (
            <li key={alert.id} className={`card flex flex-wrap items-center justify-between gap-2 border-s-4 ${alert.level === "out" ? "border-s-red-600" : "border-s-amber-500"}`}>
              <span className="min-w-0">
                <span className="block font-semibold">
                  {t(`status_${alert.level}`)}: <bdi dir="ltr">{medicineName(alert.medicineCode)}</bdi>
                </span>
                <span className="block text-sm text-slate-600">
                  {alert.facilityName} · {alert.districtName} · {t("since", { time: isolate(format.dateTime(alert.raisedAt, { dateStyle: "medium", timeStyle: "short" })) })}
                </span>
              </span>
              <Link href={`/stock/${alert.facilityId}`} className="btn-secondary min-h-11">
                {t("open")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <section className="space-y-2">
        <h2 className="font-semibold">{t("facilitiesTitle")}</h2>
        <ul className="grid gap-2 sm:grid-cols-2">
          {facilities.map((facility) => (
            <li key={facility.id}>
              <Link href={`/stock/${facility.id}`} className="card block min-h-11 text-brand-800 underline">
                {facility.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
