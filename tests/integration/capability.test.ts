import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents } from "@/db/schema";
import { readFacilityCapability, unavailableAtOwnFacility } from "@/lib/district/capability";
import { endOutage, listOutages, reportOutage } from "@/lib/district/outages";
import { setFacilityEquipment } from "@/lib/district/set-equipment";
import { createAdmin, createDistrict, createDoctor, createFacility, createStaffAt, createUser } from "./fixtures";

async function unit() {
  const district = await createDistrict();
  const facility = await createFacility("spoke", undefined, { districtId: district.id });
  return { district, facility, lhv: await createStaffAt(facility.id) };
}

const stateOf = async (facilityId: string, kind: string) =>
  (await readFacilityCapability(await createDoctor(), facilityId)).items.find((i) => i.kind === kind)!;

describe("a facility's equipment", () => {
  it("is recorded by its staff: an item is there or not, and one not recorded is unknown, not absent", async () => {
    const { facility, lhv } = await unit();
    expect(await stateOf(facility.id, "glucometer")).toMatchObject({ present: null, worksNow: null });
    await setFacilityEquipment(lhv, facility.id, ["bp_apparatus", "glucometer", "thermometer", "not_a_thing"]);
    expect(await stateOf(facility.id, "glucometer")).toMatchObject({ present: true, worksNow: true, outage: null });
    expect(await stateOf(facility.id, "ecg")).toMatchObject({ present: false, worksNow: false });
    // Saving again with the glucometer unticked changes that one item, audited with before and after.
    const { changed } = await setFacilityEquipment(lhv, facility.id, ["bp_apparatus", "thermometer"]);
    expect(changed).toEqual(["glucometer"]);
    const audits = await db()
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, facility.id), eq(auditEvents.action, "facility.equipment")));
    expect(audits.at(-1)!.details).toEqual({ changed: { glucometer: { before: true, after: false } } });
  });

  it("is out of order from an outage until it is fixed, with both dates kept, one open outage an item", async () => {
    const { facility, lhv } = await unit();
    await setFacilityEquipment(lhv, facility.id, ["glucometer", "bp_apparatus"]);
    const broken = new Date(Date.now() - 3 * 60 * 60_000);
    const outage = await reportOutage(lhv, facility.id, { kind: "glucometer", reason: "Strips finished" }, broken);
    expect(await stateOf(facility.id, "glucometer")).toMatchObject({ present: true, worksNow: false, outage: { id: outage.id, reason: "Strips finished" } });
    await expect(reportOutage(lhv, facility.id, { kind: "glucometer", reason: "Still no strips" })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { kind: "outage_already_open" },
    });
    await expect(reportOutage(lhv, facility.id, { kind: "glucometer", reason: "" })).rejects.toMatchObject({ fieldErrors: { reason: "outage_reason_required" } });
    await expect(reportOutage(lhv, facility.id, { kind: "toaster", reason: "Broken" })).rejects.toMatchObject({ fieldErrors: { kind: "equipment_kind_invalid" } });

    // The host planning a visit is told; the doctor's form leaves the glucose field out.
    expect(await unavailableAtOwnFacility(lhv)).toEqual({ facilityId: facility.id, items: expect.arrayContaining(["glucometer"]) });
    expect((await unavailableAtOwnFacility(lhv)).items).not.toContain("bp_apparatus");

    await endOutage(lhv, outage.id);
    expect(await stateOf(facility.id, "glucometer")).toMatchObject({ worksNow: true, outage: null });
    const [history] = await listOutages(lhv, facility.id);
    expect(history).toMatchObject({ id: outage.id, startedAt: broken, endedAt: expect.any(Date), endedBy: lhv.id });
    await expect(endOutage(lhv, outage.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("is changed only by the facility's own staff or its district's office; another district's answers not found", async () => {
    const { district, facility, lhv } = await unit();
    const outage = await reportOutage(lhv, facility.id, { kind: "oxygen", reason: "Cylinder empty" });
    const strangers = [await createStaffAt((await createFacility("spoke")).id), await createUser("rhu_staff"), await createAdmin((await createDistrict()).id), await createUser("patient")];
    for (const actor of strangers) {
      await expect(setFacilityEquipment(actor, facility.id, ["ecg"])).rejects.toMatchObject({ code: "not_found" });
      await expect(reportOutage(actor, facility.id, { kind: "ecg", reason: "Broken lead" })).rejects.toMatchObject({ code: "not_found" });
      await expect(endOutage(actor, outage.id)).rejects.toMatchObject({ code: "not_found" });
      await expect(listOutages(actor, facility.id)).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(readFacilityCapability(await createUser("patient"), facility.id)).rejects.toMatchObject({ code: "not_found" });
    // The district's office may.
    await endOutage(await createAdmin(district.id), outage.id);
  });
});
