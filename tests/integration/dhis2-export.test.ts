import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { dhis2Sends, facilities, specialties } from "@/db/schema";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { endConsultation } from "@/lib/consult/end-consultation";
import { recordCallMode } from "@/lib/consult/record-call-mode";
import { periodOf } from "@/lib/dhis2/periods";
import { listDhis2Sends } from "@/lib/dhis2-export/list-sends";
import { previewDataValueSet } from "@/lib/dhis2-export/preview";
import { requestDhis2Send } from "@/lib/dhis2-export/request-send";
import { jobHandlers } from "@/lib/job-handlers";
import { jobQueue, processDueJobs, QUEUES, stopJobs } from "@/lib/jobs/queue";
import { registerWalkIn } from "@/lib/patients/register-walk-in";
import { admitNext } from "@/lib/queue/admit";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { queueWalkIn } from "@/lib/queue/walk-in";
import { referPatient } from "@/lib/records/refer";
import { startFakeDhis2, type FakeDhis2 } from "../support/fake-dhis2";
import { createAdmin, createDistrict, createDoctor, createFacility, createStaffAt, createUser } from "./fixtures";

const HOUR = 60 * 60_000;
const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

// The codes of lib/dhis2-export/mapping.json, written out here so that the test does not take
// its expectations from the mapping under test.
const TELECONSULT_COCS = ["F", "M"].flatMap((sex) => ["UNDER_1", "1_4", "5_14", "15_49", "50_PLUS"].map((band) => `${sex}_${band}`));
const SINGLE_ELEMENTS = ["RBT_REFERRALS", "RBT_EMERGENCY_REFERRALS", "RBT_AUDIO_ONLY_FALLBACKS", "RBT_NO_SHOWS", "RBT_DROPPED_CALLS"];
const VALUES_PER_SEND = TELECONSULT_COCS.length + SINGLE_ELEMENTS.length;

let fake: FakeDhis2;

beforeAll(async () => {
  fake = await startFakeDhis2({
    username: "rabta-test",
    password: "test-only-password",
    orgUnits: [],
    dataElements: ["RBT_TELECONSULT", ...SINGLE_ELEMENTS],
    categoryOptionCombos: TELECONSULT_COCS,
  });
  // Read by lib/env.ts on first use, which comes after this: nothing in this file touched it yet.
  process.env.DHIS2_BASE_URL = fake.url;
  process.env.DHIS2_USERNAME = "rabta-test";
  process.env.DHIS2_PASSWORD = "test-only-password";
});

afterAll(async () => {
  await stopJobs();
  await fake.close();
});

/**
 * A district whose health unit hosts three walk-ins seen by one doctor of its hospital: a woman
 * of 33, a boy of 3 (referred) and a woman of 76 triaged as an emergency (her call fell back to
 * audio only).
 */
async function unitWithVisits() {
  const district = await createDistrict();
  const hub = await createFacility("hub", undefined, { districtId: district.id });
  const unit = await createFacility("spoke", undefined, { districtId: district.id });
  fake.orgUnits.add(unit.dhis2OrgUnitCode!);
  const lhv = await createStaffAt(unit.id);
  const specialtyCode = `dhis2_${letters()}`;
  await db().insert(specialties).values({ code: specialtyCode, nameEn: specialtyCode, nameUr: specialtyCode });
  const doctor = await createDoctor();
  await setClinicianProfile(doctor, doctor.id, { sex: "female", specialtyCode, languages: ["ur"], facilityId: hub.id });
  await setClinicianStatus(doctor, "online");
  const people = [
    { person: { fullName: "Rubina Kausar", sex: "female", dateOfBirth: "1993-01-01" }, triage: "routine" },
    { person: { fullName: "Ali Raza", sex: "male", dateOfBirth: new Date(Date.now() - 3 * 365.25 * 24 * HOUR).toISOString().slice(0, 10) }, triage: "routine" },
    { person: { fullName: "Hajra Bibi", sex: "female", dateOfBirth: "1950-06-06" }, triage: "emergency" },
  ] as const;
  for (const [index, { person, triage }] of people.entries()) {
    const patient = await registerWalkIn(lhv, person);
    await queueWalkIn(lhv, { patientId: patient.id, target: `clinician:${doctor.id}`, triage, chiefComplaint: "Fever and cough" });
    const { consultationId } = await admitNext(doctor);
    if (index === 1) await referPatient(doctor, consultationId, { specialtyCode, urgency: "routine", reason: "Wheeze: see a paediatrician" });
    if (index === 2) await recordCallMode(doctor, consultationId, { mode: "audio_only", reason: "poor_connection", connectionQuality: "poor" });
    await endConsultation(doctor, consultationId);
  }
  const admin = await createAdmin(district.id);
  return { district, unit, admin };
}

const thisMonth = () => periodOf("monthly", new Date());

async function sendRow(id: string) {
  const [row] = await db().select().from(dhis2Sends).where(eq(dhis2Sends.id, id));
  return row!;
}

