import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { addAvailabilityException, removeAvailabilityException } from "@/lib/booking/availability-exceptions";
import { getAvailability } from "@/lib/booking/schedule";
import { addWeeklySession, removeWeeklySession, setWeeklyAvailability } from "@/lib/booking/weekly-sessions";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { cancelAppointment } from "@/lib/booking/change-appointment";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { clinicLocalInstant, CLINIC_TIME_ZONE } from "@/lib/booking/slots";
import { QUEUES } from "@/lib/jobs/queue";
import { createDoctor, createPatientAccount, createUser } from "./fixtures";

const DAY = 24 * 60 * 60_000;
const everyDay = [0, 1, 2, 3, 4, 5, 6];
const allDay = (slotMinutes: number) => everyDay.map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440, slotMinutes }));

/** The Karachi calendar date `days` from now, as "YYYY-MM-DD". */
const karachiDate = (days: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: CLINIC_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + days * DAY),
  );
const at = (days: number, time: string) => clinicLocalInstant(karachiDate(days), time)!;

async function bookedPatient(doctorId: string, slot: { startsAt: Date; endsAt: Date }) {
  const account = await createPatientAccount();
  const appointment = await bookAppointment(account.actor, { patientId: account.patient.id, clinicianId: doctorId, ...slot });
  return { ...account, appointment };
}

async function noticesQueued(appointmentId: string, kind: string): Promise<number> {
  const [row] = await db().execute<{ count: string }>(
    sql`select count(*) from pgboss.job where name = ${QUEUES.appointmentNotice}
        and data->>'appointmentId' = ${appointmentId} and data->>'kind' = ${kind}`,
  );
  return Number(row!.count);
}

describe("availability edit with existing bookings", () => {
  it("refuses a change that would orphan a booking, lists it, and saves once the doctor has cancelled it", async () => {
    const doctor = await createDoctor();
    const [slot] = await listOpenSlots(doctor.id, new Date(Date.now() + DAY), 1);
    const { appointment, patient } = await bookedPatient(doctor.id, slot!);

    // Re-cutting the day into 30-minute slots leaves the 15-minute booking on no slot; the
    // refusal carries it as the page lists it, to cancel or move.
    await expect(setWeeklyAvailability(doctor, doctor.id, allDay(30))).rejects.toMatchObject({
      code: "conflict",
      messageKey: "availability_orphans",
      details: {
        appointmentIds: [appointment.id],
        bookings: [
          {
            id: appointment.id,
            patientName: patient.fullName,
            startsAt: slot!.startsAt.toISOString(),
            endsAt: slot!.endsAt.toISOString(),
          },
        ],
      },
    });
    expect((await getAvailability(doctor, doctor.id)).rules.every((rule) => rule.slotMinutes === 15)).toBe(true);

    await cancelAppointment(doctor, appointment.id, { reason: "clinic_request" });
    expect(await noticesQueued(appointment.id, "cancelled")).toBe(1);

    await setWeeklyAvailability(doctor, doctor.id, allDay(30));
    expect((await getAvailability(doctor, doctor.id)).rules.every((rule) => rule.slotMinutes === 30)).toBe(true);
  });

  it("checks when saving: a booking made after the page was read still blocks the change", async () => {
    const doctor = await createDoctor();
    expect((await getAvailability(doctor, doctor.id)).rules.length).toBeGreaterThan(0);
    const [slot] = await listOpenSlots(doctor.id, new Date(Date.now() + DAY), 1);
    const { appointment } = await bookedPatient(doctor.id, slot!);
    await expect(setWeeklyAvailability(doctor, doctor.id, allDay(30))).rejects.toMatchObject({
      code: "conflict",
      details: { appointmentIds: [appointment.id] },
    });
  });

  it("lets a change through when the bookings still fall on slots, and ignores cancelled ones", async () => {
    const doctor = await createDoctor({ slotMinutes: 30 });
    const [slot] = await listOpenSlots(doctor.id, new Date(Date.now() + DAY), 1);
    await bookedPatient(doctor.id, slot!);
    // Keeping the same sessions and lengths on every day orphans nothing.
    await setWeeklyAvailability(doctor, doctor.id, allDay(30));
  });

  it("removes one session of a day only when it carries no booking, keeping the break", async () => {
    const doctor = await createUser("doctor");
    const weekday = new Date(at(2, "09:00").getTime()).getUTCDay();
    await addWeeklySession(doctor, doctor.id, { weekday, startMinute: 9 * 60, endMinute: 13 * 60, slotMinutes: 30 });
    await addWeeklySession(doctor, doctor.id, { weekday, startMinute: 14 * 60, endMinute: 17 * 60, slotMinutes: 30 });
    await expect(
      addWeeklySession(doctor, doctor.id, { weekday, startMinute: 12 * 60, endMinute: 15 * 60, slotMinutes: 30 }),
    ).rejects.toMatchObject({ code: "invalid", fieldErrors: { startMinute: "availability_overlap" } });

    const slots = await listOpenSlots(doctor.id, at(2, "00:00"), 1);
    expect(slots.map((s) => s.startsAt)).not.toContainEqual(at(2, "13:00"));
    expect(slots.map((s) => s.startsAt)).toContainEqual(at(2, "14:00"));

    const afternoon = slots.find((s) => s.startsAt.getTime() === at(2, "14:30").getTime())!;
    const { appointment } = await bookedPatient(doctor.id, afternoon);
    const { rules } = await getAvailability(doctor, doctor.id);
    const afternoonRule = rules.find((rule) => rule.startMinute === 14 * 60)!;
    await expect(removeWeeklySession(doctor, doctor.id, afternoonRule.id)).rejects.toMatchObject({
      code: "conflict",
      details: { appointmentIds: [appointment.id] },
    });
    await removeWeeklySession(doctor, doctor.id, rules.find((rule) => rule.startMinute === 9 * 60)!.id);
    expect((await getAvailability(doctor, doctor.id)).rules).toHaveLength(1);
  });
});

