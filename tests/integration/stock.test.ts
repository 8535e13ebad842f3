import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, encounters, consultations, prescriptions, stockAlerts, stockMovements } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { prescribe } from "@/lib/records/prescribe";
import { adjustStock } from "@/lib/stock/adjust-stock";
import { dispensePrescription } from "@/lib/stock/dispense-prescription";
import { readDispensing } from "@/lib/stock/dispensing-view";
import { listFacilityStock } from "@/lib/stock/list-facility-stock";
import { listStockAlerts } from "@/lib/stock/list-stock-alerts";
import { receiveStock } from "@/lib/stock/receive-stock";
import { stockForPrescribing } from "@/lib/stock/stock-for-prescribing";
import { transferStock } from "@/lib/stock/transfer-stock";
import { consultationInCall, createAdmin, createDistrict, createFacility, createStaffAt } from "./fixtures";

const PARACETAMOL = "paracetamol-500mg-tab";
const AMOXICILLIN = "amoxicillin-500mg-cap";

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error as { code: string; messageKey: string; fieldErrors: Record<string, string> };
  }
  throw new Error("expected a refusal");
}

async function onHand(actor: Actor, facilityId: string) {
  const { rows } = await listFacilityStock(actor, facilityId);
  return Object.fromEntries(rows.map((row) => [row.medicineCode, row.onHand]));
}

async function districtWithSpoke() {
  const district = await createDistrict();
  const spoke = await createFacility("spoke", undefined, { districtId: district.id });
  return { district, spoke, staff: await createStaffAt(spoke.id), admin: await createAdmin(district.id) };
}

/** A prescription issued in a call, for the patient sitting at `facilityId`. */
async function prescriptionAt(facilityId: string) {
  const { doctor, consultationId } = await consultationInCall();
  const [consultation] = await db().select({ encounterId: consultations.encounterId }).from(consultations).where(eq(consultations.id, consultationId));
  await db().update(encounters).set({ facilityId }).where(eq(encounters.id, consultation!.encounterId));
  const common = { frequencyCode: "tds", durationValue: 5, durationUnit: "days" as const, instructionCodes: [] };
  const issued = await prescribe(doctor, consultationId, {
    items: [
      { medicineCode: PARACETAMOL, dose: "2", ...common },
      { medicineCode: AMOXICILLIN, dose: "1", ...common },
    ],
  });
  return { doctor, consultationId, issued };
}

