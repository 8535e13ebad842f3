import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { findCare, getBookableClinician, listSpecialties, setClinicianProfile, type CareOption } from "@/lib/booking/clinicians";
import { createDoctor, createFacility, createPatientAccount, createUser } from "./fixtures";

// Other test files leave clinicians in the shared database; each test looks only at its own.
const only = (options: CareOption[], ...ids: string[]) => options.filter((o) => ids.includes(o.id)).map((o) => o.id);

async function threeClinicians() {
  const hub = await createFacility("hub");
  const gynae = await createDoctor();
  await setClinicianProfile(gynae, gynae.id, { sex: "female", specialtyCode: "gynaecology", languages: ["ur", "sd"], facilityId: hub.id });
  const paeds = await createDoctor();
  await setClinicianProfile(paeds, paeds.id, { sex: "male", specialtyCode: "paediatrics", languages: ["ur", "ps"] });
  const unprofiled = await createDoctor();
  return { hub, gynae, paeds, unprofiled, ids: [gynae.id, paeds.id, unprofiled.id] };
}

describe("finding care", () => {
  it("shows each clinician's specialty in both languages, languages and facility", async () => {
    const { hub, gynae, unprofiled, ids } = await threeClinicians();
    const options = (await findCare()).filter((o) => ids.includes(o.id));
    expect(options).toHaveLength(3);
    expect(options.find((o) => o.id === gynae.id)).toMatchObject({
      name: gynae.name,
      sex: "female",
      languages: ["ur", "sd"],
      specialty: { code: "gynaecology", nameEn: "Women's health and pregnancy", nameUr: "خواتین کی صحت اور زچگی" },
      facility: { name: hub.name, kind: "hub" },
    });
    // No profile yet: offered as general practice, sex unknown.
    expect(options.find((o) => o.id === unprofiled.id)).toMatchObject({
      sex: null,
      languages: [],
      facility: null,
      specialty: { code: "general", nameEn: "General practice" },
    });
    for (const option of options) expect(option.earliest).not.toBeNull();
  });

  it("female-only leaves out men and clinicians whose sex is not recorded", async () => {
    const { gynae, ids } = await threeClinicians();
    expect(only(await findCare({ femaleOnly: true }), ...ids)).toEqual([gynae.id]);
  });

  it("filters by specialty, counting clinicians without a profile as general practice", async () => {
    const { paeds, unprofiled, ids } = await threeClinicians();
    expect(only(await findCare({ specialty: "paediatrics" }), ...ids)).toEqual([paeds.id]);
    expect(only(await findCare({ specialty: "general" }), ...ids)).toEqual([unprofiled.id]);
    expect(only(await findCare({ specialty: "cardiology" }), ...ids)).toEqual([]);
  });

  it("filters by a language the clinician speaks, and combines filters", async () => {
    const { gynae, paeds, ids } = await threeClinicians();
    expect(only(await findCare({ language: "sd" }), ...ids)).toEqual([gynae.id]);
    expect(only(await findCare({ language: "ps" }), ...ids)).toEqual([paeds.id]);
    expect(only(await findCare({ language: "ur" }), ...ids).sort()).toEqual([gynae.id, paeds.id].sort());
    expect(only(await findCare({ language: "ps", femaleOnly: true }), ...ids)).toEqual([]);
  });

  it("leaves out disabled clinicians and those without availability", async () => {
    const idle = await createUser("doctor");
    await setClinicianProfile(idle, idle.id, { sex: "female", specialtyCode: "general", languages: ["ur"] });
    const gone = await createDoctor();
    await setClinicianProfile(gone, gone.id, { sex: "female", specialtyCode: "general", languages: ["ur"] });
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));

    expect(only(await findCare({ femaleOnly: true }), idle.id, gone.id)).toEqual([]);
    expect(await getBookableClinician(idle.id)).toBeNull();
    expect(await getBookableClinician(gone.id)).toBeNull();
  });

  it("orders by the earliest open slot, skipping booked ones", async () => {
    // Monday 7 January 2030, midnight in Pakistan.
    const from = new Date("2030-01-06T19:00:00Z");
    const nine = { startMinute: 9 * 60, endMinute: 10 * 60, slotMinutes: 20 };
    const thursday = await createDoctor({ weekday: 4, ...nine });
    const allWeek = await createDoctor();
    const tuesday = await createDoctor({ weekday: 2, ...nine });
    const ids = [thursday.id, allWeek.id, tuesday.id];

    const account = await createPatientAccount();
    await bookAppointment(account.actor, {
      patientId: account.patient.id,
      clinicianId: allWeek.id,
      startsAt: from,
      endsAt: new Date(from.getTime() + 15 * 60_000),
    });

    const options = (await findCare({}, from)).filter((o) => ids.includes(o.id));
    expect(options.map((o) => o.id)).toEqual([allWeek.id, tuesday.id, thursday.id]);
    expect(options.map((o) => o.earliest?.startsAt.toISOString())).toEqual([
      "2030-01-06T19:15:00.000Z",
      "2030-01-08T04:00:00.000Z",
      "2030-01-10T04:00:00.000Z",
    ]);
    expect(options[1]!.earliest!.endsAt.toISOString()).toBe("2030-01-08T04:20:00.000Z");
  });
});

