import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { specialties } from "@/db/schema";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { endConsultation } from "@/lib/consult/end-consultation";
import { recordCallMode } from "@/lib/consult/record-call-mode";
import { registerWalkIn } from "@/lib/patients/register-walk-in";
import { admitNext } from "@/lib/queue/admit";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { queueWalkIn } from "@/lib/queue/walk-in";
import { referPatient } from "@/lib/records/refer";
import { districtDashboard } from "@/lib/reports/dashboard";
import { createAdmin, createDistrict, createDoctor, createFacility, createStaffAt, createUser } from "./fixtures";

const HOUR = 60 * 60_000;
const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

/** A district whose health unit's LHV hosts three walk-ins seen by one doctor of its hospital. */
async function districtWithVisits() {
  const district = await createDistrict();
  const hub = await createFacility("hub", undefined, { districtId: district.id });
  const unit = await createFacility("spoke", undefined, { districtId: district.id });
  const lhv = await createStaffAt(unit.id);
  const specialtyCode = `dash_${letters()}`;
  await db().insert(specialties).values({ code: specialtyCode, nameEn: specialtyCode, nameUr: specialtyCode });
  const doctor = await createDoctor();
  await setClinicianProfile(doctor, doctor.id, { sex: "female", specialtyCode, languages: ["ur"], facilityId: hub.id });
  await setClinicianStatus(doctor, "online");
  const people = [
    { fullName: "Rubina Kausar", sex: "female", dateOfBirth: "1993-01-01" },
    { fullName: "Ali Raza", sex: "male", dateOfBirth: new Date(Date.now() - 3 * 365.25 * 24 * HOUR).toISOString().slice(0, 10) },
    { fullName: "Hajra Bibi", sex: "female", dateOfBirth: "1950-06-06" },
  ] as const;
  const consultations: string[] = [];
  for (const person of people) {
    const patient = await registerWalkIn(lhv, person);
    await queueWalkIn(lhv, { patientId: patient.id, target: `clinician:${doctor.id}`, triage: "routine", chiefComplaint: "Fever and cough" });
    const { consultationId } = await admitNext(doctor);
    consultations.push(consultationId);
    if (consultations.length === 1) await recordCallMode(doctor, consultationId, { mode: "audio_only", reason: "poor_connection", connectionQuality: "poor" });
    if (consultations.length === 2) await referPatient(doctor, consultationId, { specialtyCode, urgency: "routine", reason: "Wheeze: see a paediatrician" });
    await endConsultation(doctor, consultationId);
  }
  return { district, hub, unit, doctor, consultations };
}

const today = () => ({ from: new Date(Date.now() - HOUR), to: new Date(Date.now() + HOUR) });

describe("the district dashboard", () => {
  it("counts what was seen at each facility, by sex, age band and route, with waits, fallbacks and referrals, and a total", async () => {
    const { district, unit, doctor } = await districtWithVisits();
    const admin = await createAdmin(district.id);
    const rows = await districtDashboard(admin, { ...today(), groupBy: "facility" });
    const atUnit = rows.find((r) => r.key === unit.id)!;
    expect(atUnit).toMatchObject({
      consultations: 3,
      female: 2,
      male: 1,
      ageBands: { under_1: 0, "1_4": 1, "5_14": 0, "15_49": 1, "50_plus": 1 },
      walkIn: 3,
      booked: 0,
      audioOnly: 1,
      dropped: 0,
      referrals: 1,
    });
    expect(atUnit.waitMedian).toBeGreaterThanOrEqual(0);
    expect(atUnit.waitP90).toBeGreaterThanOrEqual(atUnit.waitMedian!);
    // The hospital saw nobody itself: the walk-ins belong to the unit that hosted them.
    expect(rows.find((r) => r.name === null)).toMatchObject({ key: null, consultations: 3, referrals: 1 });
    expect(rows.at(-1)!.name).toBeNull();

    const byClinician = await districtDashboard(admin, { ...today(), groupBy: "clinician" });
    expect(byClinician.find((r) => r.key === doctor.id)).toMatchObject({ name: doctor.name, consultations: 3, referrals: 1 });
    const byDistrict = await districtDashboard(await createAdmin(null), { ...today(), groupBy: "district" });
    expect(byDistrict.find((r) => r.key === district.id)).toMatchObject({ name: district.nameEn, consultations: 3 });
  });

  it("shows another district nothing of it, and a period before it nothing at all", async () => {
    const { unit } = await districtWithVisits();
    const elsewhere = await createAdmin((await createDistrict()).id);
    const theirs = await districtDashboard(elsewhere, { ...today(), groupBy: "facility" });
    expect(theirs.map((r) => r.key)).not.toContain(unit.id);
    await expect(districtDashboard(elsewhere, { ...today(), groupBy: "facility", facilityId: unit.id })).resolves.toEqual([
      expect.objectContaining({ key: null, consultations: 0 }),
    ]);
    const province = await createAdmin(null);
    const before = await districtDashboard(province, { from: new Date(Date.now() - 48 * HOUR), to: new Date(Date.now() - 24 * HOUR), groupBy: "facility", facilityId: unit.id });
    expect(before).toEqual([expect.objectContaining({ key: null, consultations: 0, waitMedian: null })]);
    await expect(districtDashboard(await createUser("doctor"), { ...today(), groupBy: "facility" })).rejects.toMatchObject({ code: "not_found" });
    await expect(districtDashboard(province, { from: new Date(), to: new Date(Date.now() - HOUR), groupBy: "facility" })).rejects.toMatchObject({ code: "invalid" });
  });
});