describe("the stock ledger", () => {
  it("computes stock on hand from receipts, adjustments and transfers, and keeps every movement", async () => {
    const { district, spoke, staff, admin } = await districtWithSpoke();
    const other = await createFacility("spoke", undefined, { districtId: district.id });

    await receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "1000", batch: "PX-22", expiresOn: "2030-01-31" });
    await adjustStock(staff, spoke.id, { medicineCode: PARACETAMOL, direction: "remove", quantity: "40", reason: "expired" });
    await adjustStock(staff, spoke.id, { medicineCode: PARACETAMOL, direction: "add", quantity: "5", reason: "count_correction", note: "found a strip" });
    await transferStock(admin, spoke.id, { toFacilityId: other.id, medicineCode: PARACETAMOL, quantity: "300" });

    expect(await onHand(staff, spoke.id)).toEqual({ [PARACETAMOL]: 665 });
    expect(await onHand(admin, other.id)).toEqual({ [PARACETAMOL]: 300 });
    const ledger = await db().select().from(stockMovements).where(eq(stockMovements.facilityId, spoke.id));
    expect(ledger.map((row) => [row.kind, row.quantity]).sort()).toEqual([
      ["adjustment", -40],
      ["adjustment", 5],
      ["receipt", 1000],
      ["transfer_out", -300],
    ]);
    const [out] = ledger.filter((row) => row.kind === "transfer_out");
    const [into] = await db().select().from(stockMovements).where(and(eq(stockMovements.transferId, out!.transferId!), eq(stockMovements.kind, "transfer_in")));
    expect(into).toMatchObject({ facilityId: other.id, kind: "transfer_in", quantity: 300, counterpartFacilityId: spoke.id });
    const audited = await db().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, out!.transferId!));
    expect(audited).toEqual([{ action: "stock.transfer" }]);
  });

  it("is append-only for the app: a movement cannot be rewritten or deleted", async () => {
    const { spoke, staff } = await districtWithSpoke();
    const movement = await receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "10" });
    const code = async (statement: Promise<unknown>) => {
      try {
        await statement;
        return null;
      } catch (error) {
        return (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
      }
    };
    expect(await code(db().update(stockMovements).set({ quantity: 9999 }).where(eq(stockMovements.id, movement.id)))).toBe("42501");
    expect(await code(db().delete(stockMovements).where(eq(stockMovements.id, movement.id)))).toBe("42501");
  });

  it("refuses at the field what cannot be right, and never lets stock go below nothing", async () => {
    const { district, spoke, staff } = await districtWithSpoke();
    const other = await createFacility("spoke", undefined, { districtId: district.id });
    await receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "50" });

    expect((await refusal(receiveStock(staff, spoke.id, { medicineCode: "not-a-medicine", quantity: "0", expiresOn: "2020-01-01" }))).fieldErrors).toEqual({
      medicineCode: "medicine_unknown",
      quantity: "quantity_invalid",
    });
    expect((await refusal(receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "5", expiresOn: "2020-01-01" }))).fieldErrors).toEqual({ expiresOn: "expiry_past" });
    expect((await refusal(receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "2.5" }))).fieldErrors).toEqual({ quantity: "quantity_invalid" });
    expect((await refusal(adjustStock(staff, spoke.id, { medicineCode: PARACETAMOL, direction: "remove", quantity: "5" }))).fieldErrors).toEqual({ reason: "adjustment_reason_required" });
    expect((await refusal(adjustStock(staff, spoke.id, { medicineCode: PARACETAMOL, direction: "remove", quantity: "51", reason: "lost" }))).fieldErrors).toEqual({ quantity: "stock_insufficient" });
    expect((await refusal(transferStock(staff, spoke.id, { toFacilityId: other.id, medicineCode: PARACETAMOL, quantity: "51" }))).fieldErrors).toEqual({ quantity: "stock_insufficient" });
    expect((await refusal(transferStock(staff, spoke.id, { toFacilityId: spoke.id, medicineCode: PARACETAMOL, quantity: "1" }))).fieldErrors).toEqual({ toFacilityId: "transfer_same_facility" });
    expect(await onHand(staff, spoke.id)).toEqual({ [PARACETAMOL]: 50 });
  });

  it("is scoped: another district's office, another facility's staff and another district's destination get nowhere", async () => {
    const { spoke, staff, admin } = await districtWithSpoke();
    const elsewhere = await districtWithSpoke();
    await receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "10" });
    await adjustStock(staff, spoke.id, { medicineCode: PARACETAMOL, direction: "remove", quantity: "10", reason: "damaged" });

    for (const outsider of [elsewhere.admin, elsewhere.staff]) {
      expect((await refusal(listFacilityStock(outsider, spoke.id))).code).toBe("not_found");
      expect((await refusal(receiveStock(outsider, spoke.id, { medicineCode: PARACETAMOL, quantity: "1" }))).code).toBe("not_found");
    }
    await receiveStock(staff, spoke.id, { medicineCode: AMOXICILLIN, quantity: "10" });
    expect((await refusal(transferStock(staff, spoke.id, { toFacilityId: elsewhere.spoke.id, medicineCode: AMOXICILLIN, quantity: "1" }))).fieldErrors).toEqual({
      toFacilityId: "transfer_destination_invalid",
    });
    // The stock-out is the district's to see, not the other district's.
    expect((await listStockAlerts(admin)).map((a) => [a.facilityId, a.medicineCode, a.level])).toEqual([[spoke.id, PARACETAMOL, "out"]]);
    expect((await listStockAlerts(elsewhere.admin)).filter((a) => a.facilityId === spoke.id)).toEqual([]);
    expect((await refusal(listStockAlerts(staff))).code).toBe("not_found");
  });
});

describe("stock alerts", () => {
  it("open when a medicine runs out or under 14 days, change level, and clear when stock is back", async () => {
    const { spoke, staff, admin } = await districtWithSpoke();
    const alertsHere = async () => (await listStockAlerts(admin)).filter((a) => a.facilityId === spoke.id).map((a) => a.level);
    const { issued } = await prescriptionAt(spoke.id);

    await receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "40" });
    expect(await alertsHere()).toEqual([]);
    // 30 go out in a day: 10 left at 1 a day over 30 days is 10 days — low.
    await dispensePrescription(staff, issued.verificationCode, { quantity_0: "30", quantity_1: "0" });
    expect(await alertsHere()).toEqual(["low"]);
    await adjustStock(staff, spoke.id, { medicineCode: PARACETAMOL, direction: "remove", quantity: "10", reason: "damaged" });
    expect(await alertsHere()).toEqual(["out"]);
    await receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "500" });
    expect(await alertsHere()).toEqual([]);

    const history = await db().select().from(stockAlerts).where(eq(stockAlerts.facilityId, spoke.id));
    expect(history.map((a) => [a.level, a.clearedAt !== null]).sort()).toEqual([
      ["low", true],
      ["out", true],
    ]);
    expect(await db().select().from(stockAlerts).where(and(eq(stockAlerts.facilityId, spoke.id), isNull(stockAlerts.clearedAt)))).toEqual([]);
  });
});

