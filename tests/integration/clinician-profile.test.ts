import { describe, expect, it } from "vitest";
import { getClinicianProfile, getDefaultSlotMinutes, listFacilities, setClinicianProfile } from "@/lib/booking/clinicians";
import { createDoctor, createFacility, createUser } from "./fixtures";

const notFound = { code: "not_found", messageKey: "not_found" };

describe("a clinician's own profile", () => {
  it("is empty until saved, then reads back as saved", async () => {
    const doctor = await createDoctor();
    const facility = await createFacility("spoke");
    expect(await getClinicianProfile(doctor, doctor.id)).toBeNull();

    await setClinicianProfile(doctor, doctor.id, {
      sex: "female",
      specialtyCode: "paediatrics",
      languages: ["ur", "ps", "ur"],
      facilityId: facility.id,
    });
    expect(await getClinicianProfile(doctor, doctor.id)).toEqual({
      sex: "female",
      specialtyCode: "paediatrics",
      languages: ["ur", "ps"],
      facilityId: facility.id,
      slotMinutes: null,
    });
  });

  it("is readable by an admin, and 'not found' to another doctor or a patient", async () => {
    const doctor = await createDoctor();
    await setClinicianProfile(doctor, doctor.id, { sex: "male", specialtyCode: "general", languages: ["ur"] });
    const admin = await createUser("admin");
    expect(await getClinicianProfile(admin, doctor.id)).toMatchObject({ sex: "male", specialtyCode: "general" });

    const otherDoctor = await createDoctor();
    const patient = await createUser("patient");
    await expect(getClinicianProfile(otherDoctor, doctor.id)).rejects.toMatchObject(notFound);
    await expect(getClinicianProfile(patient, doctor.id)).rejects.toMatchObject(notFound);
    await expect(getDefaultSlotMinutes(otherDoctor, doctor.id)).rejects.toMatchObject(notFound);
  });

  it("is 'not found' for someone who is not a clinician, even to an admin or themself", async () => {
    const admin = await createUser("admin");
    const staff = await createUser("rhu_staff");
    await expect(getClinicianProfile(admin, staff.id)).rejects.toMatchObject(notFound);
    await expect(getClinicianProfile(staff, staff.id)).rejects.toMatchObject(notFound);
    await expect(getClinicianProfile(admin, "not-a-uuid")).rejects.toMatchObject(notFound);
  });
});

describe("the slot length a new session starts with", () => {
  it("is 15 minutes before the clinician has a profile", async () => {
    const doctor = await createDoctor();
    expect(await getDefaultSlotMinutes(doctor, doctor.id)).toBe(15);
  });

  it("is the specialty's default, unless the clinician set their own", async () => {
    const doctor = await createDoctor();
    const profile = { sex: "female" as const, specialtyCode: "paediatrics", languages: ["ur" as const] };
    await setClinicianProfile(doctor, doctor.id, profile);
    expect(await getDefaultSlotMinutes(doctor, doctor.id)).toBe(20);

    await setClinicianProfile(doctor, doctor.id, { ...profile, slotMinutes: 25 });
    expect(await getDefaultSlotMinutes(doctor, doctor.id)).toBe(25);

    await setClinicianProfile(doctor, doctor.id, { ...profile, specialtyCode: "psychiatry", slotMinutes: null });
    expect(await getDefaultSlotMinutes(doctor, doctor.id)).toBe(30);
  });
});

describe("facilities to choose from", () => {
  it("lists hospitals before the health units they support", async () => {
    const spoke = await createFacility("spoke", "AAA Basic Health Unit");
    const hub = await createFacility("hub", "ZZZ District Hospital");
    const listed = await listFacilities();
    const index = (id: string) => listed.findIndex((f) => f.id === id);
    expect(index(hub.id)).toBeGreaterThanOrEqual(0);
    expect(index(hub.id)).toBeLessThan(index(spoke.id));
    expect(listed[index(spoke.id)]).toMatchObject({ name: "AAA Basic Health Unit", kind: "spoke" });
  });
});
