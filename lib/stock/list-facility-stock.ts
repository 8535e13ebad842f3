import { and, asc, desc, eq, isNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { facilities, stockAlerts, stockMovements, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { facilityManagedBy } from "@/lib/district/facility-access";
import { stockFigures } from "./ledger";
import { daysLeft, type StockLevel } from "./rules";

export type StockRow = {
  medicineCode: string;
  onHand: number;
  usedInWindow: number;
  daysLeft: number | null;
  lastReceivedAt: Date | null;
  alert: { level: StockLevel; since: Date } | null;
};

/**
 * A facility's stock page: every medicine it has had, with stock on hand, the last 30 days'
 * use, the days that lasts and any open alert; and the last 50 movements of the ledger. For
 * its own staff and the district office that covers it, with where it can send stock.
 */
export async function listFacilityStock(actor: Actor, facilityId: string, now = new Date()) {
  return db().transaction(async (tx) => {
    const facility = await facilityManagedBy(tx, actor, facilityId);
    const counterpart = alias(facilities, "counterpart");
    const [figures, alerts, movements, destinations] = await Promise.all([
      stockFigures(tx, facility.id, now),
      tx.select().from(stockAlerts).where(and(eq(stockAlerts.facilityId, facility.id), isNull(stockAlerts.clearedAt))),
      tx
        .select({ movement: stockMovements, recordedByName: users.name, counterpartName: counterpart.name })
        .from(stockMovements)
        .innerJoin(users, eq(users.id, stockMovements.recordedBy))
        .leftJoin(counterpart, eq(counterpart.id, stockMovements.counterpartFacilityId))
        .where(eq(stockMovements.facilityId, facility.id))
        .orderBy(desc(stockMovements.recordedAt))
        .limit(50),
      // Where stock can be sent from here: the other facilities of its district.
      tx
        .select({ id: facilities.id, name: facilities.name })
        .from(facilities)
        .where(and(eq(facilities.districtId, facility.districtId), ne(facilities.id, facility.id)))
        .orderBy(asc(facilities.name)),
    ]);
    const rows: StockRow[] = figures
      .map((row) => {
        const alert = alerts.find((a) => a.medicineCode === row.medicineCode);
        return { ...row, daysLeft: daysLeft(row.onHand, row.usedInWindow), alert: alert ? { level: alert.level, since: alert.raisedAt } : null };
      })
      .sort((a, b) => alertRank(a) - alertRank(b) || a.medicineCode.localeCompare(b.medicineCode));
    return { facility, rows, movements, destinations };
  });
}

// Stock-outs first, then low stock, then the rest.
const alertRank = (row: StockRow) => (row.alert?.level === "out" ? 0 : row.alert?.level === "low" ? 1 : 2);
