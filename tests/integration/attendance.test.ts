import { and, eq, lte } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { attendanceDayFacts, attendanceJudgedDays, attendanceMonthFacts, attendanceStaleDays, consultations, presenceEvents, specialties, users } from "@/db/schema";
import { attendanceEvidence } from "@/lib/attendance/day-evidence";
import { judgeClosedDays } from "@/lib/attendance/judge-closed-days";
import { attendanceOfStaff } from "@/lib/attendance/staff-days";
import { attendanceSummary } from "@/lib/attendance/summary";
import { districtOperations } from "@/lib/reports/operations";
import { dashboardQuery } from "@/lib/reports/query";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { registerWalkIn } from "@/lib/patients/register-walk-in";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { queueWalkIn } from "@/lib/queue/walk-in";
import { recordAttendanceCheck } from "@/lib/staff/check-attendance";
import { postStaff } from "@/lib/staff/post-staff";
import { recordLeave } from "@/lib/staff/record-leave";
import { setRoster } from "@/lib/staff/set-roster";
import { setStaffRecord } from "@/lib/staff/set-staff-record";
import { consultationInCall, createAdmin, createDistrict, createDoctor, createFacility, createStaffAt, createUser } from "./fixtures";

// The facility's point, and a place 3 km from it (0.027° of latitude).
const HERE = { latitude: 30.0421, longitude: 71.2405 };
const FAR = { latitude: HERE.latitude + 0.027, longitude: HERE.longitude };
/** An instant of a clinic (Pakistan, UTC+5) date and time. */
const pkt = (day: string, time: string) => new Date(`${day}T${time}:00+05:00`);
const week = (starts: string, ends: string, days = [1, 2, 3, 4, 5, 6, 7]) => days.map((weekday) => ({ weekday, starts, ends }));
// Monday 16 to Sunday 22 November 2026, judged on Saturday the 21st at 10:00.
const PERIOD = { fromDay: "2026-11-16", toDay: "2026-11-22" };
const NOW = pkt("2026-11-21", "10:00");

async function specialtyWithOnlineDoctor() {
  const letters = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  const [specialty] = await db().insert(specialties).values({ code: `test_${letters}`, nameEn: `Test ${letters}`, nameUr: `ٹیسٹ ${letters}` }).returning();
  const doctor = await createDoctor();
  await setClinicianProfile(doctor, doctor.id, { sex: "female", specialtyCode: specialty!.code, languages: ["ur"] });
  await setClinicianStatus(doctor, "online");
  return specialty!.code;
}

/** A unit in a district of its own, its office, an LHV and a doctor working there, both on a roster from 1 November. */
async function unitWithRosteredStaff() {
  const district = await createDistrict();
  const unit = await createFacility("spoke", undefined, { districtId: district.id, ...HERE });
  const admin = await createAdmin(district.id);
  const lhv = await createStaffAt(unit.id);
  await setStaffRecord(admin, lhv.id, { cadre: "lhv", registrationNumber: "LHV-1001" });
  // Monday to Saturday, 08:00–14:00; Sunday off.
  await setRoster(admin, lhv.id, { effectiveFrom: "2026-11-01", days: week("08:00", "14:00", [1, 2, 3, 4, 5, 6]) });
  const doctor = await createDoctor();
  await db().update(users).set({ facilityId: unit.id }).where(eq(users.id, doctor.id));
  await setStaffRecord(admin, doctor.id, { cadre: "doctor", registrationNumber: "12345-P" });
  await setRoster(admin, doctor.id, { effectiveFrom: "2026-11-01", days: week("09:00", "17:00") });
  return { district, unit, admin, lhv, doctor };
}

// Each day is judged from the records when it is read, or read from the job's kept judgement of
// the closed days (attendance_day_facts), or judged again after later records marked it stale:
// the three must agree on every figure.
const judge = async () => {
  await judgeClosedDays(NOW, 10 * 60_000);
};
const nothing = async () => {};
const ways = [
  { way: "judged when read", afterSetup: nothing, beforeRead: nothing },
  { way: "kept by the job", afterSetup: nothing, beforeRead: judge },
  { way: "kept, then marked stale by what was recorded later", afterSetup: judge, beforeRead: nothing },
];

