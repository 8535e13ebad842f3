import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { appointments } from "@/db/schema";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { cancelAppointment, getMovableAppointment, rescheduleAppointment } from "@/lib/booking/change-appointment";
import { setFacilityChangeWindow } from "@/lib/booking/change-window";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { createAdmin, createDoctor, createFacility, createPatientAccount, createUser } from "./fixtures";

const DAY = 24 * 60 * 60_000;

async function bookedTomorrow() {
  const doctor = await createDoctor();
  const account = await createPatientAccount();
  const [slot, other] = await listOpenSlots(doctor.id, new Date(Date.now() + DAY), 1);
  const appointment = await bookAppointment(account.actor, { patientId: account.patient.id, clinicianId: doctor.id, ...slot! });
  return { doctor, ...account, appointment, other: other! };
}

describe("cancelling", () => {
  it("cancels with a reason and frees the slot for someone else", async () => {
    const { actor, doctor, appointment } = await bookedTomorrow();
    const cancelled = await cancelAppointment(actor, appointment.id, { reason: "feeling_better" });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "feeling_better", cancelledBy: actor.id });

    const someoneElse = await createPatientAccount();
    const rebooked = await bookAppointment(someoneElse.actor, {
      patientId: someoneElse.patient.id,
      clinicianId: doctor.id,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
    });
    expect(rebooked.status).toBe("booked");
  });

  it("requires a reason at the field and refuses a second cancel", async () => {
    const { actor, appointment } = await bookedTomorrow();
    await expect(cancelAppointment(actor, appointment.id, { reason: "" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { reason: "cancel_reason_required" },
    });
    await cancelAppointment(actor, appointment.id, { reason: "other", note: "travelling" });
    await expect(cancelAppointment(actor, appointment.id, { reason: "other" })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "appointment_not_active",
    });
  });

  it("stops a patient inside the cutoff, but not the clinic's staff", async () => {
    const doctor = await createDoctor();
    const { actor, patient } = await createPatientAccount();
    const [soon] = await listOpenSlots(doctor.id);
    const appointment = await bookAppointment(actor, { patientId: patient.id, clinicianId: doctor.id, ...soon! });
    await expect(cancelAppointment(actor, appointment.id, { reason: "cannot_attend" })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "change_too_late",
    });
    const staff = await createUser("rhu_staff");
    await expect(cancelAppointment(staff, appointment.id, { reason: "clinic_request" })).resolves.toMatchObject({ status: "cancelled" });
  });

  it("answers 'not found' to another patient and another doctor", async () => {
    const { appointment } = await bookedTomorrow();
    const stranger = await createPatientAccount();
    const otherDoctor = await createDoctor();
    for (const actor of [stranger.actor, otherDoctor]) {
      await expect(cancelAppointment(actor, appointment.id, { reason: "other" })).rejects.toMatchObject({ code: "not_found" });
      await expect(rescheduleAppointment(actor, appointment.id, appointment)).rejects.toMatchObject({ code: "not_found" });
    }
  });
});

describe("rescheduling", () => {
  it("moves the booking in one step, linking the new appointment to the old", async () => {
    const { actor, appointment, other } = await bookedTomorrow();
    const moved = await rescheduleAppointment(actor, appointment.id, other);
    expect(moved).toMatchObject({ status: "booked", rescheduledFromId: appointment.id, patientId: appointment.patientId });
    const [old] = await db().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(old).toMatchObject({ status: "cancelled", cancelReason: "rescheduled" });
  });

  it("keeps the original booking when the new slot is taken", async () => {
    const { actor, doctor, appointment, other } = await bookedTomorrow();
    const rival = await createPatientAccount();
    await bookAppointment(rival.actor, { patientId: rival.patient.id, clinicianId: doctor.id, ...other });
    await expect(rescheduleAppointment(actor, appointment.id, other)).rejects.toMatchObject({ code: "conflict", messageKey: "slot_taken" });
    const [still] = await db().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(still!.status).toBe("booked");
  });
});

describe("clinic staff", () => {
  it("book for any patient, and the appointment's doctor moves it; another doctor cannot", async () => {
    const doctor = await createDoctor();
    const { patient } = await createPatientAccount();
    const staff = await createUser("rhu_staff");
    const [slot, later] = await listOpenSlots(doctor.id, new Date(Date.now() + DAY), 1);
    const appointment = await bookAppointment(staff, { patientId: patient.id, clinicianId: doctor.id, ...slot! });
    expect(appointment.bookedBy).toBe(staff.id);

    const otherDoctor = await createDoctor();
    await expect(getMovableAppointment(otherDoctor, appointment.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getMovableAppointment(doctor, appointment.id)).resolves.toMatchObject({ patientName: patient.fullName });
    const moved = await rescheduleAppointment(doctor, appointment.id, later!);
    expect(moved).toMatchObject({ rescheduledFromId: appointment.id, status: "booked" });
  });
});

describe("the facility's change window", () => {
  it("is set by an admin and decides how late the facility's patients may cancel", async () => {
    const facility = await createFacility("spoke");
    const admin = await createAdmin(facility.districtId);
    const doctor = await createDoctor();
    await setClinicianProfile(doctor, doctor.id, { sex: "female", specialtyCode: "general", languages: ["ur"], facilityId: facility.id });
    await expect(setFacilityChangeWindow(doctor, facility.id, { minutes: 24 * 60 })).rejects.toMatchObject({ code: "not_found" });
    await expect(setFacilityChangeWindow(admin, facility.id, { minutes: -5 })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { minutes: "cutoff_invalid" },
    });
    await setFacilityChangeWindow(admin, facility.id, { minutes: 24 * 60 });

    const { actor, patient } = await createPatientAccount();
    const [inThreeHours] = await listOpenSlots(doctor.id, new Date(Date.now() + 3 * 60 * 60_000), 1);
    const appointment = await bookAppointment(actor, { patientId: patient.id, clinicianId: doctor.id, ...inThreeHours! });
    await expect(cancelAppointment(actor, appointment.id, { reason: "cannot_attend" })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "change_too_late",
    });
    await setFacilityChangeWindow(admin, facility.id, { minutes: 60 });
    await expect(cancelAppointment(actor, appointment.id, { reason: "cannot_attend" })).resolves.toMatchObject({ status: "cancelled" });
  });
});
