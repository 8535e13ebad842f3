import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { consultations, facilities, patients, specialties } from "@/db/schema";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { checkDroppedCall } from "@/lib/consult/dropped-call";
import { recordCallMode } from "@/lib/consult/record-call-mode";
import { periodOf } from "@/lib/dhis2/periods";
import { facilityFigures } from "@/lib/dhis2-export/figures";
import { registerWalkIn } from "@/lib/patients/register-walk-in";
import { admitNext } from "@/lib/queue/admit";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { addOnCallShift, getOnCallStatus, pickUpNextOnCall, seeDoctorNow } from "@/lib/queue/on-call";
import { patientConnected } from "@/lib/queue/presence";
import { queueWalkIn } from "@/lib/queue/walk-in";
import { referPatient } from "@/lib/records/refer";
import { districtDashboard } from "@/lib/reports/dashboard";
import { consultationInCall, createAdmin, createDistrict, createDoctor, createFacility, createPatientAccount, createStaffAt, createUser } from "./fixtures";
import { ensureLiveKit } from "./support/livekit-server";

const HOUR = 60 * 60_000;
const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

// The dropped-call check asks the real LiveKit who is in the room.
let stopLiveKit: () => Promise<void> = async () => {};
beforeAll(async () => {
  stopLiveKit = await ensureLiveKit();
}, 40_000);
afterAll(() => stopLiveKit());

type Fact = { facility_id: string; district_id: string; clinician_id: string | null; sex: string; years: number; route: string; wait: number; dropped: boolean; audio_only: boolean };

async function factOf(consultationId: string): Promise<Fact | undefined> {
  const [row] = await db().execute<Fact>(sql`
    select facility_id, district_id, clinician_id, sex, years, route, wait, dropped, audio_only
      from consultation_report_facts where consultation_id = ${consultationId}`);
  return row;
}

/** What the definition (the view) says now, to hold the kept row against. */
async function definitionOf(consultationId: string): Promise<Fact | undefined> {
  const [row] = await db().execute<Fact>(sql`
    select facility_id, district_id, clinician_id, sex, years, route, wait, dropped, audio_only
      from consultation_report_source where consultation_id = ${consultationId}`);
  return row;
}

async function expectFollows(consultationId: string, expected: Partial<Fact> | undefined) {
  const fact = await factOf(consultationId);
  expect(fact).toEqual(await definitionOf(consultationId));
  if (expected === undefined) expect(fact).toBeUndefined();
  else expect(fact).toMatchObject(expected);
}

/** A district with a health unit whose LHV hosts walk-ins for one doctor of the district's hospital. */
async function unitWithDoctor() {
  const district = await createDistrict();
  const hub = await createFacility("hub", undefined, { districtId: district.id });
  const unit = await createFacility("spoke", undefined, { districtId: district.id });
  const lhv = await createStaffAt(unit.id);
  const specialtyCode = `facts_${letters()}`;
  await db().insert(specialties).values({ code: specialtyCode, nameEn: specialtyCode, nameUr: specialtyCode });
  const doctor = await createDoctor();
  await setClinicianProfile(doctor, doctor.id, { sex: "female", specialtyCode, languages: ["ur"], facilityId: hub.id });
  await setClinicianStatus(doctor, "online");
  const walkIn = async (person: { fullName: string; sex: "female" | "male"; dateOfBirth: string }) => {
    const patient = await registerWalkIn(lhv, person);
    const { consultationId } = await queueWalkIn(lhv, { patientId: patient.id, target: `clinician:${doctor.id}`, triage: "routine", chiefComplaint: "Fever" });
    return { patient, consultationId };
  };
  return { district, hub, unit, doctor, walkIn };
}

/** The district's months as kept, against the same sums taken from its facts here. */
async function expectDistrictMonthsAdd(districtId: string) {
  const kept = await db().execute(sql`
    select month::text, wait_minutes, consultations, female, male, under_1, age_1_4, age_15_49, age_50_plus, walk_in, booked, see_now, audio_only, dropped
      from consultation_report_district_months where district_id = ${districtId} and consultations > 0 order by 1, 2`);
  const summed = await db().execute(sql`
    select to_char(checked_in_at at time zone 'Asia/Karachi', 'YYYY-MM-01') as month, floor(wait)::int as wait_minutes,
           count(*)::int as consultations, count(*) filter (where sex = 'female')::int as female, count(*) filter (where sex = 'male')::int as male,
           count(*) filter (where years < 1)::int as under_1, count(*) filter (where years between 1 and 4)::int as age_1_4,
           count(*) filter (where years between 15 and 49)::int as age_15_49, count(*) filter (where years >= 50)::int as age_50_plus,
           count(*) filter (where route = 'walk_in')::int as walk_in, count(*) filter (where route = 'booked')::int as booked,
           count(*) filter (where route = 'see_now')::int as see_now, count(*) filter (where audio_only)::int as audio_only,
           count(*) filter (where dropped)::int as dropped
      from consultation_report_facts where district_id = ${districtId} group by 1, 2 order by 1, 2`);
  expect(kept).toEqual(summed);
}

