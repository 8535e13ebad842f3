import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { emergencyReferrals, smsOutbox, specialties, users } from "@/db/schema";
import { requestOtp } from "@/lib/auth/otp";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { fileComplaint } from "@/lib/complaints/file-complaint";
import { resolveComplaint } from "@/lib/complaints/resolve";
import { updateEmergencyReferral } from "@/lib/emergency/update";
import { registerWalkIn } from "@/lib/patients/register-walk-in";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { queueWalkIn } from "@/lib/queue/walk-in";
import { districtOperations, type OperationsRow } from "@/lib/reports/operations";
import { dashboardQuery } from "@/lib/reports/query";
import { recordAttendanceCheck } from "@/lib/staff/check-attendance";
import { recordLeave } from "@/lib/staff/record-leave";
import { setRoster } from "@/lib/staff/set-roster";
import { adjustStock } from "@/lib/stock/adjust-stock";
import { receiveStock } from "@/lib/stock/receive-stock";
import { createAdmin, createDistrict, createDoctor, createFacility, createStaffAt, uniqueClientAddress, uniquePhone } from "./fixtures";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PARACETAMOL = "paracetamol-500mg-tab";
const HERE = { latitude: 30.0421, longitude: 71.2405 };
/** The clinic (UTC+5) date of an instant, and an instant of a clinic date and time. */
const clinicDay = (at: Date) => new Date(at.getTime() + 5 * 60 * MINUTE).toISOString().slice(0, 10);
const pkt = (day: string, time: string) => new Date(`${day}T${time}:00+05:00`);
/** A datetime-local value for an instant, in the clinic's zone. */
const local = (at: Date) => new Date(at.getTime() + 5 * 60 * MINUTE).toISOString().slice(0, 16);
const everyDay = (starts: string, ends: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, starts, ends }));

async function complaintAt(facilityId: string, category: string, now?: Date) {
  const phone = uniquePhone();
  const clientAddress = uniqueClientAddress();
  await requestOtp(phone, "en", clientAddress, { now });
  const [text] = await db().select().from(smsOutbox).where(eq(smsOutbox.toPhone, phone)).orderBy(desc(smsOutbox.createdAt)).limit(1);
  const code = text!.body.match(/\d{6}/)![0];
  return fileComplaint({ category, facilityId, description: "Nobody at the counter", phone, code }, { actor: null, clientAddress, locale: "en", now });
}

