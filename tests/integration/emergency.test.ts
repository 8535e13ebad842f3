import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, emergencyReferrals, specialties } from "@/db/schema";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { listFacilityEmergencies, listOpenEmergencies } from "@/lib/emergency/list";
import { emergencyResponseTimes } from "@/lib/emergency/response-times";
import { updateEmergencyReferral } from "@/lib/emergency/update";
import { registerWalkIn } from "@/lib/patients/register-walk-in";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { queueWalkIn } from "@/lib/queue/walk-in";
import { createAdmin, createDistrict, createDoctor, createFacility, createStaffAt, createUser } from "./fixtures";

const MINUTE = 60_000;

async function onlineSpecialty() {
  // Specialty codes are lower-case letters and underscores.
  const code = `em_${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
  await db().insert(specialties).values({ code, nameEn: code, nameUr: code });
  const doctor = await createDoctor();
  await setClinicianProfile(doctor, doctor.id, { sex: "female", specialtyCode: code, languages: ["ur"] });
  await setClinicianStatus(doctor, "online");
  return code;
}

/** A district with a health unit and its LHV, who triages a walk-in `triage` at `at`. */
async function unitWithWalkIn(triage: "emergency" | "urgent" | "routine", at = new Date()) {
  const district = await createDistrict();
  const unit = await createFacility("spoke", undefined, { districtId: district.id });
  const lhv = await createStaffAt(unit.id);
  const specialty = await onlineSpecialty();
  const patient = await registerWalkIn(lhv, { fullName: "Nasreen Akhtar", sex: "female", dateOfBirth: "1994-03-03" });
  const visit = await queueWalkIn(lhv, { patientId: patient.id, target: `specialty:${specialty}`, triage, chiefComplaint: "Heavy bleeding after delivery" }, at);
  return { district, unit, lhv, patient, visit, specialty };
}

async function referralOf(consultationId: string) {
  const [row] = await db().select().from(emergencyReferrals).where(eq(emergencyReferrals.consultationId, consultationId));
  return row;
}

/** A datetime-local value for an instant, in the clinic's zone (UTC+5, no daylight saving). */
const local = (at: Date) => new Date(at.getTime() + 5 * 60 * MINUTE).toISOString().slice(0, 16);

describe("an emergency triage", () => {
  it("opens an emergency referral at the host's facility in the same transaction, audited; other triage levels open none", async () => {
    const { unit, lhv, patient, visit } = await unitWithWalkIn("emergency");
    const referral = await referralOf(visit.consultationId);
    expect(referral).toMatchObject({ facilityId: unit.id, patientId: patient.id, raisedBy: lhv.id, outcome: null, transport: null });
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, referral!.id), eq(auditEvents.action, "emergency_referral.raise")));
    expect(audit).toMatchObject({ actorId: lhv.id, patientId: patient.id });

    const urgent = await unitWithWalkIn("urgent");
    expect(await referralOf(urgent.visit.consultationId)).toBeUndefined();
  });
});

describe("following an emergency referral", () => {
  it("is filled in by the facility as it happens, and the outcome closes it", async () => {
    const raisedAt = new Date(Date.now() - 40 * MINUTE);
    const { lhv, visit, district } = await unitWithWalkIn("emergency", raisedAt);
    const referral = (await referralOf(visit.consultationId))!;
    const hub = await createFacility("hub", undefined, { districtId: district.id });
    const called = new Date(raisedAt.getTime() + 5 * MINUTE);
    const left = new Date(raisedAt.getTime() + 25 * MINUTE);

    await updateEmergencyReferral(lhv, referral.id, { destinationFacilityId: hub.id, transport: "rescue_1122", transportCalledAt: local(called) });
    expect(await listFacilityEmergencies(lhv)).toMatchObject([{ id: referral.id, transport: "rescue_1122", destination: hub.name, outcome: null }]);

    await updateEmergencyReferral(lhv, referral.id, {
      destinationFacilityId: hub.id,
      transport: "rescue_1122",
      transportCalledAt: local(called),
      leftAt: local(left),
      outcome: "admitted",
      outcomeNote: "Admitted to the labour ward",
    });
    const closed = (await referralOf(visit.consultationId))!;
    expect(closed).toMatchObject({ outcome: "admitted", transportCalledAt: new Date(Math.floor(called.getTime() / MINUTE) * MINUTE) });
    expect(closed.outcomeAt).toBeInstanceOf(Date);
    const admin = await createAdmin(district.id);
    expect((await listOpenEmergencies(admin)).map((r) => r.id)).not.toContain(referral.id);
    const audits = await db()
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, referral.id), eq(auditEvents.action, "emergency_referral.update")));
    expect(audits).toHaveLength(2);
    expect(audits[1]!.details).toMatchObject({ before: { outcome: null }, after: { outcome: "admitted" } });
  });

  it("refuses impossible times and missing facts at their field, and changes nothing", async () => {
    const raisedAt = new Date(Date.now() - 30 * MINUTE);
    const { lhv, visit } = await unitWithWalkIn("emergency", raisedAt);
    const referral = (await referralOf(visit.consultationId))!;
    const refused = (input: Parameters<typeof updateEmergencyReferral>[2]) => updateEmergencyReferral(lhv, referral.id, input);
    await expect(refused({ transport: "rescue_1122", transportCalledAt: local(new Date(Date.now() + 30 * MINUTE)) })).rejects.toMatchObject({
      fieldErrors: { transportCalledAt: "emergency_time_in_future" },
    });
    await expect(refused({ transport: "rescue_1122", transportCalledAt: local(new Date(raisedAt.getTime() - 2 * 60 * MINUTE)) })).rejects.toMatchObject({
      fieldErrors: { transportCalledAt: "emergency_time_before_triage" },
    });
    await expect(refused({ transportCalledAt: local(raisedAt) })).rejects.toMatchObject({ fieldErrors: { transport: "emergency_transport_required" } });
    await expect(
      refused({ transport: "private_vehicle", transportCalledAt: local(new Date(raisedAt.getTime() + 10 * MINUTE)), leftAt: local(new Date(raisedAt.getTime() + 5 * MINUTE)), destinationName: "Nishtar Hospital Multan" }),
    ).rejects.toMatchObject({ fieldErrors: { leftAt: "emergency_left_before_called" } });
    await expect(refused({ leftAt: local(raisedAt) })).rejects.toMatchObject({ fieldErrors: { destinationName: "emergency_destination_required" } });
    await expect(refused({ transport: "helicopter", outcome: "fine", transportCalledAt: "yesterday" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { transport: "emergency_transport_invalid", outcome: "emergency_outcome_invalid", transportCalledAt: "emergency_time_invalid" },
    });
    expect(await referralOf(visit.consultationId)).toMatchObject({ transport: null, transportCalledAt: null, leftAt: null, outcome: null });
  });

  it("is another facility's and another district's business only: not found to them", async () => {
    const { visit, district } = await unitWithWalkIn("emergency");
    const referral = (await referralOf(visit.consultationId))!;
    const otherUnit = await createFacility("spoke", undefined, { districtId: district.id });
    const elsewhere = await createDistrict();
    for (const actor of [await createStaffAt(otherUnit.id), await createUser("rhu_staff"), await createAdmin(elsewhere.id), await createDoctor(), await createUser("patient")]) {
      await expect(updateEmergencyReferral(actor, referral.id, { outcome: "arrived" })).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await listOpenEmergencies(await createAdmin(elsewhere.id))).map((r) => r.id)).not.toContain(referral.id);
    // The district's own office and the province see it, and may close it.
    expect((await listOpenEmergencies(await createAdmin(district.id))).map((r) => r.id)).toContain(referral.id);
    expect((await listOpenEmergencies(await createAdmin(null))).map((r) => r.id)).toContain(referral.id);
    await updateEmergencyReferral(await createAdmin(district.id), referral.id, { outcome: "lost_to_follow_up" });
  });
});

describe("the district's response times", () => {
  it("are the median and 90th percentile minutes per facility and for the whole district, over the period's referrals", async () => {
    const district = await createDistrict();
    const unit = await createFacility("spoke", undefined, { districtId: district.id });
    const lhv = await createStaffAt(unit.id);
    const specialty = await onlineSpecialty();
    // On a whole minute: the times are typed to the minute.
    const start = new Date(Math.floor((Date.now() - 6 * 60 * MINUTE) / MINUTE) * MINUTE);
    // Transport called after 2, 4, 6, 8 and 10 minutes; one patient never had transport recorded.
    const delays = [2, 4, 6, 8, 10, null];
    for (const [i, delay] of delays.entries()) {
      const raisedAt = new Date(start.getTime() + i * 30 * MINUTE);
      const patient = await registerWalkIn(lhv, { fullName: `Emergency ${i}`, sex: "male", dateOfBirth: "1970-01-01" });
      const { consultationId } = await queueWalkIn(lhv, { patientId: patient.id, target: `specialty:${specialty}`, triage: "emergency", chiefComplaint: "Chest pain" }, raisedAt);
      const referral = (await referralOf(consultationId))!;
      if (delay !== null) {
        await updateEmergencyReferral(lhv, referral.id, { transport: "rescue_1122", transportCalledAt: local(new Date(raisedAt.getTime() + delay * MINUTE)), outcome: "arrived" });
      }
    }
    const admin = await createAdmin(district.id);
    const times = await emergencyResponseTimes(admin, { from: new Date(start.getTime() - MINUTE), to: new Date() });
    const row = times.find((t) => t.facilityId === unit.id)!;
    // percentile_cont over 2, 4, 6, 8, 10: the median is 6, the 90th percentile 9.2 (linear interpolation).
    expect(row).toMatchObject({ referrals: 6, open: 1, toCalledMedian: 6, toCalledP90: 9.2, arrived: 5 });
    const total = times.at(-1)!;
    expect(total).toMatchObject({ total: true, referrals: 6, toCalledMedian: 6 });
    // Another district's office sees none of it.
    const elsewhere = await emergencyResponseTimes(await createAdmin((await createDistrict()).id), { from: start, to: new Date() });
    expect(elsewhere).toEqual([expect.objectContaining({ total: true, referrals: 0, toCalledMedian: null })]);
  });
});