async function jobState(sendId: string): Promise<string | undefined> {
  const [row] = await db().execute<{ state: string }>(sql`select state from pgboss.job where name = ${QUEUES.dhis2Send} and data ->> 'sendId' = ${sendId}`);
  return row?.state;
}

/** Runs the due dhis2-send jobs in this process, as a worker would. */
async function runSendJobs(): Promise<number> {
  return processDueJobs(await jobQueue(), jobHandlers, [QUEUES.dhis2Send]);
}

describe("reporting a facility's month to DHIS2", () => {
  it("previews the facility's figures by DHIS2 code, and only for the admin's own district", async () => {
    const { unit, admin } = await unitWithVisits();
    const period = thisMonth();
    const preview = await previewDataValueSet(admin, unit.id, period.id);
    expect(preview.facility).toEqual({ id: unit.id, name: unit.name, orgUnitCode: unit.dhis2OrgUnitCode });
    expect(preview.period.id).toBe(period.id);
    const value = (figure: string) => preview.rows.find((row) => row.figure === figure)?.value;
    expect(preview.rows).toHaveLength(VALUES_PER_SEND);
    expect(preview.rows.find((row) => row.figure === "consultations.female.15_49")).toEqual({
      figure: "consultations.female.15_49",
      dataElement: "RBT_TELECONSULT",
      categoryOptionCombo: "F_15_49",
      value: 1,
    });
    expect(value("consultations.male.1_4")).toBe(1);
    expect(value("consultations.female.50_plus")).toBe(1);
    expect(value("consultations.male.15_49")).toBe(0);
    expect(value("consultations.female.under_1")).toBe(0);
    expect(value("referrals")).toBe(1);
    expect(value("emergency_referrals")).toBe(1);
    expect(value("audio_only_fallbacks")).toBe(1);
    expect(value("no_shows")).toBe(0);
    expect(value("dropped_calls")).toBe(0);
    expect(preview.body).toMatchObject({ dataSet: "RBT_MONTHLY_TELEHEALTH", period: period.id, orgUnit: unit.dhis2OrgUnitCode });
    expect(preview.body.dataValues).toContainEqual({ dataElement: "RBT_REFERRALS", value: "1" });

    // The week it happened in goes to the weekly data set, with the same figures.
    const week = periodOf("weekly", new Date());
    const weekly = await previewDataValueSet(admin, unit.id, week.id);
    expect(weekly.body).toMatchObject({ dataSet: "RBT_WEEKLY_TELEHEALTH", period: week.id, orgUnit: unit.dhis2OrgUnitCode });
    expect(weekly.rows).toEqual(preview.rows);

    // Last month saw none of it.
    const before = periodOf("monthly", new Date(period.start.getTime() - 1));
    const empty = await previewDataValueSet(admin, unit.id, before.id);
    expect(empty.rows.every((row) => row.value === 0)).toBe(true);

    const stranger = await createAdmin((await createDistrict()).id);
    await expect(previewDataValueSet(stranger, unit.id, period.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(requestDhis2Send(stranger, unit.id, period.id, { dryRun: false })).rejects.toMatchObject({ code: "not_found" });
    await expect(previewDataValueSet(await createUser("doctor"), unit.id, period.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(previewDataValueSet(admin, "not-a-uuid", period.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(previewDataValueSet(admin, unit.id, "2026W01x")).rejects.toMatchObject({ fieldErrors: { period: "dhis2_period_invalid" } });
    await expect(previewDataValueSet(admin, unit.id, "209901")).rejects.toMatchObject({ fieldErrors: { period: "dhis2_period_future" } });

    await db().update(facilities).set({ dhis2OrgUnitCode: null }).where(eq(facilities.id, unit.id));
    await expect(previewDataValueSet(admin, unit.id, period.id)).rejects.toMatchObject({ messageKey: "dhis2_org_unit_missing" });
  });

  it("sends as a job: DHIS2 receives the month by code and imports it; a re-send updates the same values", async () => {
    const { unit, admin } = await unitWithVisits();
    const period = thisMonth();
    const send = await requestDhis2Send(admin, unit.id, period.id, { dryRun: false });
    expect(send).toMatchObject({ status: "queued", dryRun: false, periodId: period.id, attempts: 0 });
    expect(await jobState(send.id)).toBe("created");
    const received = fake.requests.length;

    expect(await runSendJobs()).toBeGreaterThanOrEqual(1);
    const request = fake.requests[received]!;
    const query = new URL(request.url, fake.url).searchParams;
    expect(query.get("idScheme")).toBe("CODE");
    expect(query.get("importStrategy")).toBe("CREATE_AND_UPDATE");
    expect(query.get("dryRun")).toBe("false");
    expect(request.authorization).toBe(`Basic ${Buffer.from("rabta-test:test-only-password").toString("base64")}`);
    const body = request.body as { period: string; orgUnit: string; dataValues: unknown[] };
    expect(body.period).toBe(period.id);
    expect(body.orgUnit).toBe(unit.dhis2OrgUnitCode);
    expect(body.dataValues).toHaveLength(VALUES_PER_SEND);
    expect(body.dataValues).toContainEqual({ dataElement: "RBT_TELECONSULT", categoryOptionCombo: "F_15_49", value: "1" });
    expect(body.dataValues).toContainEqual({ dataElement: "RBT_TELECONSULT", categoryOptionCombo: "M_5_14", value: "0" });
    expect(fake.stored.get(`${period.id}|${unit.dhis2OrgUnitCode}|RBT_TELECONSULT|M_1_4`)).toBe("1");

    const done = await sendRow(send.id);
    expect(done).toMatchObject({ status: "imported", attempts: 1, lastError: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(done.summary).toMatchObject({ status: "SUCCESS", imported: VALUES_PER_SEND, updated: 0, ignored: 0, conflicts: [] });
    expect(await jobState(send.id)).toBe("completed");

    const again = await requestDhis2Send(admin, unit.id, period.id, { dryRun: false });
    await runSendJobs();
    expect((await sendRow(again.id)).summary).toMatchObject({ status: "SUCCESS", imported: 0, updated: VALUES_PER_SEND });
    const history = await listDhis2Sends(admin);
    expect(history.map((row) => row.id)).toEqual([again.id, send.id]);
    expect(history[0]).toMatchObject({ facilityName: unit.name, requestedByName: admin.name, status: "imported" });
    const stranger = await createAdmin((await createDistrict()).id);
    expect((await listDhis2Sends(stranger)).map((row) => row.id)).not.toContain(send.id);
  });

  it("keeps a partial import's conflicts, takes a refusal as final, and rides out DHIS2 being down", async () => {
    const { unit, admin } = await unitWithVisits();
    const period = thisMonth();

    fake.dataElements.delete("RBT_DROPPED_CALLS");
    const partial = await requestDhis2Send(admin, unit.id, period.id, { dryRun: false });
    try {
      await runSendJobs();
    } finally {
      fake.dataElements.add("RBT_DROPPED_CALLS");
    }
    const partialRow = await sendRow(partial.id);
    expect(partialRow.status).toBe("partial");
    expect(partialRow.summary).toMatchObject({ status: "WARNING", imported: VALUES_PER_SEND - 1, ignored: 1 });
    expect((partialRow.summary as { conflicts: { object: string }[] }).conflicts).toEqual([expect.objectContaining({ object: "RBT_DROPPED_CALLS" })]);

    fake.failNext(401);
    const refused = await requestDhis2Send(admin, unit.id, period.id, { dryRun: false });
    await runSendJobs();
    expect(await sendRow(refused.id)).toMatchObject({ status: "rejected", httpStatus: 401, attempts: 1 });
    // Not retried: the job finished, as sending the same credentials again would be refused again.
    expect(await jobState(refused.id)).toBe("completed");

    fake.failNext(503);
    const outage = await requestDhis2Send(admin, unit.id, period.id, { dryRun: false });
    await runSendJobs();
    const waiting = await sendRow(outage.id);
    expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
    expect(waiting.lastError).toMatch(/503/);
    expect(await jobState(outage.id)).toBe("retry");
    // Its retry is due later (backoff); bring it forward rather than wait.
    await db().execute(sql`update pgboss.job set start_after = now() where name = ${QUEUES.dhis2Send} and data ->> 'sendId' = ${outage.id}`);
    await runSendJobs();
    expect(await sendRow(outage.id)).toMatchObject({ status: "imported", attempts: 2 });
    // The partial send left out dropped calls alone; the rest DHIS2 already had, so it updates them.
    expect((await sendRow(outage.id)).summary).toMatchObject({ imported: 1, updated: VALUES_PER_SEND - 1 });
  });

  it("refuses an org unit DHIS2 does not know, and a dry run stores nothing on DHIS2", async () => {
    const { unit, admin } = await unitWithVisits();
    const period = thisMonth();
    const dryRun = await requestDhis2Send(admin, unit.id, period.id, { dryRun: true });
    const storedBefore = new Map(fake.stored);
    const received = fake.requests.length;
    await runSendJobs();
    expect(new URL(fake.requests[received]!.url, fake.url).searchParams.get("dryRun")).toBe("true");
    expect(await sendRow(dryRun.id)).toMatchObject({ status: "imported", dryRun: true });
    expect((await sendRow(dryRun.id)).summary).toMatchObject({ imported: VALUES_PER_SEND });
    expect(fake.stored).toEqual(storedBefore);

    const unknown = await createFacility("spoke", undefined, { districtId: unit.districtId });
    const refused = await requestDhis2Send(admin, unknown.id, period.id, { dryRun: false });
    await runSendJobs();
    expect(await sendRow(refused.id)).toMatchObject({ status: "rejected" });
    expect((await sendRow(refused.id)).summary).toMatchObject({ status: "ERROR", ignored: VALUES_PER_SEND });
  });
});
