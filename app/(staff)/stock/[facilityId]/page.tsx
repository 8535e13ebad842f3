import { getFormatter, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { requireActor } from "@/lib/auth/actor";
import { stockAdjustmentReasons } from "@/lib/stock/adjust-stock";
import { listFacilityStock, type StockRow } from "@/lib/stock/list-facility-stock";
import { LOW_STOCK_DAYS } from "@/lib/stock/rules";
import { medicineName, medicineOptions } from "../medicine-names";
import { MovementForm } from "./movement-form";
import { isolate } from "@/app/_components/isolate";

export async function generateMetadata() {
  return { title: (await getTranslations("stock"))("title") };
}

const tone = { out: "bg-red-100 text-red-900", low: "bg-amber-100 text-amber-900", ok: "bg-brand-50 text-brand-900" } as const;

/**
 * A facility's medicine stock: what is on hand (from the ledger), how long it lasts, alerts
 * first; a delivery, an adjustment or a transfer recorded here; and the ledger itself.
 */
export default async function FacilityStockPage({ params }: { params: Promise<{ facilityId: string }> }) {
  const actor = await requireActor(["rhu_staff", "doctor", "specialist", "admin"]);
  const { facilityId } = await params;
  const [{ facility, rows, movements, destinations }, t, format] = await Promise.all([
    orNotFound(listFacilityStock(actor, facilityId)),
    getTranslations("stock"),
    getFormatter(),
  ]);
  const medicines = medicineOptions();
  const status = (row: StockRow) => row.alert?.level ?? "ok";
  const when = (at: Date) => isolate(format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }));
  return (
    <div className="mx-auto max-w-5xl space-y-5">
      <h1 className="text-2xl font-bold">{t("titleOf", { name: facility.name })}</h1>
      <p className="text-slate-600">{t("intro", { days: LOW_STOCK_DAYS })}</p>

      {rows.length === 0 ? (
        <p className="card text-slate-600">{t("noStock")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-start text-sm" data-testid="stock-table">
            <thead>
              <tr className="border-b border-slate-300 text-slate-600">
                <th className="p-2 text-start">{t("medicine")}</th>
                <th className="p-2 text-end">{t("onHand")}</th>
                <th className="p-2 text-end">{t("used30")}</th>
                <th className="p-2 text-end">{t("daysLeft")}</th>
                <th className="p-2 text-start">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.medicineCode} className="border-b border-slate-100" data-medicine={row.medicineCode}>
                  <td className="p-2">
                    <bdi dir="ltr">{medicineName(row.medicineCode)}</bdi>
                  </td>
                  <td className="p-2 text-end tabular-nums" data-testid="on-hand">
                    {format.number(row.onHand)}
                  </td>
                  <td className="p-2 text-end tabular-nums">{format.number(row.usedInWindow)}</td>
                  <td className="p-2 text-end tabular-nums">{row.daysLeft === null ? "—" : format.number(row.daysLeft)}</td>
                  <td className="p-2">
                    <span className={`rounded px-2 py-0.5 ${tone[status(row)]}`}>{t(`status_${status(row)}`)}</span>
                    {row.alert && <span className="ms-2 text-xs text-slate-600">{t("since", { time: when(row.alert.since) })}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <MovementForm kind="receive" facilityId={facility.id} medicines={medicines} />
        <MovementForm kind="adjust" facilityId={facility.id} medicines={medicines} reasons={[...stockAdjustmentReasons]} />
        <MovementForm kind="transfer" facilityId={facility.id} medicines={medicines} destinations={destinations.map((d) => ({ value: d.id, label: d.name }))} />
      </div>

      <section className="space-y-2">
        <h2 className="font-semibold">{t("ledger")}</h2>
        {movements.length === 0 ? (
          <p className="text-slate-600">{t("noMovements")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-sm" data-testid="stock-ledger">
              <thead>
                <tr className="border-b border-slate-300 text-slate-600">
                  <th className="p-2 text-start">{t("when")}</th>
                  <th className="p-2 text-start">{t("medicine")}</th>
                  <th className="p-2 text-start">{t("movement")}</th>
                  <th className="p-2 text-end">{t("change")}</th>
                  <th className="p-2 text-start">{t("by")}</th>
                </tr>
              </thead>
              <tbody>
                {movements.map(({ movement, recordedByName, counterpartName }) => (
                  <tr key={movement.id} className="border-b border-slate-100">
                    <td className="p-2">{when(movement.recordedAt)}</td>
                    <td className="p-2">
                      <bdi dir="ltr">{medicineName(movement.medicineCode)}</bdi>
                    </td>
                    <td className="p-2">
                      {t(`kind_${movement.kind}`, { place: counterpartName ?? "" })}
                      {movement.reason && ` — ${t(`reason_${movement.reason}`)}`}
                      {movement.note && <span className="block text-xs text-slate-600">{movement.note}</span>}
                    </td>
                    <td className="p-2 text-end tabular-nums" dir="ltr">
                      {movement.quantity > 0 ? `+${format.number(movement.quantity)}` : format.number(movement.quantity)}
                    </td>
                    <td className="p-2">{recordedByName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