async function emergencyAt(unitId: string, raisedAt: Date) {
  const lhv = await createStaffAt(unitId);
  const code = `op_${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
  await db().insert(specialties).values({ code, nameEn: code, nameUr: code });
  const doctor = await createDoctor();
  await setClinicianProfile(doctor, doctor.id, { sex: "female", specialtyCode: code, languages: ["ur"] });
  await setClinicianStatus(doctor, "online");
  const patient = await registerWalkIn(lhv, { fullName: "Shazia Parveen", sex: "female", dateOfBirth: "1990-01-01" });
  const visit = await queueWalkIn(lhv, { patientId: patient.id, target: `specialty:${code}`, triage: "emergency", chiefComplaint: "Fits" }, raisedAt);
  const [referral] = await db().select().from(emergencyReferrals).where(eq(emergencyReferrals.consultationId, visit.consultationId));
  return { lhv, referral: referral! };
}

/**
 * A district's unit over the last seven clinic days: an LHV and a doctor rostered from yesterday,
 * a medicine out for two days, three complaints, an emergency referral; and another district's
 * unit with a complaint of its own, which the office must not see.
 */
async function aWeekAtAUnit() {
  const now = new Date();
  const today = clinicDay(now);
  const yesterday = clinicDay(new Date(now.getTime() - DAY));
  const district = await createDistrict();
  const unit = await createFacility("spoke", undefined, { districtId: district.id, ...HERE });
  const admin = await createAdmin(district.id);
  const lhv = await createStaffAt(unit.id);
  const doctor = await createDoctor();
  await db().update(users).set({ facilityId: unit.id }).where(eq(users.id, doctor.id));
  for (const member of [lhv, doctor]) await setRoster(admin, member.id, { effectiveFrom: yesterday, days: everyDay("08:00", "14:00") });
  // Yesterday the LHV checked in on time and the doctor never came; today she checked in, he is on leave.
  await recordAttendanceCheck(lhv, { kind: "check_in", ...HERE, accuracy: "15" }, pkt(yesterday, "08:05"));
  await recordAttendanceCheck(lhv, { kind: "check_in", ...HERE, accuracy: "15" }, new Date(now.getTime() - MINUTE));
  await recordLeave(admin, doctor.id, { kind: "casual", startsOn: today, endsOn: today });

  // Paracetamol ran out three days ago and came back one day ago.
  const stockKeeper = await createStaffAt(unit.id);
  await receiveStock(stockKeeper, unit.id, { medicineCode: PARACETAMOL, quantity: "10" }, new Date(now.getTime() - 4 * DAY));
  await adjustStock(stockKeeper, unit.id, { medicineCode: PARACETAMOL, direction: "remove", quantity: "10", reason: "damaged" }, new Date(now.getTime() - 3 * DAY));
  await receiveStock(stockKeeper, unit.id, { medicineCode: PARACETAMOL, quantity: "200" }, new Date(now.getTime() - DAY));

  // Five days ago, a day's SLA: open and overdue. Today: one resolved, one open within its SLA.
  await complaintAt(unit.id, "staff_absent", new Date(now.getTime() - 5 * DAY));
  const resolved = await complaintAt(unit.id, "waiting_time");
  await resolveComplaint(admin, resolved.id, { resolution: "Second counter opened" });
  await complaintAt(unit.id, "cleanliness");

  // An emergency triaged 40 minutes ago: transport called 6 minutes later, gone 24 minutes after triage.
  const raisedAt = new Date(now.getTime() - 40 * MINUTE);
  const emergency = await emergencyAt(unit.id, raisedAt);
  await updateEmergencyReferral(emergency.lhv, emergency.referral.id, {
    destinationName: "DHQ Hospital",
    transport: "rescue_1122",
    transportCalledAt: local(new Date(raisedAt.getTime() + 6 * MINUTE)),
    leftAt: local(new Date(raisedAt.getTime() + 24 * MINUTE)),
  });

  const elsewhere = await createFacility("spoke", undefined, { districtId: (await createDistrict()).id });
  await complaintAt(elsewhere.id, "other");
  const week = { from: clinicDay(new Date(now.getTime() - 6 * DAY)), to: today };
  return { district, unit, admin, doctor, week, raisedAt };
}

const totalOf = (rows: OperationsRow[]) => rows.find((r) => r.key === null)!;

describe("the dashboard's operations figures", () => {
  it("count attendance, stock-outs, complaints and emergency response per facility over the period, scoped to the district", async () => {
    const { unit, admin, week, raisedAt } = await aWeekAtAUnit();
    const rows = await districtOperations(admin, dashboardQuery({ ...week, group: "facility" }));
    expect(rows.map((r) => r.key)).toEqual([unit.id, null]);
    const [row] = rows;
    // Counted: her two days and his yesterday (today he is on leave); attended: hers.
    expect(row!.attendance).toEqual({ counted: 3, attended: 2, rate: 2 / 3 });
    expect(row!.stock).toEqual({ outs: 1, outDays: 2 });
    expect(row!.complaints).toEqual({ filed: 3, open: 2, overdue: 1 });
    // Minutes are kept to the minute the facility typed (datetime-local has no seconds).
    const typedMinute = Math.floor(raisedAt.getTime() / MINUTE) * MINUTE;
    const after = (minutes: number) => Math.round(((typedMinute + minutes * MINUTE - raisedAt.getTime()) / MINUTE) * 10) / 10;
    expect(row!.emergencies).toEqual({ raised: 1, open: 1, calledMedian: after(6), leftMedian: after(24) });
    expect(totalOf(rows)).toEqual({ ...row, key: null, name: null });
  });

  it("on clinician rows, counts only attendance, of the clinicians; a period before anything happened is all zeros", async () => {
    const { doctor, admin, week } = await aWeekAtAUnit();
    const rows = await districtOperations(admin, dashboardQuery({ ...week, group: "clinician" }));
    expect(rows.map((r) => [r.key, r.attendance, r.stock, r.complaints, r.emergencies])).toEqual([
      [doctor.id, { counted: 1, attended: 0, rate: 0 }, null, null, null],
      [null, { counted: 1, attended: 0, rate: 0 }, null, null, null],
    ]);
    const before = await districtOperations(admin, dashboardQuery({ from: "2025-01-01", to: "2025-01-31", group: "facility" }));
    expect(before).toEqual([
      {
        key: null,
        name: null,
        attendance: { counted: 0, attended: 0, rate: null },
        stock: { outs: 0, outDays: 0 },
        complaints: { filed: 0, open: 0, overdue: 0 },
        emergencies: { raised: 0, open: 0, calledMedian: null, leftMedian: null },
      },
    ]);
  });

  it("for the province, rows are districts; another district's facility is not found", async () => {
    const { district, unit, week } = await aWeekAtAUnit();
    const province = await createAdmin(null);
    const rows = await districtOperations(province, dashboardQuery({ ...week, group: "district" }));
    expect(rows.find((r) => r.key === district.id)).toMatchObject({ name: district.nameEn, complaints: { filed: 3 }, stock: { outs: 1 } });
    const outsider = await createAdmin((await createDistrict()).id);
    const own = await districtOperations(outsider, dashboardQuery({ ...week, group: "facility" }));
    expect(own.map((r) => r.key)).toEqual([null]);
    await expect(districtOperations(outsider, { ...dashboardQuery({ ...week, group: "facility" }), facilityId: "not-a-uuid" })).rejects.toMatchObject({ code: "not_found" });
    // Limited to a facility outside the scope, nothing of it is counted.
    const limited = await districtOperations(outsider, { ...dashboardQuery({ ...week, group: "facility" }), facilityId: unit.id });
    expect(limited.map((r) => [r.key, r.complaints?.filed])).toEqual([[null, 0]]);
  });
});
