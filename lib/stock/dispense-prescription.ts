import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { prescriptions, stockMovements } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, isUniqueViolation, notFound, type FieldErrors } from "@/lib/errors";
import { normaliseVerificationCode } from "@/lib/records/documents/verification-code";
import { dispensingFacilityOf } from "./dispensing-facility";
import { loadDispensing } from "./dispensing-view";
import { onHandOf, refreshStockAlerts } from "./ledger";
import { MAX_MOVEMENT_QUANTITY } from "./rules";

/** The form field of a line's quantity: one per prescription line, by its position. */
export const quantityFieldOf = (position: number) => `quantity_${position}`;

const lineQuantity = z.coerce.number().int().min(0).max(MAX_MOVEMENT_QUANTITY);

/**
 * The facility's counter hands over the medicines of a scanned prescription: for each line not
 * yet dispensed, the quantity given (0 = not given here, e.g. out of stock; the line stays open
 * for another counter). Each line given becomes one dispensing row on the ledger, and a line
 * can be given once only — the prescription row is locked, and a unique index on the ledger
 * holds even so — so scanning the QR code twice does not dispense twice. When every line has
 * gone out, the prescription is marked dispensed (by whom, where). No more than is on hand can
 * go out. Audited on the patient's record in the same transaction.
 */
export async function dispensePrescription(actor: Actor, code: string, quantities: Record<string, string | number | undefined>, now = new Date()) {
  const canonical = normaliseVerificationCode(code);
  if (!canonical) throw notFound();
  try {
    return await db().transaction(async (tx) => {
      const facility = await dispensingFacilityOf(tx, actor, { lock: true });
      const [prescription] = await tx.select().from(prescriptions).where(eq(prescriptions.verificationCode, canonical)).for("update");
      if (!prescription) throw notFound();
      if (prescription.enteredInErrorAt) throw new AppError("conflict", "dispense_cancelled_prescription");
      const lines = await loadDispensing(tx, prescription);
      const open = lines.filter((line) => !line.dispensed);
      if (open.length === 0) throw new AppError("conflict", "prescription_already_dispensed");

      const errors: FieldErrors = {};
      const given: { itemId: string; medicineCode: string; quantity: number; position: number }[] = [];
      for (const { item } of open) {
        const field = quantityFieldOf(item.position);
        const raw = quantities[field];
        const parsed = lineQuantity.safeParse(typeof raw === "string" && raw.trim() === "" ? undefined : raw);
        if (!parsed.success) {
          errors[field] = "quantity_invalid";
          continue;
        }
        if (parsed.data === 0) continue;
        if ((await onHandOf(tx, facility.id, item.medicineCode, now)) < parsed.data) errors[field] = "stock_insufficient";
        else given.push({ itemId: item.id, medicineCode: item.medicineCode, quantity: parsed.data, position: item.position });
      }
      if (Object.keys(errors).length > 0) throw new AppError("invalid", "form_invalid", errors);
      if (given.length === 0) throw new AppError("invalid", "dispense_nothing");

      await tx.insert(stockMovements).values(
        given.map((line) => ({
          facilityId: facility.id,
          medicineCode: line.medicineCode,
          kind: "dispense" as const,
          quantity: -line.quantity,
          prescriptionItemId: line.itemId,
          recordedBy: actor.id,
          recordedAt: now,
        })),
      );
      const complete = given.length === open.length;
      if (complete) {
        await tx.update(prescriptions).set({ dispensedAt: now, dispensedBy: actor.id, dispensedFacilityId: facility.id }).where(eq(prescriptions.id, prescription.id));
      }
      await refreshStockAlerts(tx, facility.id, given.map((line) => line.medicineCode), now);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "prescription.dispense",
        entityType: "prescription",
        entityId: prescription.id,
        patientId: prescription.patientId,
        actorRole: actor.role,
        details: { facilityId: facility.id, lines: given.map(({ position, quantity }) => ({ position, quantity })), complete },
      });
      return { prescriptionId: prescription.id, complete, given };
    });
  } catch (error) {
    // Two counters that raced on one line: the loser is told it has gone out.
    if (isUniqueViolation(error, "stock_movements_one_dispense_per_line")) throw new AppError("conflict", "prescription_already_dispensed");
    throw error;
  }
}
