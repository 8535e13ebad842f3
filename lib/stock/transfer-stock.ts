import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { facilities, stockMovements } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { facilityManagedBy } from "@/lib/district/facility-access";
import { districtScopeOf, withinScope } from "@/lib/district/scope";
import { AppError, fieldErrorsOf, retryOnDeadlock } from "@/lib/errors";
import { medicineField, noteField, quantityField } from "./fields";
import { onHandOf, refreshStockAlerts } from "./ledger";

export const transferInput = z.object({
  toFacilityId: z.uuid({ error: "transfer_destination_invalid" }),
  medicineCode: medicineField,
  quantity: quantityField,
  note: noteField,
});

/**
 * Stock sent from one facility to another: two ledger rows in one transaction, out of the one
 * and into the other, sharing a transfer id, so the district's total does not change. Facility
 * staff send within their own district; a district office between any facilities it covers.
 * Both facility rows are locked; no more can leave than is on hand.
 */
export async function transferStock(actor: Actor, fromFacilityId: string, input: Partial<z.input<typeof transferInput>>, now = new Date()) {
  const parsed = transferInput.safeParse(input);
  return retryOnDeadlock(() =>
    db().transaction(async (tx) => {
      const from = await facilityManagedBy(tx, actor, fromFacilityId, { lock: true });
      if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
      const transfer = parsed.data;
      if (transfer.toFacilityId === from.id) throw new AppError("invalid", "form_invalid", { toFacilityId: "transfer_same_facility" });
      // A district office may send anywhere it covers; a facility, to its own district.
      const destinationScope = actor.role === "admin" ? withinScope(await districtScopeOf(actor, tx), facilities.districtId) : eq(facilities.districtId, from.districtId);
      const [to] = await tx
        .select({ id: facilities.id, name: facilities.name })
        .from(facilities)
        .where(and(eq(facilities.id, transfer.toFacilityId), ne(facilities.id, from.id), destinationScope))
        .for("update");
      if (!to) throw new AppError("invalid", "form_invalid", { toFacilityId: "transfer_destination_invalid" });
      if ((await onHandOf(tx, from.id, transfer.medicineCode, now)) < transfer.quantity) {
        throw new AppError("invalid", "form_invalid", { quantity: "stock_insufficient" });
      }
      const transferId = randomUUID();
      const common = { medicineCode: transfer.medicineCode, transferId, note: transfer.note ?? null, recordedBy: actor.id, recordedAt: now };
      await tx.insert(stockMovements).values([
        { ...common, facilityId: from.id, counterpartFacilityId: to.id, kind: "transfer_out", quantity: -transfer.quantity },
        { ...common, facilityId: to.id, counterpartFacilityId: from.id, kind: "transfer_in", quantity: transfer.quantity },
      ]);
      await refreshStockAlerts(tx, from.id, [transfer.medicineCode], now);
      await refreshStockAlerts(tx, to.id, [transfer.medicineCode], now);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "stock.transfer",
        entityType: "stock_transfer",
        entityId: transferId,
        details: { fromFacilityId: from.id, toFacilityId: to.id, medicineCode: transfer.medicineCode, quantity: transfer.quantity },
      });
      return { transferId, to };
    }),
  );
}
