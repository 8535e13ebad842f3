import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { appointments } from "@/db/schema";
import { setWeeklyAvailability } from "@/lib/booking/weekly-sessions";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { AppError } from "@/lib/errors";
import { createDoctor, createPatientAccount } from "./fixtures";

describe("booking one slot", () => {
  it("lets exactly one of 20 simultaneous requests win; the rest get a conflict", async () => {
    const doctor = await createDoctor();
    const [slot] = await listOpenSlots(doctor.id, new Date(Date.now() + 60 * 60_000));
    expect(slot).toBeDefined();
    const patients = await Promise.all(Array.from({ length: 20 }, () => createPatientAccount()));

    const results = await Promise.allSettled(
      patients.map(({ actor, patient }) =>
        bookAppointment(actor, {
          patientId: patient.id,
          clinicianId: doctor.id,
          startsAt: slot!.startsAt,
          endsAt: slot!.endsAt,
        }),
      ),
    );

    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(AppError);
      expect(failure.reason).toMatchObject({ code: "conflict", messageKey: "slot_taken" });
    }
    const rows = await db()
      .select()
      .from(appointments)
      .where(and(eq(appointments.clinicianId, doctor.id), eq(appointments.startsAt, slot!.startsAt)));
    expect(rows).toHaveLength(1);
  });

  it("no longer offers a booked slot", async () => {
    const doctor = await createDoctor();
    const { actor, patient } = await createPatientAccount();
    const from = new Date(Date.now() + 60 * 60_000);
    const [first] = await listOpenSlots(doctor.id, from, 1);
    await bookAppointment(actor, { patientId: patient.id, clinicianId: doctor.id, ...first! });
    const after = await listOpenSlots(doctor.id, from, 1);
    expect(after.map((s) => s.startsAt.getTime())).not.toContain(first!.startsAt.getTime());
  });

  it("refuses slots in the past and outside availability", async () => {
    const doctor = await createDoctor({ startMinute: 9 * 60, endMinute: 10 * 60 });
    const { actor, patient } = await createPatientAccount();
    const past = new Date(Date.now() - 24 * 60 * 60_000);
    await expect(
      bookAppointment(actor, { patientId: patient.id, clinicianId: doctor.id, startsAt: past, endsAt: new Date(past.getTime() + 15 * 60_000) }),
    ).rejects.toMatchObject({ code: "invalid", messageKey: "slot_in_past" });

    const [slot] = await listOpenSlots(doctor.id);
    const misaligned = new Date(slot!.startsAt.getTime() + 5 * 60_000);
    await expect(
      bookAppointment(actor, { patientId: patient.id, clinicianId: doctor.id, startsAt: misaligned, endsAt: new Date(misaligned.getTime() + 15 * 60_000) }),
    ).rejects.toMatchObject({ code: "invalid", messageKey: "slot_unavailable" });
  });

  it("answers 'not found' when booking for someone else's patient", async () => {
    const doctor = await createDoctor();
    const owner = await createPatientAccount();
    const stranger = await createPatientAccount();
    const [slot] = await listOpenSlots(doctor.id, new Date(Date.now() + 60 * 60_000));
    await expect(
      bookAppointment(stranger.actor, { patientId: owner.patient.id, clinicianId: doctor.id, ...slot! }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("overlapping slots and retries", () => {
  it("lets only one of two simultaneous bookings of overlapping slots of different lengths win", async () => {
    // 15- and 20-minute rules over the same morning: 09:15-09:30 and 09:20-09:40 overlap.
    const doctor = await createDoctor({ startMinute: 9 * 60, endMinute: 11 * 60, slotMinutes: 15 });
    const everyDay = [0, 1, 2, 3, 4, 5, 6];
    await setWeeklyAvailability(doctor, doctor.id, [
      ...everyDay.map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 11 * 60, slotMinutes: 15 })),
      ...everyDay.map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 11 * 60, slotMinutes: 20 })),
    ]);
    const slots = await listOpenSlots(doctor.id, new Date(Date.now() + 24 * 60 * 60_000), 1);
    const short = slots.find((s) => s.endsAt.getTime() - s.startsAt.getTime() === 15 * 60_000 && s.startsAt.getUTCMinutes() === 15);
    const long = slots.find(
      (s) =>
        s.endsAt.getTime() - s.startsAt.getTime() === 20 * 60_000 &&
        short &&
        s.startsAt < short.endsAt &&
        s.endsAt > short.startsAt &&
        s.startsAt.getTime() !== short.startsAt.getTime(),
    );
    expect(short && long).toBeTruthy();

    const [a, b] = await Promise.all([createPatientAccount(), createPatientAccount()]);
    const results = await Promise.allSettled([
      bookAppointment(a!.actor, { patientId: a!.patient.id, clinicianId: doctor.id, ...short! }),
      bookAppointment(b!.actor, { patientId: b!.patient.id, clinicianId: doctor.id, ...long! }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failure!.reason).toMatchObject({ code: "conflict", messageKey: "slot_taken" });
    const rows = await db().select().from(appointments).where(eq(appointments.clinicianId, doctor.id));
    expect(rows).toHaveLength(1);
  });

  it("returns the first booking for a retried request with the same idempotency key, even when the retries race", async () => {
    const doctor = await createDoctor();
    const { actor, patient } = await createPatientAccount();
    const [slot] = await listOpenSlots(doctor.id, new Date(Date.now() + 60 * 60_000));
    const request = { patientId: patient.id, clinicianId: doctor.id, ...slot!, idempotencyKey: crypto.randomUUID() };

    const [first, second] = await Promise.all([bookAppointment(actor, request), bookAppointment(actor, request)]);
    const third = await bookAppointment(actor, request);
    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    const rows = await db().select().from(appointments).where(eq(appointments.patientId, patient.id));
    expect(rows).toHaveLength(1);

    const [other] = await listOpenSlots(doctor.id, new Date(slot!.endsAt.getTime()));
    await expect(bookAppointment(actor, { ...request, ...other! })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "idempotency_mismatch",
    });
  });
});