describe("exceptions", () => {
  it("leave removes slots, refuses to orphan a booking, and blocks booking inside it", async () => {
    const doctor = await createDoctor({ slotMinutes: 30 });
    const booked = await bookedPatient(doctor.id, { startsAt: at(2, "10:00"), endsAt: at(2, "10:30") });

    const dayOff = { kind: "leave" as const, startsAt: at(2, "00:00"), endsAt: at(3, "00:00"), note: "Eid" };
    await expect(addAvailabilityException(doctor, doctor.id, dayOff)).rejects.toMatchObject({
      code: "conflict",
      messageKey: "availability_orphans",
      details: { appointmentIds: [booked.appointment.id] },
    });
    expect((await getAvailability(doctor, doctor.id)).exceptions).toEqual([]);

    const leave = await addAvailabilityException(doctor, doctor.id, {
      kind: "leave",
      startsAt: at(3, "09:00"),
      endsAt: at(3, "13:00"),
    });
    expect(leave).toMatchObject({ kind: "leave", slotMinutes: null });
    const starts = (await listOpenSlots(doctor.id, at(3, "00:00"), 1)).map((s) => s.startsAt.getTime());
    expect(starts).toContain(at(3, "08:30").getTime());
    expect(starts).not.toContain(at(3, "09:00").getTime());
    expect(starts).not.toContain(at(3, "12:30").getTime());
    expect(starts).toContain(at(3, "13:00").getTime());

    const patient = await createPatientAccount();
    await expect(
      bookAppointment(patient.actor, { patientId: patient.patient.id, clinicianId: doctor.id, startsAt: at(3, "10:00"), endsAt: at(3, "10:30") }),
    ).rejects.toMatchObject({ code: "invalid", messageKey: "slot_unavailable" });

    // Taking the leave back orphans nothing and frees the time again.
    await removeAvailabilityException(doctor, doctor.id, leave.id);
    expect((await listOpenSlots(doctor.id, at(3, "00:00"), 1)).map((s) => s.startsAt.getTime())).toContain(at(3, "10:00").getTime());
  });

  it("an extra clinic adds bookable slots, and cannot be removed while one is booked", async () => {
    const doctor = await createDoctor({ startMinute: 9 * 60, endMinute: 13 * 60, slotMinutes: 30 });
    const evening = await addAvailabilityException(doctor, doctor.id, {
      kind: "extra",
      startsAt: at(2, "18:00"),
      endsAt: at(2, "19:00"),
      slotMinutes: 20,
      note: "Evening clinic",
    });
    const slots = await listOpenSlots(doctor.id, at(2, "17:00"), 1);
    expect(slots.slice(0, 3)).toEqual([
      { startsAt: at(2, "18:00"), endsAt: at(2, "18:20") },
      { startsAt: at(2, "18:20"), endsAt: at(2, "18:40") },
      { startsAt: at(2, "18:40"), endsAt: at(2, "19:00") },
    ]);

    const { appointment } = await bookedPatient(doctor.id, slots[1]!);
    expect(appointment.status).toBe("booked");
    await expect(removeAvailabilityException(doctor, doctor.id, evening.id)).rejects.toMatchObject({
      code: "conflict",
      details: { appointmentIds: [appointment.id] },
    });
    await cancelAppointment(doctor, appointment.id, { reason: "clinic_request" });
    await removeAvailabilityException(doctor, doctor.id, evening.id);
    expect((await listOpenSlots(doctor.id, at(2, "17:00"), 1))[0]?.startsAt).not.toEqual(at(2, "18:00"));
  });

  it("checks the exception at the field: kind, range, length, slot length, not in the past", async () => {
    const doctor = await createDoctor();
    const expectField = (input: Parameters<typeof addAvailabilityException>[2], field: string, key: string) =>
      expect(addAvailabilityException(doctor, doctor.id, input)).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { [field]: key },
      });
    await expectField({ kind: "extra", startsAt: at(2, "18:00"), endsAt: at(2, "19:00") }, "slotMinutes", "availability_slot_length");
    await expectField({ kind: "extra", startsAt: at(2, "18:00"), endsAt: at(2, "19:00"), slotMinutes: 300 }, "slotMinutes", "availability_slot_length");
    await expectField({ kind: "leave", startsAt: at(2, "18:00"), endsAt: at(2, "17:00") }, "endsAt", "exception_range");
    await expectField({ kind: "leave", startsAt: at(2, "00:00"), endsAt: at(40, "00:00") }, "endsAt", "exception_too_long");
    await expectField({ kind: "leave", startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) }, "endsAt", "exception_in_past");
    await expectField({ kind: "holiday", startsAt: at(2, "00:00"), endsAt: at(3, "00:00") }, "kind", "exception_kind_required");
  });
});