describe("the report facts", () => {
  it("follow a walk-in from the queue to admission and an audio-only fallback, and a patient's corrected sex and date of birth", async () => {
    const { district, unit, doctor, walkIn } = await unitWithDoctor();
    const { patient, consultationId } = await walkIn({ fullName: "Rubina Kausar", sex: "female", dateOfBirth: "1993-01-01" });
    await expectFollows(consultationId, undefined);

    await admitNext(doctor);
    await expectFollows(consultationId, { facility_id: unit.id, district_id: district.id, clinician_id: doctor.id, sex: "female", route: "walk_in", audio_only: false, dropped: false });
    await recordCallMode(doctor, consultationId, { mode: "audio_only", reason: "poor_connection", connectionQuality: "poor" });
    await expectFollows(consultationId, { audio_only: true });

    // Corrected at the registry (no use case edits a patient yet): the facts follow the row.
    const born = new Date(Date.now() - 2.5 * 365.25 * 24 * HOUR).toISOString().slice(0, 10);
    await db().update(patients).set({ sex: "male", dateOfBirth: born }).where(eq(patients.id, patient.id));
    await expectFollows(consultationId, { sex: "male", years: 2 });
    await expectDistrictMonthsAdd(district.id);
  });

  it("keep a dropped call seen and dropped, waiting until the first admission, and follow the see-now link of a picked-up request", async () => {
    const { hub, doctor: hubDoctor } = await unitWithDoctor();
    const { doctor, actor: booker, consultationId } = await consultationInCall(hubDoctor);
    await expectFollows(consultationId, { route: "booked", facility_id: hub.id, clinician_id: doctor.id, dropped: false });
    const admitted = await factOf(consultationId);
    expect(await checkDroppedCall({ consultationId, identity: `patient:${booker.id}` })).toBe("dropped");
    // Back in the waiting room, but seen all the same, and the call counts as dropped, whether or
    // not they come back.
    await expectFollows(consultationId, { route: "booked", dropped: true });
    await patientConnected(consultationId);
    expect(await admitNext(doctor)).toEqual({ consultationId });
    // Admitted again: still one consultation, dropped once, its wait still to the first admission.
    await expectFollows(consultationId, { route: "booked", dropped: true, wait: admitted!.wait });
    const [row] = await db().select({ drops: consultations.callDrops, dropped: consultations.callDroppedAt }).from(consultations).where(eq(consultations.id, consultationId));
    expect(row).toEqual({ drops: 1, dropped: null });

    const admin = await createUser("admin");
    const onCall = await createDoctor();
    await setClinicianProfile(onCall, onCall.id, { sex: "male", specialtyCode: "general", languages: ["ur"], facilityId: hub.id });
    const startsAt = new Date(Date.now() - HOUR);
    // A need of its own hour far ahead would never be open now; "general" is open for this hour.
    await addOnCallShift(admin, { clinicianId: onCall.id, need: "general", startsAt, endsAt: new Date(startsAt.getTime() + 3 * HOUR) });
    const { actor, patient } = await createPatientAccount();
    const { requestId } = await seeDoctorNow(actor, { patientId: patient.id, need: "general" });
    let status = await getOnCallStatus(actor, requestId);
    // Earlier tests' requests may be ahead in the shared pool; pick up until ours is taken.
    while (status.status === "waiting") {
      await pickUpNextOnCall(onCall);
      status = await getOnCallStatus(actor, requestId);
    }
    await expectFollows(status.consultationId!, { route: "see_now", clinician_id: onCall.id });
  });

  it("move with a facility that changes district, and agree with DHIS2 and the dashboard over whole months and their ends", async () => {
    const { district, unit, doctor, walkIn } = await unitWithDoctor();
    const seen: string[] = [];
    for (const person of [
      { fullName: "Hajra Bibi", sex: "female", dateOfBirth: "1950-06-06" },
      { fullName: "Ali Raza", sex: "male", dateOfBirth: "2019-02-02" },
      { fullName: "Sana Javed", sex: "female", dateOfBirth: "2001-03-03" },
      { fullName: "Bilal Khan", sex: "male", dateOfBirth: "1980-04-04" },
    ] as const) {
      const { consultationId } = await walkIn(person);
      await admitNext(doctor);
      seen.push(consultationId);
    }
    await referPatient(doctor, seen[1]!, { specialtyCode: "general", urgency: "routine", reason: "Wheeze: see a paediatrician" });
    // Waits of 2 min 30 s, 7 min 59 s, 12 min and 40 min 10 s: in whole minutes 2, 7, 12, 40.
    for (const [i, seconds] of [150, 479, 720, 2410].entries()) {
      await db().execute(sql`update consultations set admitted_at = checked_in_at + make_interval(secs => ${seconds}), first_admitted_at = checked_in_at + make_interval(secs => ${seconds}) where id = ${seen[i]}`);
    }
    for (const id of seen) await expectFollows(id, {});

    const month = periodOf("monthly", new Date());
    const admin = await createAdmin(district.id);
    const byFacility = await districtDashboard(admin, { from: month.start, to: month.end, groupBy: "facility" });
    const atUnit = byFacility.find((r) => r.key === unit.id)!;
    // percentile_cont over 2, 7, 12, 40: the median halfway between 7 and 12; the 90th percentile at 12 + 0.7 × (40 − 12).
    expect(atUnit).toMatchObject({ consultations: 4, female: 2, male: 2, walkIn: 4, waitMedian: 9.5, waitP90: 31.6, referrals: 1 });
    // By district over the whole month, read from the district months: the same figures.
    const byDistrict = await districtDashboard(admin, { from: month.start, to: month.end, groupBy: "district" });
    const { key: _d, name: _dn, ...districtFigures } = byDistrict.find((r) => r.key === district.id)!;
    const { key: _u, name: _un, ...unitFigures } = atUnit;
    expect(districtFigures).toEqual(unitFigures);
    // A period of the month and some hours either side: the hours from the facts, the month kept.
    const ragged = await districtDashboard(admin, { from: new Date(month.start.getTime() - 5 * HOUR), to: new Date(month.end.getTime() + 5 * HOUR), groupBy: "district" });
    expect(ragged.find((r) => r.key === district.id)).toMatchObject({ consultations: 4, waitMedian: 9.5, waitP90: 31.6 });
    const sent = await facilityFigures(db(), unit.id, month);
    expect(sent).toMatchObject({ referrals: 1, "consultations.female.50_plus": 1, "consultations.male.5_14": 1, "consultations.female.15_49": 1, "consultations.male.15_49": 1 });
    expect(atUnit.ageBands).toEqual({ under_1: 0, "1_4": 0, "5_14": 1, "15_49": 2, "50_plus": 1 });

    const elsewhere = await createDistrict();
    await db().update(facilities).set({ districtId: elsewhere.id }).where(eq(facilities.id, unit.id));
    for (const id of seen) await expectFollows(id, { district_id: elsewhere.id });
    await expectDistrictMonthsAdd(district.id);
    await expectDistrictMonthsAdd(elsewhere.id);
    const province = await createAdmin(null);
    const moved = await districtDashboard(province, { from: month.start, to: month.end, groupBy: "district" });
    expect(moved.find((r) => r.key === district.id)).toBeUndefined();
    expect(moved.find((r) => r.key === elsewhere.id)).toMatchObject({ consultations: 4, waitMedian: 9.5, referrals: 1 });
    const [referral] = await db().execute<{ district_id: string; facility_id: string }>(sql`
      select x.district_id, x.facility_id from referral_report_facts x join referrals r on r.id = x.referral_id
        join consultations c on c.encounter_id = r.encounter_id where c.id = ${seen[1]!}`);
    expect(referral).toEqual({ district_id: elsewhere.id, facility_id: unit.id });
  });

  it("can be read by the app and written only through the triggers", async () => {
    const app = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      await expect(app`select count(*) from consultation_report_facts`).resolves.toHaveLength(1);
      await expect(app`delete from consultation_report_facts`).rejects.toThrow(/permission denied/);
      await expect(app`update consultation_report_district_months set consultations = 0`).rejects.toThrow(/permission denied/);
      await expect(app`delete from referral_report_facts`).rejects.toThrow(/permission denied/);
      await expect(app`select consultation_report_refresh(array[]::uuid[])`).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });
});
