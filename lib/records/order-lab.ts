import { z } from "zod";
import { db } from "@/db";
import { labOrders } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { auditRecord } from "./access";
import { findLabTest } from "./catalog/lab-tests";
import { lockEncounterForWriting } from "./encounter-access";
import { optionalWords, parseFields } from "./entry-fields";

export const orderLabInput = z.object({
  testCode: z
    .string({ error: "lab_test_unknown" })
    .trim()
    .refine((code) => findLabTest(code) !== undefined, "lab_test_unknown"),
  note: optionalWords(500, "lab_note_too_long"),
});
export type OrderLabInput = z.input<typeof orderLabInput>;

/**
 * The consultation's clinician orders a test from the shipped list (lib/records/catalog/lab-tests),
 * with an optional note for the lab. The order stays open until a result is entered against it.
 */
export async function orderLab(actor: Actor, consultationId: string, input: OrderLabInput) {
  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician"]);
    const [order] = parseFields(input, orderLabInput);
    const [row] = await tx
      .insert(labOrders)
      .values({ testCode: order.testCode, note: order.note ?? null, patientId: encounter.access.patient.id, encounterId: encounter.encounterId, orderedBy: actor.id })
      .returning();
    await auditRecord(tx, actor, encounter.access, {
      action: "lab_order.create",
      entityType: "lab_order",
      entityId: row!.id,
      details: { consultationId, testCode: row!.testCode },
    });
    return row!;
  });
}