describe("who may change availability", () => {
  it("answers 'not found' to another clinician, a patient and staff; an admin may", async () => {
    const doctor = await createDoctor();
    const leave = await addAvailabilityException(doctor, doctor.id, { kind: "leave", startsAt: at(5, "09:00"), endsAt: at(5, "10:00") });
    const otherDoctor = await createDoctor();
    const patient = await createPatientAccount();
    const staff = await createUser("rhu_staff");
    for (const actor of [otherDoctor, patient.actor, staff]) {
      await expect(getAvailability(actor, doctor.id)).rejects.toMatchObject({ code: "not_found" });
      await expect(setWeeklyAvailability(actor, doctor.id, allDay(30))).rejects.toMatchObject({ code: "not_found" });
      await expect(
        addAvailabilityException(actor, doctor.id, { kind: "leave", startsAt: at(6, "09:00"), endsAt: at(6, "10:00") }),
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(removeAvailabilityException(actor, doctor.id, leave.id)).rejects.toMatchObject({ code: "not_found" });
    }
    // Another clinician's exception id under one's own account is "not found" too.
    await expect(removeAvailabilityException(otherDoctor, otherDoctor.id, leave.id)).rejects.toMatchObject({ code: "not_found" });

    const admin = await createUser("admin");
    expect((await getAvailability(admin, doctor.id)).exceptions.map((e) => e.id)).toEqual([leave.id]);
    await removeAvailabilityException(admin, doctor.id, leave.id);
    await expect(getAvailability(admin, patient.actor.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
