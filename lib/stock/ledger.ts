import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { stockAlerts, stockMovements } from "@/db/schema";
import { CONSUMPTION_WINDOW_DAYS, stockLevel } from "./rules";

type Reader = Pick<Transaction, "select">;

export type StockFigures = { medicineCode: string; onHand: number; usedInWindow: number; lastReceivedAt: Date | null };

/**
 * Stock on hand (the sum of the ledger) and what was dispensed in the last
 * CONSUMPTION_WINDOW_DAYS, per medicine the facility has ever had a movement for, or for the
 * medicines asked (those with no movement are left out: nothing on hand, nothing used).
 */
export async function stockFigures(tx: Reader, facilityId: string, now: Date, medicineCodes?: readonly string[]): Promise<StockFigures[]> {
  const since = new Date(now.getTime() - CONSUMPTION_WINDOW_DAYS * 86_400_000);
  const rows = await tx
    .select({
      medicineCode: stockMovements.medicineCode,
      onHand: sql<number>`coalesce(sum(${stockMovements.quantity}), 0)::int`,
      usedInWindow: sql<number>`coalesce(-sum(${stockMovements.quantity}) filter (where ${stockMovements.kind} = 'dispense' and ${stockMovements.recordedAt} > ${since.toISOString()}::timestamptz), 0)::int`,
      lastReceivedAt: sql<Date | null>`max(${stockMovements.recordedAt}) filter (where ${stockMovements.kind} in ('receipt', 'transfer_in'))`,
    })
    .from(stockMovements)
    .where(and(eq(stockMovements.facilityId, facilityId), medicineCodes ? inArray(stockMovements.medicineCode, [...medicineCodes]) : undefined))
    .groupBy(stockMovements.medicineCode);
  return rows.map((row) => ({ ...row, lastReceivedAt: row.lastReceivedAt ? new Date(row.lastReceivedAt) : null }));
}

/** Stock on hand of one medicine at a facility. */
export async function onHandOf(tx: Reader, facilityId: string, medicineCode: string, now: Date): Promise<number> {
  const [figures] = await stockFigures(tx, facilityId, now, [medicineCode]);
  return figures?.onHand ?? 0;
}

/**
 * Bring the district's alert for these medicines at a facility in line with the ledger, in the
 * caller's transaction (after its movements): an alert opens when the stock runs out or low,
 * is replaced when its level changes, and clears when the stock is back.
 */
export async function refreshStockAlerts(tx: Transaction, facilityId: string, medicineCodes: readonly string[], now: Date): Promise<void> {
  if (medicineCodes.length === 0) return;
  const [figures, open] = await Promise.all([
    stockFigures(tx, facilityId, now, medicineCodes),
    tx
      .select()
      .from(stockAlerts)
      .where(and(eq(stockAlerts.facilityId, facilityId), inArray(stockAlerts.medicineCode, [...medicineCodes]), isNull(stockAlerts.clearedAt))),
  ]);
  for (const code of new Set(medicineCodes)) {
    const current = figures.find((row) => row.medicineCode === code);
    const level = stockLevel(current?.onHand ?? 0, current?.usedInWindow ?? 0);
    const alert = open.find((row) => row.medicineCode === code);
    if (alert?.level === level) continue;
    if (alert) await tx.update(stockAlerts).set({ clearedAt: now }).where(eq(stockAlerts.id, alert.id));
    if (level) await tx.insert(stockAlerts).values({ facilityId, medicineCode: code, level, raisedAt: now });
  }
}
