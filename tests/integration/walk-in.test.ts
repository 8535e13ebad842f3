import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, patients, specialties, users } from "@/db/schema";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { hasValidCheckDigit } from "@/lib/mrid/mrid";
import { formatPkMobileLocal } from "@/lib/identifiers/identifiers";
import { registerWalkIn } from "@/lib/patients/register-walk-in";
import { listHostedVisits, listRoutingTargets } from "@/lib/queue/hosting";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { queueWalkIn } from "@/lib/queue/walk-in";
import { withdrawFromQueue } from "@/lib/queue/withdraw";
import { getWaitingStatus } from "@/lib/queue/waiting-room";
import { createDoctor, createUser, uniquePhone } from "./fixtures";

const notFound = { code: "not_found", messageKey: "not_found" };

function uniqueCnic(): string {
  return `35202${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

/** A specialty no other test uses, so counts of who is online are this test's alone. */
async function createSpecialty() {
  const letters = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  const [specialty] = await db()
    .insert(specialties)
    .values({ code: `test_${letters}`, nameEn: `Test ${letters}`, nameUr: `ٹیسٹ ${letters}` })
    .returning();
  return specialty!;
}

async function onlineClinician(specialtyCode: string, sex: "female" | "male") {
  const doctor = await createDoctor();
  await setClinicianProfile(doctor, doctor.id, { sex, specialtyCode, languages: ["ur"] });
  await setClinicianStatus(doctor, "online");
  return doctor;
}

async function auditActions(patientId: string) {
  const rows = await db().select({ action: auditEvents.action, details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.patientId, patientId));
  return rows;
}

describe("registering a walk-in", () => {
  it("issues an MR ID, stores the mobile number in E.164 and audits it", async () => {
    const staff = await createUser("rhu_staff");
    const phone = uniquePhone();
    const patient = await registerWalkIn(staff, {
      fullName: "Shabana Kausar",
      sex: "female",
      dateOfBirth: "1990-04-12",
      phone: formatPkMobileLocal(phone),
    });
    expect(hasValidCheckDigit(patient.mrId)).toBe(true);
    expect(patient).toMatchObject({ phone, cnic: null, accountId: null, createdBy: staff.id });
    expect(await auditActions(patient.id)).toContainEqual({ action: "patient.register_walk_in", details: null });
  });

  it("reports every bad field with its own message key, and registers no one", async () => {
    const staff = await createUser("rhu_staff");
    await expect(
      registerWalkIn(staff, { fullName: "Q", sex: "", dateOfBirth: "2999-01-01", phone: "042-35761234", cnic: "12" }),
    ).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { fullName: "name_required", sex: "sex_required", dateOfBirth: "dob_invalid", phone: "phone_invalid", cnic: "cnic_invalid" },
    });
    expect(await db().select().from(patients).where(eq(patients.createdBy, staff.id))).toEqual([]);
  });

  it("shows a likely duplicate instead of issuing a second MR ID, until staff confirm it is someone else", async () => {
    const staff = await createUser("rhu_staff");
    const phone = uniquePhone();
    const person = { fullName: "Muhammad Aslam", sex: "male" as const, dateOfBirth: "1972-09-30", phone };
    const first = await registerWalkIn(staff, person);

    const retry = registerWalkIn(staff, { ...person, fullName: "Mr. muhammad  ASLAM", phone: formatPkMobileLocal(phone) });
    await expect(retry).rejects.toMatchObject({
      code: "conflict",
      messageKey: "likely_duplicate",
      details: { matches: [{ id: first.id, mrId: first.mrId, fullName: "Muhammad Aslam", dateOfBirth: "1972-09-30", phone }] },
    });
    expect(await db().select({ id: patients.id }).from(patients).where(eq(patients.phone, phone))).toHaveLength(1);
    expect((await auditActions(first.id)).map((a) => a.action)).toContain("patient.duplicate_shown");

    const second = await registerWalkIn(staff, { ...person, confirmNotDuplicate: "on" });
    expect(second.id).not.toBe(first.id);
    expect(await auditActions(second.id)).toContainEqual({ action: "patient.register_walk_in", details: { registeredDespite: [first.mrId] } });
  });

  it("catches a double submit: the second of two at once is shown the first", async () => {
    const staff = await createUser("rhu_staff");
    const cnic = uniqueCnic();
    const person = { fullName: "Parveen Akhtar", sex: "female" as const, dateOfBirth: "1985-01-20", cnic };
    const results = await Promise.allSettled([registerWalkIn(staff, person), registerWalkIn(staff, person)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict", messageKey: "likely_duplicate" } });
  });

  it("answers 'not found' to patients and clinicians", async () => {
    const person = { fullName: "Not Allowed", sex: "male" as const, dateOfBirth: "1990-01-01" };
    await expect(registerWalkIn(await createUser("patient"), person)).rejects.toMatchObject(notFound);
    await expect(registerWalkIn(await createDoctor(), person)).rejects.toMatchObject(notFound);
  });
});

describe("where a walk-in can be sent", () => {
  it("offers online clinicians and the specialties they staff, and no one who is away or disabled", async () => {
    const specialty = await createSpecialty();
    const woman = await onlineClinician(specialty.code, "female");
    const man = await onlineClinician(specialty.code, "male");
    const away = await onlineClinician(specialty.code, "female");
    await setClinicianStatus(away, "away");
    const disabled = await onlineClinician(specialty.code, "male");
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));

    const targets = await listRoutingTargets();
    const ids = targets.clinicians.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([woman.id, man.id]));
    expect(ids).not.toContain(away.id);
    expect(ids).not.toContain(disabled.id);
    expect(targets.clinicians.find((c) => c.id === woman.id)).toEqual({
      id: woman.id,
      name: woman.name,
      sex: "female",
      specialty: { code: specialty.code, nameEn: specialty.nameEn, nameUr: specialty.nameUr },
    });
    expect(targets.specialties.find((s) => s.code === specialty.code)).toEqual({
      code: specialty.code,
      nameEn: specialty.nameEn,
      nameUr: specialty.nameUr,
      online: 2,
      femaleOnline: true,
    });

    await setClinicianStatus(woman, "busy");
    await setClinicianStatus(man, "away");
    expect((await listRoutingTargets()).specialties.find((s) => s.code === specialty.code)).toBeUndefined();
  });
});

describe("hosting a walk-in", () => {
  it("lists the host's own visits, newest first, and follows one until it is withdrawn", async () => {
    const specialty = await createSpecialty();
    await onlineClinician(specialty.code, "female");
    const host = await createUser("rhu_staff");
    const first = await registerWalkIn(host, { fullName: "Bilal Ahmed", sex: "male", dateOfBirth: "2019-06-01" });
    const second = await registerWalkIn(host, { fullName: "Sana Bibi", sex: "female", dateOfBirth: "1998-02-02" });

    const visit = (patientId: string, triage: string) => ({
      patientId,
      target: `specialty:${specialty.code}`,
      triage,
      chiefComplaint: "Fever for three days",
      pulse: "96",
    });
    const earlier = await queueWalkIn(host, visit(first.id, "routine"), new Date(Date.now() - 60_000));
    const later = await queueWalkIn(host, visit(second.id, "urgent"));

    const visits = await listHostedVisits(host);
    expect(visits.map((v) => v.consultationId)).toEqual([later.consultationId, earlier.consultationId]);
    expect(visits[0]).toMatchObject({
      status: "waiting",
      triage: "urgent",
      patientName: "Sana Bibi",
      mrId: second.mrId,
      clinicianName: null,
      specialty: { nameEn: specialty.nameEn, nameUr: specialty.nameUr },
    });

    // The urgent patient goes ahead of the routine one who came first.
    expect(await getWaitingStatus(host, later.consultationId)).toMatchObject({ status: "waiting", place: 1 });
    expect(await getWaitingStatus(host, earlier.consultationId)).toMatchObject({ status: "waiting", place: 2 });

    await withdrawFromQueue(host, later.consultationId);
    expect(await getWaitingStatus(host, later.consultationId)).toMatchObject({ status: "cancelled", exitReason: "withdrawn" });
    expect(await getWaitingStatus(host, earlier.consultationId)).toMatchObject({ place: 1 });
    expect((await listHostedVisits(host)).find((v) => v.consultationId === later.consultationId)?.status).toBe("cancelled");
  });

  it("shows another host's visits to no one else", async () => {
    const specialty = await createSpecialty();
    await onlineClinician(specialty.code, "male");
    const host = await createUser("rhu_staff");
    const patient = await registerWalkIn(host, { fullName: "Kashif Mehmood", sex: "male", dateOfBirth: "1980-05-05" });
    const { consultationId } = await queueWalkIn(host, {
      patientId: patient.id,
      target: `specialty:${specialty.code}`,
      triage: "routine",
      chiefComplaint: "Cough",
    });

    const otherHost = await createUser("rhu_staff");
    expect(await listHostedVisits(otherHost)).toEqual([]);
    await expect(getWaitingStatus(otherHost, consultationId)).rejects.toMatchObject(notFound);
    await expect(withdrawFromQueue(otherHost, consultationId)).rejects.toMatchObject(notFound);
    await expect(listHostedVisits(await createUser("patient"))).rejects.toMatchObject(notFound);
    await expect(listHostedVisits(await createDoctor())).rejects.toMatchObject(notFound);

    const rows = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, consultationId), eq(auditEvents.action, "consultation.withdraw")));
    expect(rows).toEqual([]);
  });
});
