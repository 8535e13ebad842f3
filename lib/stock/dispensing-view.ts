import { asc, eq, inArray } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { facilities, prescriptionItems, prescriptions, stockMovements } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { normaliseVerificationCode } from "@/lib/records/documents/verification-code";
import { describeLine, type PrescriptionLine } from "@/lib/records/prescription-view";
import { dispensingFacilityOf } from "./dispensing-facility";
import { stockFigures } from "./ledger";
import { suggestedQuantity } from "./rules";

export type DispensingLine = PrescriptionLine & {
  itemId: string;
  /** Stock on hand of this medicine at the actor's facility. */
  onHand: number;
  /** What the form suggests handing over (the course's units), or null when it cannot be counted. */
  suggested: number | null;
  /** Set once this line has gone out, here or elsewhere. */
  dispensed: { quantity: number; facilityName: string; at: Date } | null;
};

export type Dispensing = {
  prescriptionId: string;
  facility: { id: string; name: string };
  cancelled: boolean;
  /** Every line has gone out. */
  complete: boolean;
  lines: DispensingLine[];
};

/** The lines of the prescription with this code and what has gone out of each, in `tx`. */
export async function loadDispensing(tx: Transaction, prescription: typeof prescriptions.$inferSelect) {
  const items = await tx.select().from(prescriptionItems).where(eq(prescriptionItems.prescriptionId, prescription.id)).orderBy(asc(prescriptionItems.position));
  const given = items.length
    ? await tx
        .select({ itemId: stockMovements.prescriptionItemId, quantity: stockMovements.quantity, at: stockMovements.recordedAt, facilityName: facilities.name })
        .from(stockMovements)
        .innerJoin(facilities, eq(facilities.id, stockMovements.facilityId))
        .where(inArray(stockMovements.prescriptionItemId, items.map((item) => item.id)))
    : [];
  return items.map((item) => {
    const out = given.find((row) => row.itemId === item.id);
    return { item, dispensed: out ? { quantity: -out.quantity, facilityName: out.facilityName, at: out.at } : null };
  });
}

/**
 * What the counter of a facility sees for a prescription it scanned: each line with the stock
 * on hand here, the suggested quantity, and whether it has already gone out. For the
 * facility's own staff (dispensing-facility.ts); a code that is not ours is "not found".
 */
export async function readDispensing(actor: Actor, code: string, now = new Date()): Promise<Dispensing> {
  const canonical = normaliseVerificationCode(code);
  if (!canonical) throw notFound();
  return db().transaction(async (tx) => {
    const facility = await dispensingFacilityOf(tx, actor);
    const [prescription] = await tx.select().from(prescriptions).where(eq(prescriptions.verificationCode, canonical));
    if (!prescription) throw notFound();
    const lines = await loadDispensing(tx, prescription);
    const stock = await stockFigures(tx, facility.id, now, lines.map(({ item }) => item.medicineCode));
    return {
      prescriptionId: prescription.id,
      facility: { id: facility.id, name: facility.name },
      cancelled: prescription.enteredInErrorAt !== null,
      complete: lines.length > 0 && lines.every((line) => line.dispensed),
      lines: lines.map(({ item, dispensed }) => ({
        ...describeLine(item),
        itemId: item.id,
        onHand: stock.find((row) => row.medicineCode === item.medicineCode)?.onHand ?? 0,
        suggested: suggestedQuantity(item),
        dispensed,
      })),
    };
  });
}