describe.each(ways)("attendance from what the platform recorded ($way)", ({ afterSetup, beforeRead }) => {
  const unitWithStaff = async () => {
    const unit = await unitWithRosteredStaff();
    await afterSetup();
    return unit;
  };

  it("judges each day against the roster: present, late, absent (a check outside the geofence is no evidence), on leave, off, not yet", async () => {
    const { unit, admin, lhv } = await unitWithStaff();
    const inside = { ...HERE, accuracy: "20" };
    await recordAttendanceCheck(lhv, { kind: "check_in", ...inside }, pkt("2026-11-16", "08:05"));
    await recordAttendanceCheck(lhv, { kind: "check_out", ...inside }, pkt("2026-11-16", "14:02"));
    await recordAttendanceCheck(lhv, { kind: "check_in", ...inside }, pkt("2026-11-17", "09:00"));
    // Wednesday: nothing. Thursday: a check 3 km away.
    await recordAttendanceCheck(lhv, { kind: "check_in", ...FAR, accuracy: "20" }, pkt("2026-11-19", "08:00"));
    await recordLeave(admin, lhv.id, { kind: "casual", startsOn: "2026-11-20", endsOn: "2026-11-20" });

    await beforeRead();
    const { days } = await attendanceOfStaff(admin, lhv.id, PERIOD, NOW);
    expect(days.map((d) => [d.day, d.status])).toEqual([
      ["2026-11-16", "present"],
      ["2026-11-17", "late"],
      ["2026-11-18", "absent"],
      ["2026-11-19", "absent"],
      ["2026-11-20", "on_leave"],
      ["2026-11-21", "pending"],
      ["2026-11-22", "off"],
    ]);
    expect(days[0]).toMatchObject({ checks: 2, firstSeen: pkt("2026-11-16", "08:05"), shift: { startsMinute: 480, endsMinute: 840 }, facilityName: unit.name });
    expect(days[4]).toMatchObject({ leaveKind: "casual" });

    // The evidence of the questioned Thursday: the check was kept, with its distance, as outside.
    await beforeRead();
    const evidence = await attendanceEvidence(admin, lhv.id, "2026-11-19", NOW);
    expect(evidence.day.status).toBe("absent");
    expect(evidence.checks).toHaveLength(1);
    expect(evidence.checks[0]).toMatchObject({ kind: "check_in", withinGeofence: false, at: pkt("2026-11-19", "08:00") });
    expect(evidence.checks[0]!.distanceM).toBeGreaterThan(2900);

    // Her account disabled on Wednesday: the days before stay as they were; from Wednesday none is expected of her.
    await db().update(users).set({ disabledAt: pkt("2026-11-18", "11:00") }).where(eq(users.id, lhv.id));
    await beforeRead();
    const afterDisabling = await attendanceOfStaff(admin, lhv.id, PERIOD, NOW);
    expect(afterDisabling.days.map((d) => [d.day, d.status])).toEqual([
      ["2026-11-16", "present"],
      ["2026-11-17", "late"],
    ]);
    await db().update(users).set({ disabledAt: null }).where(eq(users.id, lhv.id));

    // Saturday's shift ends at 14:00: after it, the day is an absence.
    await beforeRead();
    const later = await attendanceOfStaff(admin, lhv.id, { fromDay: "2026-11-21", toDay: "2026-11-21" }, pkt("2026-11-21", "14:01"));
    expect(later.days[0]!.status).toBe("absent");
  });

  it("counts a clinician's online minutes and admitted consultations, and a hosted call, as presence", async () => {
    const { admin, lhv, doctor } = await unitWithStaff();
    // The clinician's status changes as the queue logs them: online 09:10, busy 10:00, away 12:10.
    await db().insert(presenceEvents).values([
      { kind: "clinician_online", userId: doctor.id, occurredAt: pkt("2026-11-16", "09:10") },
      { kind: "clinician_busy", userId: doctor.id, occurredAt: pkt("2026-11-16", "10:00") },
      { kind: "clinician_away", userId: doctor.id, occurredAt: pkt("2026-11-16", "12:10") },
    ]);
    // Tuesday: the doctor admitted a patient at 09:40 (late; the shift began at 09:00).
    const { consultationId } = await consultationInCall(doctor);
    await db().update(consultations).set({ admittedAt: pkt("2026-11-17", "09:40"), firstAdmittedAt: pkt("2026-11-17", "09:40") }).where(eq(consultations.id, consultationId));
    // Saturday: the LHV hosted a walk-in at 08:10, checked in through the queue at that time.
    const target = `specialty:${await specialtyWithOnlineDoctor()}`;
    const patient = await registerWalkIn(lhv, { fullName: "Saima Bibi", sex: "female", dateOfBirth: "1990-02-02" });
    await queueWalkIn(lhv, { patientId: patient.id, target, triage: "routine", chiefComplaint: "Cough" }, pkt("2026-11-21", "08:10"));

    await beforeRead();
    const doctorDays = (await attendanceOfStaff(admin, doctor.id, PERIOD, NOW)).days;
    expect(doctorDays[0]).toMatchObject({ status: "present", onlineMinutes: 180 });
    expect(doctorDays[1]).toMatchObject({ status: "late", conducted: 1 });
    await beforeRead();
    const lhvSaturday = (await attendanceOfStaff(admin, lhv.id, { fromDay: "2026-11-21", toDay: "2026-11-21" }, NOW)).days[0]!;
    expect(lhvSaturday).toMatchObject({ status: "present", hosted: 1 });
    await beforeRead();
    const evidence = await attendanceEvidence(admin, doctor.id, "2026-11-16", NOW);
    expect(evidence.statuses.map((s) => s.status)).toEqual(["online", "busy", "away"]);
  });

  it("rates each facility and cadre over the period, lists the absences without leave, and keeps to the office's district", async () => {
    const { unit, admin, lhv, doctor } = await unitWithStaff();
    const inside = { ...HERE, accuracy: "20" };
    // The LHV is seen Monday and Tuesday (late), on leave Wednesday to Friday: 2 of 2 counted days.
    await recordAttendanceCheck(lhv, { kind: "check_in", ...inside }, pkt("2026-11-16", "07:55"));
    await recordAttendanceCheck(lhv, { kind: "check_in", ...inside }, pkt("2026-11-17", "08:30"));
    await recordLeave(admin, lhv.id, { kind: "sick", startsOn: "2026-11-18", endsOn: "2026-11-20" });
    // The doctor is seen Monday only: 1 of 5 counted days (Saturday is not over, Sunday not yet begun).
    await recordAttendanceCheck(doctor, { kind: "check_in", ...inside }, pkt("2026-11-16", "08:50"));
    const unrostered = await createStaffAt(unit.id);

    await beforeRead();
    const summary = await attendanceSummary(admin, PERIOD, NOW);
    expect(summary.total).toMatchObject({ present: 2, late: 1, absent: 4, onLeave: 3, counted: 7 });
    expect(summary.total.rate).toBeCloseTo(3 / 7);
    expect(summary.byFacility).toEqual([expect.objectContaining({ facilityId: unit.id, counted: 7, present: 2, late: 1, absent: 4 })]);
    const byCadre = Object.fromEntries(summary.byCadre.map((c) => [c.cadre ?? "none", c]));
    expect(byCadre.lhv).toMatchObject({ present: 1, late: 1, absent: 0, onLeave: 3, rate: 1 });
    expect(byCadre.doctor).toMatchObject({ present: 1, absent: 4, pending: 2 });
    expect(byCadre.doctor!.rate).toBeCloseTo(1 / 5);
    expect(byCadre.none).toMatchObject({ noRoster: 7, counted: 0, rate: null });
    expect(summary.byStaff.find((s) => s.userId === unrostered.id)).toMatchObject({ noRoster: 7 });
    expect(summary.byDay.map((d) => [d.day, d.present + d.late, d.absent])).toEqual([
      ["2026-11-16", 2, 0],
      ["2026-11-17", 1, 1],
      ["2026-11-18", 0, 1],
      ["2026-11-19", 0, 1],
      ["2026-11-20", 0, 1],
      ["2026-11-21", 0, 0],
      ["2026-11-22", 0, 0],
    ]);
    expect(summary.absences.map((a) => [a.userId, a.day])).toEqual(["2026-11-20", "2026-11-19", "2026-11-18", "2026-11-17"].map((day) => [doctor.id, day]));

    // Another district's office sees none of it, and the day's evidence is "not found" to it.
    const elsewhere = await createAdmin((await createDistrict()).id);
    await beforeRead();
    expect((await attendanceSummary(elsewhere, PERIOD, NOW)).total.counted).toBe(0);
    await expect(attendanceOfStaff(elsewhere, lhv.id, PERIOD, NOW)).rejects.toMatchObject({ code: "not_found" });
    await expect(attendanceEvidence(elsewhere, lhv.id, "2026-11-16", NOW)).rejects.toMatchObject({ code: "not_found" });
    await expect(attendanceSummary(await createUser("rhu_staff"), PERIOD, NOW)).rejects.toMatchObject({ code: "not_found" });
    await expect(attendanceSummary(admin, { fromDay: "2026-11-22", toDay: "2026-11-16" }, NOW)).rejects.toMatchObject({ fieldErrors: { to: "period_invalid" } });
    await expect(attendanceSummary(admin, { fromDay: "2025-01-01", toDay: "2026-11-16" }, NOW)).rejects.toMatchObject({ fieldErrors: { to: "period_invalid" } });
  });

  it("follows a posting: a day belongs to the facility the member of staff was posted to on it", async () => {
    const { district, unit, admin, lhv } = await unitWithStaff();
    const other = await createFacility("spoke", undefined, { districtId: district.id, ...HERE });
    await postStaff(admin, lhv.id, { facilityId: unit.id, startsOn: "2026-11-01" });
    await postStaff(admin, lhv.id, { facilityId: other.id, startsOn: "2026-11-19" });
    await beforeRead();
    const { days } = await attendanceOfStaff(admin, lhv.id, PERIOD, NOW);
    expect(days.map((d) => d.facilityName)).toEqual([unit.name, unit.name, unit.name, other.name, other.name, other.name, other.name]);
    await beforeRead();
    const summary = await attendanceSummary(admin, { ...PERIOD, facilityId: other.id }, NOW);
    expect(summary.byStaff.map((s) => s.userId)).toEqual([lhv.id]);
    expect(summary.total).toMatchObject({ absent: 2, pending: 1, off: 1 });
  });
});