describe("dispensing a prescription", () => {
  it("takes each line out of the facility's stock once, however often the code is scanned", async () => {
    const { spoke, staff } = await districtWithSpoke();
    await receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "100" });
    const { issued } = await prescriptionAt(spoke.id);

    const before = await readDispensing(staff, issued.verificationCode);
    expect(before.lines.map((l) => [l.position, l.onHand, l.suggested, l.dispensed])).toEqual([
      [0, 100, 30, null],
      [1, 0, 15, null],
    ]);
    // No amoxicillin here: paracetamol goes out, amoxicillin stays open for another counter.
    const first = await dispensePrescription(staff, issued.verificationCode, { quantity_0: "30", quantity_1: "0" });
    expect(first.complete).toBe(false);
    expect((await db().select().from(prescriptions).where(eq(prescriptions.id, issued.id)))[0]!.dispensedAt).toBeNull();

    // Scanned again: only the open line can go, and only with stock.
    expect((await refusal(dispensePrescription(staff, issued.verificationCode, { quantity_0: "30", quantity_1: "15" }))).fieldErrors).toEqual({ quantity_1: "stock_insufficient" });
    await receiveStock(staff, spoke.id, { medicineCode: AMOXICILLIN, quantity: "20" });
    const second = await dispensePrescription(staff, issued.verificationCode, { quantity_0: "30", quantity_1: "15" });
    expect(second).toMatchObject({ complete: true, given: [{ position: 1, quantity: 15 }] });
    expect((await refusal(dispensePrescription(staff, issued.verificationCode, { quantity_0: "30", quantity_1: "15" }))).messageKey).toBe("prescription_already_dispensed");

    expect(await onHand(staff, spoke.id)).toEqual({ [PARACETAMOL]: 70, [AMOXICILLIN]: 5 });
    const [row] = await db().select().from(prescriptions).where(eq(prescriptions.id, issued.id));
    expect(row).toMatchObject({ dispensedBy: staff.id, dispensedFacilityId: spoke.id });
    expect(row!.dispensedAt).toBeInstanceOf(Date);
    const audits = await db().select({ details: auditEvents.details }).from(auditEvents).where(and(eq(auditEvents.entityId, issued.id), eq(auditEvents.action, "prescription.dispense")));
    expect(audits).toHaveLength(2);
  });

  it("gives a line once when two counters scan the same prescription at the same moment", async () => {
    const { spoke, staff } = await districtWithSpoke();
    const colleague = await createStaffAt(spoke.id);
    await receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "100" });
    await receiveStock(staff, spoke.id, { medicineCode: AMOXICILLIN, quantity: "100" });
    const { issued } = await prescriptionAt(spoke.id);

    const results = await Promise.allSettled([
      dispensePrescription(staff, issued.verificationCode, { quantity_0: "30", quantity_1: "15" }),
      dispensePrescription(colleague, issued.verificationCode, { quantity_0: "30", quantity_1: "15" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ messageKey: "prescription_already_dispensed" });
    expect(await onHand(staff, spoke.id)).toEqual({ [PARACETAMOL]: 70, [AMOXICILLIN]: 85 });
  });

  it("is for a facility's own staff, at their own facility, and refuses bad quantities at the line", async () => {
    const { spoke, staff, admin } = await districtWithSpoke();
    const { issued, doctor } = await prescriptionAt(spoke.id);
    await receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "10" });
    expect((await refusal(dispensePrescription(admin, issued.verificationCode, { quantity_0: "1" }))).code).toBe("not_found");
    expect((await refusal(dispensePrescription(doctor, issued.verificationCode, { quantity_0: "1" }))).messageKey).toBe("dispense_needs_facility");
    expect((await refusal(dispensePrescription(staff, "AAAA-BBBB", { quantity_0: "1" }))).code).toBe("not_found");
    expect((await refusal(dispensePrescription(staff, issued.verificationCode, { quantity_0: "-1", quantity_1: "x" }))).fieldErrors).toEqual({
      quantity_0: "quantity_invalid",
      quantity_1: "quantity_invalid",
    });
    expect((await refusal(dispensePrescription(staff, issued.verificationCode, { quantity_0: "0", quantity_1: "0" }))).messageKey).toBe("dispense_nothing");
    expect(await onHand(staff, spoke.id)).toEqual({ [PARACETAMOL]: 10 });
  });
});

describe("the prescribing form at a spoke", () => {
  it("shows the consultation's clinician what the patient's facility has on hand", async () => {
    const { spoke, staff } = await districtWithSpoke();
    await receiveStock(staff, spoke.id, { medicineCode: PARACETAMOL, quantity: "12" });
    const { doctor, consultationId } = await prescriptionAt(spoke.id);
    expect(await stockForPrescribing(doctor, consultationId)).toEqual({ facilityName: spoke.name, onHand: { [PARACETAMOL]: 12 } });
    expect(await stockForPrescribing(staff, consultationId)).toBeNull();
  });
});