describe("clinician profiles", () => {
  it("lists specialties with general practice first", async () => {
    const specialties = await listSpecialties();
    expect(specialties[0]).toMatchObject({ code: "general", nameUr: "جنرل پریکٹس" });
    expect(specialties.map((s) => s.code)).toEqual(expect.arrayContaining(["gynaecology", "paediatrics", "psychiatry"]));
  });

  it("lets the clinician set and later replace their own profile, audited", async () => {
    const doctor = await createDoctor();
    await setClinicianProfile(doctor, doctor.id, { sex: "female", specialtyCode: "general", languages: ["ur"] });
    const saved = await setClinicianProfile(doctor, doctor.id, {
      sex: "female",
      specialtyCode: "psychiatry",
      languages: ["ur", "skr", "ur"],
      slotMinutes: 30,
    });
    expect(saved).toMatchObject({ userId: doctor.id, specialtyCode: "psychiatry", languages: ["ur", "skr"], slotMinutes: 30, facilityId: null });
    expect((await getBookableClinician(doctor.id))?.specialty.code).toBe("psychiatry");

    const audit = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, doctor.id), eq(auditEvents.action, "clinician_profile.set")));
    expect(audit).toHaveLength(2);
  });

  it("lets an admin set a clinician's profile", async () => {
    const admin = await createUser("admin");
    const specialist = await createUser("specialist");
    const saved = await setClinicianProfile(admin, specialist.id, { sex: "male", specialtyCode: "cardiology", languages: ["en", "hnd"] });
    expect(saved).toMatchObject({ userId: specialist.id, sex: "male", specialtyCode: "cardiology" });
  });

  it("answers 'not found' to another clinician, a patient, and for a non-clinician", async () => {
    const doctor = await createDoctor();
    const colleague = await createDoctor();
    const { actor: patient } = await createPatientAccount();
    const admin = await createUser("admin");
    const input = { sex: "male" as const, specialtyCode: "general", languages: ["ur" as const] };

    await expect(setClinicianProfile(colleague, doctor.id, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(setClinicianProfile(patient, doctor.id, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(setClinicianProfile(patient, patient.id, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(setClinicianProfile(admin, patient.id, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(setClinicianProfile(admin, "not-a-uuid", input)).rejects.toMatchObject({ code: "not_found" });
    expect((await getBookableClinician(doctor.id))?.sex).toBeNull();
  });

  it("refuses unknown languages, specialties and facilities at their fields", async () => {
    const doctor = await createDoctor();
    const base = { sex: "female" as const, specialtyCode: "general", languages: ["ur" as const] };

    await expect(setClinicianProfile(doctor, doctor.id, { ...base, languages: ["fr"] })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { languages: "language_unknown" },
    });
    await expect(setClinicianProfile(doctor, doctor.id, { ...base, languages: [] })).rejects.toMatchObject({
      fieldErrors: { languages: "languages_required" },
    });
    await expect(setClinicianProfile(doctor, doctor.id, { ...base, specialtyCode: "astrology" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { specialtyCode: "specialty_unknown" },
    });
    await expect(
      setClinicianProfile(doctor, doctor.id, { ...base, facilityId: "00000000-0000-4000-8000-00000000dead" }),
    ).rejects.toMatchObject({ fieldErrors: { facilityId: "facility_unknown" } });
    await expect(setClinicianProfile(doctor, doctor.id, { ...base, slotMinutes: 2 })).rejects.toMatchObject({
      fieldErrors: { slotMinutes: "slot_minutes_invalid" },
    });
    await expect(setClinicianProfile(doctor, doctor.id, { ...base, sex: "x" })).rejects.toMatchObject({
      fieldErrors: { sex: "sex_required" },
    });
    expect((await getBookableClinician(doctor.id))?.sex).toBeNull();
  });
});
