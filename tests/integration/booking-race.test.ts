import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { appointments } from "@/db/schema";
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
      expect((failure.reason as AppError).code).toBe("conflict");
      expect((failure.reason as AppError).messageKey).toBe("slot_taken");
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
