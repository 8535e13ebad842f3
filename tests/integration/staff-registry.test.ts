import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { attendanceChecks, auditEvents, staffPostings, users } from "@/db/schema";
import { listOwnChecks, recordAttendanceCheck } from "@/lib/staff/check-attendance";
import { listScopedStaff } from "@/lib/staff/list-staff";
import { postStaff } from "@/lib/staff/post-staff";
import { recordLeave } from "@/lib/staff/record-leave";
import { setRoster } from "@/lib/staff/set-roster";
import { setStaffRecord } from "@/lib/staff/set-staff-record";
import { createAdmin, createDistrict, createFacility, createStaffAt, createUser } from "./fixtures";

async function districtWithUnit() {
  const district = await createDistrict();
  const unit = await createFacility("spoke", undefined, { districtId: district.id });
  return { district, unit, admin: await createAdmin(district.id) };
}

describe("the staff registry", () => {
  it("keeps a cadre and a council number of the right format, refused at the field otherwise, audited", async () => {
    const { unit, admin } = await districtWithUnit();
    const lhv = await createStaffAt(unit.id);
    await expect(setStaffRecord(admin, lhv.id, { cadre: "lhv", registrationNumber: "12345-P" })).rejects.toMatchObject({
      fieldErrors: { registrationNumber: "pnmc_format" },
    });
    await expect(setStaffRecord(admin, lhv.id, { cadre: "astronaut" })).rejects.toMatchObject({ fieldErrors: { cadre: "cadre_required" } });
    expect(await setStaffRecord(admin, lhv.id, { cadre: "lhv", registrationNumber: "lhv-4821" })).toEqual({ cadre: "lhv", registrationNumber: "LHV-4821" });
    expect((await listScopedStaff(admin)).find((s) => s.id === lhv.id)).toMatchObject({ cadre: "lhv", registrationNumber: "LHV-4821", facilityId: unit.id });
    const [audit] = await db()
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, lhv.id), eq(auditEvents.action, "staff.record")));
    expect(audit!.details).toMatchObject({ before: null, after: { cadre: "lhv", registrationNumber: "LHV-4821" } });
  });

  it("posts staff to one facility at a time: the open posting ends the day before the next, and the account follows", async () => {
    const { district, unit, admin } = await districtWithUnit();
    const other = await createFacility("spoke", undefined, { districtId: district.id });
    const nurse = await createStaffAt(unit.id);
    await postStaff(admin, nurse.id, { facilityId: unit.id, startsOn: "2026-01-01" });
    await postStaff(admin, nurse.id, { facilityId: other.id, startsOn: "2026-06-15" });
    const postings = await db().select().from(staffPostings).where(eq(staffPostings.userId, nurse.id)).orderBy(staffPostings.startsOn);
    expect(postings.map((p) => [p.facilityId, p.startsOn, p.endsOn])).toEqual([
      [unit.id, "2026-01-01", "2026-06-14"],
      [other.id, "2026-06-15", null],
    ]);
    const [account] = await db().select({ facilityId: users.facilityId }).from(users).where(eq(users.id, nurse.id));
    expect(account!.facilityId).toBe(other.id);
    await expect(postStaff(admin, nurse.id, { facilityId: unit.id, startsOn: "2026-03-01" })).rejects.toMatchObject({ fieldErrors: { startsOn: "posting_before_current" } });
    await expect(postStaff(admin, nurse.id, { facilityId: unit.id, startsOn: "15/06/2026" })).rejects.toMatchObject({ fieldErrors: { startsOn: "posting_date_invalid" } });
    // The database holds it too: overlapping postings are refused whoever writes them.
    await expect(
      db().insert(staffPostings).values({ userId: nurse.id, facilityId: unit.id, startsOn: "2026-05-01", endsOn: "2026-07-01", postedBy: admin.id }),
    ).rejects.toMatchObject({ cause: { code: "23P01" } });
  });

  it("is another district's business only: its staff and its facilities answer not found", async () => {
    const mine = await districtWithUnit();
    const theirs = await districtWithUnit();
    const theirNurse = await createStaffAt(theirs.unit.id);
    await expect(setStaffRecord(mine.admin, theirNurse.id, { cadre: "nurse", registrationNumber: "123456" })).rejects.toMatchObject({ code: "not_found" });
    await expect(postStaff(mine.admin, theirNurse.id, { facilityId: mine.unit.id, startsOn: "2026-02-01" })).rejects.toMatchObject({ code: "not_found" });
    const myNurse = await createStaffAt(mine.unit.id);
    await expect(postStaff(mine.admin, myNurse.id, { facilityId: theirs.unit.id, startsOn: "2026-02-01" })).rejects.toMatchObject({
      fieldErrors: { facilityId: "posting_facility_invalid" },
    });
    expect((await listScopedStaff(mine.admin)).map((s) => s.id)).not.toContain(theirNurse.id);
    const patient = await createUser("patient");
    await expect(setStaffRecord(await createAdmin(null), patient.id, { cadre: "other" })).rejects.toMatchObject({ code: "not_found" });
    await expect(listScopedStaff(await createUser("rhu_staff"))).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("checking in on the facility's device", () => {
  // The facility's point, and places 60 m and 3 km from it (0.00054° and 0.027° of latitude).
  const HERE = { latitude: 30.0421, longitude: 71.2405 };

  it("keeps the distance to the facility with each check, and whether it was inside the geofence", async () => {
    const district = await createDistrict();
    const unit = await createFacility("spoke", undefined, { districtId: district.id, ...HERE });
    const lhv = await createStaffAt(unit.id);
    const inside = await recordAttendanceCheck(lhv, { kind: "check_in", latitude: HERE.latitude + 0.00054, longitude: HERE.longitude, accuracy: 25 });
    expect(inside).toMatchObject({ facilityId: unit.id, kind: "check_in", withinGeofence: true, accuracyM: 25 });
    expect(inside.distanceM).toBeGreaterThanOrEqual(59);
    expect(inside.distanceM).toBeLessThanOrEqual(61);
    const away = await recordAttendanceCheck(lhv, { kind: "check_out", latitude: HERE.latitude + 0.027, longitude: HERE.longitude, accuracy: 30 });
    expect(away).toMatchObject({ withinGeofence: false });
    expect(away.distanceM).toBeGreaterThan(2900);
    expect((await listOwnChecks(lhv, new Date(Date.now() - 60_000))).map((c) => c.kind)).toEqual(["check_out", "check_in"]);
    // The evidence is not the app's to rewrite.
    await expect(db().update(attendanceChecks).set({ withinGeofence: true }).where(eq(attendanceChecks.id, away.id))).rejects.toMatchObject({ cause: { code: "42501" } });
  });

  it("refuses a missing or rough location, and a facility whose location nobody recorded", async () => {
    const unit = await createFacility("spoke", undefined, HERE);
    const lhv = await createStaffAt(unit.id);
    await expect(recordAttendanceCheck(lhv, { kind: "check_in" })).rejects.toMatchObject({ fieldErrors: { latitude: "location_missing" } });
    await expect(recordAttendanceCheck(lhv, { kind: "check_in", ...HERE, accuracy: 2000 })).rejects.toMatchObject({ fieldErrors: { accuracy: "location_too_imprecise" } });
    const unmapped = await createStaffAt((await createFacility("spoke")).id);
    await expect(recordAttendanceCheck(unmapped, { kind: "check_in", ...HERE, accuracy: 10 })).rejects.toMatchObject({ messageKey: "facility_has_no_location" });
    await expect(recordAttendanceCheck(await createUser("rhu_staff"), { kind: "check_in", ...HERE, accuracy: 10 })).rejects.toMatchObject({ messageKey: "not_posted" });
    await expect(recordAttendanceCheck(await createUser("patient"), { kind: "check_in", ...HERE, accuracy: 10 })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the duty roster and leave", () => {
  it("keeps a weekly roster from a date, the newest begun being in force, refused at the day that cannot be right", async () => {
    const { unit, admin } = await districtWithUnit();
    const lhv = await createStaffAt(unit.id);
    const week = (starts: string, ends: string) => [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, starts, ends }));
    await expect(setRoster(admin, lhv.id, { effectiveFrom: "2026-01-01", days: [{ weekday: 2, starts: "14:00", ends: "08:00" }] })).rejects.toMatchObject({
      fieldErrors: { shift_2: "roster_end_before_start" },
    });
    expect((await setRoster(admin, lhv.id, { effectiveFrom: "2026-01-01", days: week("08:00", "14:00") })).weeklyHours).toBe(36);
    // A later roster takes over from its date; one far in the future is not yet in force.
    await setRoster(admin, lhv.id, { effectiveFrom: "2026-06-01", days: [...week("08:00", "14:00").slice(0, 5), { weekday: 6, starts: "", ends: "" }] });
    await setRoster(admin, lhv.id, { effectiveFrom: "2099-01-01", days: week("09:00", "10:00") });
    const row = (await listScopedStaff(admin)).find((s) => s.id === lhv.id)!;
    expect(row.roster!.effectiveFrom).toBe("2026-06-01");
    expect(row.roster!.shifts.map((s) => s.weekday)).toEqual([1, 2, 3, 4, 5]);
    const other = await districtWithUnit();
    await expect(setRoster(other.admin, lhv.id, { effectiveFrom: "2026-01-01", days: [] })).rejects.toMatchObject({ code: "not_found" });
  });

  it("records leave that cannot overlap other leave, and lists what is still to come", async () => {
    const { unit, admin } = await districtWithUnit();
    const nurse = await createStaffAt(unit.id);
    await expect(recordLeave(admin, nurse.id, { kind: "holiday", startsOn: "2099-03-01", endsOn: "2099-03-01" })).rejects.toMatchObject({
      fieldErrors: { kind: "leave_kind_required" },
    });
    await expect(recordLeave(admin, nurse.id, { kind: "sick", startsOn: "2099-03-05", endsOn: "2099-03-01" })).rejects.toMatchObject({
      fieldErrors: { endsOn: "leave_end_before_start" },
    });
    await recordLeave(admin, nurse.id, { kind: "sick", startsOn: "2099-03-01", endsOn: "2099-03-03", note: "Dengue" });
    await expect(recordLeave(admin, nurse.id, { kind: "casual", startsOn: "2099-03-03", endsOn: "2099-03-04" })).rejects.toMatchObject({ fieldErrors: { startsOn: "leave_overlaps" } });
    await recordLeave(admin, nurse.id, { kind: "casual", startsOn: "2099-03-04", endsOn: "2099-03-04" });
    expect((await listScopedStaff(admin)).find((s) => s.id === nurse.id)!.leave.map((l) => [l.kind, l.startsOn, l.endsOn])).toEqual([
      ["sick", "2099-03-01", "2099-03-03"],
      ["casual", "2099-03-04", "2099-03-04"],
    ]);
  });
});
