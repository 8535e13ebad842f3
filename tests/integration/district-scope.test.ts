import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents } from "@/db/schema";
import { setFacilityChangeWindow } from "@/lib/booking/change-window";
import { listScopedFacilities, listScopedTehsils } from "@/lib/district/list-facilities";
import { districtScopeOf } from "@/lib/district/scope";
import { updateFacilityRegistry } from "@/lib/district/update-facility";
import { createAdmin, createDistrict, createFacility, createUser } from "./fixtures";

async function twoDistricts() {
  const north = await createDistrict();
  const south = await createDistrict();
  const northUnit = await createFacility("spoke", undefined, { districtId: north.id });
  const southUnit = await createFacility("spoke", undefined, { districtId: south.id });
  return { north, south, northUnit, southUnit };
}

describe("a district office's scope", () => {
  it("is one district for a district admin and every district for a provincial admin; nobody else has one", async () => {
    const { north, south, northUnit, southUnit } = await twoDistricts();
    const districtAdmin = await createAdmin(north.id);
    const provincialAdmin = await createAdmin(null);

    const seenByDistrict = (await listScopedFacilities(districtAdmin)).map((f) => f.id);
    expect(seenByDistrict).toContain(northUnit.id);
    expect(seenByDistrict).not.toContain(southUnit.id);
    expect((await listScopedFacilities(districtAdmin)).every((f) => f.district.id === north.id)).toBe(true);
    expect((await listScopedTehsils(districtAdmin)).map((t) => t.id)).toEqual([north.tehsil.id]);

    const seenByProvince = (await listScopedFacilities(provincialAdmin)).map((f) => f.id);
    expect(seenByProvince).toEqual(expect.arrayContaining([northUnit.id, southUnit.id]));
    expect(await districtScopeOf(provincialAdmin)).toEqual({ kind: "province" });

    // An admin given no scope sees nothing, and other roles have none.
    const unscoped = await createUser("admin");
    await expect(listScopedFacilities(unscoped)).rejects.toMatchObject({ code: "not_found" });
    for (const role of ["doctor", "rhu_staff", "patient"] as const) {
      await expect(districtScopeOf(await createUser(role))).rejects.toMatchObject({ code: "not_found" });
    }
    expect(south.id).not.toBe(north.id);
  });

  it("answers not found for another district's facility, to reads and writes alike, and changes nothing there", async () => {
    const { north, southUnit } = await twoDistricts();
    const northAdmin = await createAdmin(north.id);
    await expect(updateFacilityRegistry(northAdmin, southUnit.id, { dhis2OrgUnitCode: "X1" })).rejects.toMatchObject({ code: "not_found" });
    await expect(setFacilityChangeWindow(northAdmin, southUnit.id, { minutes: 120 })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateFacilityRegistry(northAdmin, "not-a-uuid", {})).rejects.toMatchObject({ code: "not_found" });
    const [after] = (await listScopedFacilities(await createAdmin(null))).filter((f) => f.id === southUnit.id);
    expect(after).toMatchObject({ dhis2OrgUnitCode: southUnit.dhis2OrgUnitCode, patientChangeCutoffMinutes: 60 });
  });
});

describe("the facility registry", () => {
  it("records the DHIS2 code, the coordinates and the tehsil, audited with what was there before", async () => {
    const { north, northUnit } = await twoDistricts();
    const admin = await createAdmin(north.id);
    const code = `PB_T_${northUnit.id.slice(0, 8)}`;
    await updateFacilityRegistry(admin, northUnit.id, { dhis2OrgUnitCode: code, latitude: "30.0703", longitude: "71.1933", tehsilId: north.tehsil.id });
    const [saved] = (await listScopedFacilities(admin)).filter((f) => f.id === northUnit.id);
    expect(saved).toMatchObject({ dhis2OrgUnitCode: code, latitude: 30.0703, longitude: 71.1933, tehsil: { id: north.tehsil.id } });
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, northUnit.id), eq(auditEvents.action, "facility.registry")));
    expect(audit).toMatchObject({ actorId: admin.id, details: { before: { dhis2OrgUnitCode: northUnit.dhis2OrgUnitCode }, after: { dhis2OrgUnitCode: code } } });
  });

  it("refuses bad input at its field: a point outside Pakistan, half a coordinate, a bad or taken code, another district's tehsil", async () => {
    const { north, south, northUnit, southUnit } = await twoDistricts();
    const admin = await createAdmin(north.id);
    const refused = (input: Parameters<typeof updateFacilityRegistry>[2]) => updateFacilityRegistry(admin, northUnit.id, input);
    // Latitude and longitude swapped: 71° N is in the Arctic.
    await expect(refused({ latitude: "71.19", longitude: "30.07" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { latitude: "latitude_outside_pakistan", longitude: "longitude_outside_pakistan" },
    });
    await expect(refused({ latitude: "30.07" })).rejects.toMatchObject({ fieldErrors: { latitude: "coordinates_both" } });
    await expect(refused({ latitude: "north", longitude: "71" })).rejects.toMatchObject({ fieldErrors: { latitude: "latitude_invalid" } });
    await expect(refused({ dhis2OrgUnitCode: "has spaces" })).rejects.toMatchObject({ fieldErrors: { dhis2OrgUnitCode: "dhis2_code_invalid" } });
    await expect(refused({ dhis2OrgUnitCode: southUnit.dhis2OrgUnitCode! })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { dhis2OrgUnitCode: "dhis2_code_taken" },
    });
    await expect(refused({ tehsilId: south.tehsil.id })).rejects.toMatchObject({ fieldErrors: { tehsilId: "tehsil_invalid" } });
    // Blank fields clear what was set.
    await updateFacilityRegistry(admin, northUnit.id, { dhis2OrgUnitCode: "", latitude: "", longitude: "", tehsilId: "" });
    const [cleared] = (await listScopedFacilities(admin)).filter((f) => f.id === northUnit.id);
    expect(cleared).toMatchObject({ dhis2OrgUnitCode: null, latitude: null, longitude: null, tehsil: null });
  });
});
