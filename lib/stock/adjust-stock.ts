import { z } from "zod";
import { db } from "@/db";
import { stockAdjustmentReasons } from "@/db/enums";
import { stockMovements } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { facilityManagedBy } from "@/lib/district/facility-access";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { medicineField, noteField, quantityField } from "./fields";
import { onHandOf, refreshStockAlerts } from "./ledger";

/** Why a count changes by hand; the form offers these. */
export { stockAdjustmentReasons };

export const adjustmentInput = z.object({
  medicineCode: medicineField,
  direction: formEnum(["add", "remove"], "adjustment_direction_invalid"),
  quantity: quantityField,
  reason: formEnum(stockAdjustmentReasons, "adjustment_reason_required"),
  note: noteField,
});

/**
 * A change to the stock that is neither a receipt nor a dispensing — a count that differs from
 * the ledger, expired or damaged stock taken out, a loss, a return — always with its reason.
 * Stock cannot go below nothing: removing more than is on hand is refused at the quantity.
 */
export async function adjustStock(actor: Actor, facilityId: string, input: Partial<z.input<typeof adjustmentInput>>, now = new Date()) {
  const parsed = adjustmentInput.safeParse(input);
  return db().transaction(async (tx) => {
    const facility = await facilityManagedBy(tx, actor, facilityId, { lock: true });
    if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
    const adjustment = parsed.data;
    const change = adjustment.direction === "add" ? adjustment.quantity : -adjustment.quantity;
    if (change < 0 && (await onHandOf(tx, facility.id, adjustment.medicineCode, now)) + change < 0) {
      throw new AppError("invalid", "form_invalid", { quantity: "stock_insufficient" });
    }
    const [movement] = await tx
      .insert(stockMovements)
      .values({
        facilityId: facility.id,
        medicineCode: adjustment.medicineCode,
        kind: "adjustment",
        quantity: change,
        reason: adjustment.reason,
        note: adjustment.note ?? null,
        recordedBy: actor.id,
        recordedAt: now,
      })
      .returning();
    await refreshStockAlerts(tx, facility.id, [adjustment.medicineCode], now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "stock.adjust",
      entityType: "stock_movement",
      entityId: movement!.id,
      details: { facilityId: facility.id, medicineCode: adjustment.medicineCode, quantity: change, reason: adjustment.reason },
    });
    return movement!;
  });
}