describe("the attendance job", () => {
  it("keeps each closed day's judgement once, and judges a day again when a record of it arrives late", async () => {
    const { admin, lhv } = await unitWithRosteredStaff();
    await judgeClosedDays(NOW, 10 * 60_000);
    // Judged through Friday the 20th (Saturday the 21st is today at NOW); nothing is left to do.
    const judged = await db().select().from(attendanceJudgedDays).where(eq(attendanceJudgedDays.day, "2026-11-20"));
    expect(judged).toHaveLength(1);
    expect(await judgeClosedDays(NOW)).toEqual({ days: [], rejudged: 0 });
    const kept = (day: string) =>
      db().select().from(attendanceDayFacts).where(and(eq(attendanceDayFacts.userId, lhv.id), eq(attendanceDayFacts.day, day)));
    expect((await kept("2026-11-18"))[0]).toMatchObject({ status: "absent", checks: 0 });

    // Wednesday's check-in reaches the server on Saturday, from a device that was offline.
    await recordAttendanceCheck(lhv, { kind: "check_in", ...HERE, accuracy: "20" }, pkt("2026-11-18", "07:58"));
    // (Days after the judged ones may carry marks too: they are judged when they are reached.)
    const marksOfJudgedDays = () =>
      db().select().from(attendanceStaleDays).where(and(eq(attendanceStaleDays.userId, lhv.id), lte(attendanceStaleDays.day, "2026-11-20")));
    expect((await marksOfJudgedDays()).map((m) => m.day)).toEqual(["2026-11-18"]);
    // Read before the job runs again: judged afresh, not the kept absence.
    const wednesday = { fromDay: "2026-11-18", toDay: "2026-11-18" };
    expect((await attendanceOfStaff(admin, lhv.id, wednesday, NOW)).days[0]).toMatchObject({ status: "present", checks: 1 });

    expect(await judgeClosedDays(NOW)).toEqual({ days: [], rejudged: 1 });
    expect((await kept("2026-11-18"))[0]).toMatchObject({ status: "present", checks: 1 });
    expect(await marksOfJudgedDays()).toEqual([]);
    expect((await attendanceOfStaff(admin, lhv.id, wednesday, NOW)).days[0]).toMatchObject({ status: "present", checks: 1 });
  });

  it("rates whole months from the month sums, other days from the facility-day sums, and a person with a marked day day by day", async () => {
    const { unit, admin, lhv } = await unitWithRosteredStaff();
    const inside = { ...HERE, accuracy: "20" };
    // November: the LHV is due on the 25 days that are not Sundays, the doctor on all 30. She is
    // seen on the 2nd (on time) and the 3rd (late); nothing else is recorded.
    await recordAttendanceCheck(lhv, { kind: "check_in", ...inside }, pkt("2026-11-02", "08:00"));
    await recordAttendanceCheck(lhv, { kind: "check_in", ...inside }, pkt("2026-11-03", "09:00"));
    const december = pkt("2026-12-01", "10:00");
    const november = () => districtOperations(admin, dashboardQuery({ from: "2026-11-01", to: "2026-11-30", group: "facility" }), december);
    // From the 2nd: no whole month, so the days come from the facility-day sums (and, on clinician
    // rows, person by person). The 1st was a Sunday, so she is due 25 days of it and he 29.
    const fromTheSecond = (group: "facility" | "clinician") =>
      districtOperations(admin, dashboardQuery({ from: "2026-11-02", to: "2026-11-30", group }), december);
    const expected = { counted: 55, attended: 2, rate: 2 / 55 };
    const partly = async () => ({ unit: (await fromTheSecond("facility"))[0]!.attendance, doctor: (await fromTheSecond("clinician"))[0]!.attendance });
    const expectedPartly = { unit: { counted: 54, attended: 2, rate: 2 / 54 }, doctor: { counted: 29, attended: 0, rate: 0 } };
    expect((await november())[0]!.attendance).toEqual(expected);
    expect(await partly()).toEqual(expectedPartly);

    await judgeClosedDays(december, 10 * 60_000);
    const sums = await db().select().from(attendanceMonthFacts).where(and(eq(attendanceMonthFacts.userId, lhv.id), eq(attendanceMonthFacts.month, "2026-11-01")));
    expect(sums).toEqual([expect.objectContaining({ facilityId: unit.id, present: 1, late: 1, absent: 23, off: 5 })]);
    expect((await november())[0]!.attendance).toEqual(expected);
    expect(await partly()).toEqual(expectedPartly);

    // A check from the 4th arrives late: her month is counted day by day until the job judges the 4th again.
    await recordAttendanceCheck(lhv, { kind: "check_in", ...inside }, pkt("2026-11-04", "08:10"));
    const withTheFourth = { unit: { counted: 54, attended: 3, rate: 3 / 54 }, doctor: expectedPartly.doctor };
    expect((await november())[0]!.attendance).toEqual({ counted: 55, attended: 3, rate: 3 / 55 });
    expect(await partly()).toEqual(withTheFourth);
    await judgeClosedDays(december);
    expect((await november())[0]!.attendance).toEqual({ counted: 55, attended: 3, rate: 3 / 55 });
    expect(await partly()).toEqual(withTheFourth);
  });
});
