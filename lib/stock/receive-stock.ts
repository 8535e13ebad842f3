import { z } from "zod";
import { db } from "@/db";
import { stockMovements } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { facilityManagedBy } from "@/lib/district/facility-access";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { blankAsMissing } from "@/lib/form-fields";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import { medicineField, noteField, quantityField } from "./fields";
import { refreshStockAlerts } from "./ledger";

export const receiptInput = z.object({
  medicineCode: medicineField,
  quantity: quantityField,
  batch: z.preprocess(blankAsMissing, z.string().trim().max(40, "batch_too_long").optional()),
  expiresOn: z.preprocess(blankAsMissing, z.iso.date({ error: "expiry_invalid" }).optional()),
  note: noteField,
});

const today = (now: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: CLINIC_TIME_ZONE }).format(now);

/**
 * Medicines arrive at a facility (from the district store or a supplier): a receipt on the
 * ledger, with its batch and expiry when known. Recorded by the facility's staff or its
 * district, on the locked facility row, audited in the same transaction. A box already past
 * its expiry is refused at the field.
 */
export async function receiveStock(actor: Actor, facilityId: string, input: Partial<z.input<typeof receiptInput>>, now = new Date()) {
  const parsed = receiptInput.safeParse(input);
  return db().transaction(async (tx) => {
    const facility = await facilityManagedBy(tx, actor, facilityId, { lock: true });
    if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
    const receipt = parsed.data;
    if (receipt.expiresOn && receipt.expiresOn < today(now)) throw new AppError("invalid", "form_invalid", { expiresOn: "expiry_past" });
    const [movement] = await tx
      .insert(stockMovements)
      .values({
        facilityId: facility.id,
        medicineCode: receipt.medicineCode,
        kind: "receipt",
        quantity: receipt.quantity,
        batch: receipt.batch ?? null,
        expiresOn: receipt.expiresOn ?? null,
        note: receipt.note ?? null,
        recordedBy: actor.id,
        recordedAt: now,
      })
      .returning();
    await refreshStockAlerts(tx, facility.id, [receipt.medicineCode], now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "stock.receive",
      entityType: "stock_movement",
      entityId: movement!.id,
      details: { facilityId: facility.id, medicineCode: receipt.medicineCode, quantity: receipt.quantity },
    });
    return movement!;
  });
}
