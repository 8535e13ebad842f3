import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, callModeChanges } from "@/db/schema";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { recordCallMode } from "@/lib/consult/record-call-mode";
import { endConsultation } from "@/lib/consult/end-consultation";
import { admitNext } from "@/lib/queue/admit";
import { checkIn } from "@/lib/queue/check-in";
import { patientConnected } from "@/lib/queue/presence";
import { createDoctor, createPatientAccount } from "./fixtures";

/** A patient admitted into a call with a doctor of their own. */
async function callInProgress() {
  const doctor = await createDoctor();
  const account = await createPatientAccount();
  const [slot] = await listOpenSlots(doctor.id);
  const appointment = await bookAppointment(account.actor, { patientId: account.patient.id, clinicianId: doctor.id, ...slot! });
  const { consultationId } = await checkIn(account.actor, appointment.id);
  await patientConnected(consultationId);
  await admitNext(doctor);
  return { doctor, patient: account.actor, consultationId };
}

const stepsOf = (consultationId: string) =>
  db().select().from(callModeChanges).where(eq(callModeChanges.consultationId, consultationId)).orderBy(callModeChanges.id);

describe("recordCallMode", () => {
  it("logs each side's steps on the encounter with their role, and audits each", async () => {
    const { doctor, patient, consultationId } = await callInProgress();
    await recordCallMode(patient, consultationId, { mode: "audio_only", reason: "poor_connection", connectionQuality: "poor" });
    await recordCallMode(doctor, consultationId, { mode: "audio_only", reason: "data_saver" });
    await recordCallMode(patient, consultationId, { mode: "video", reason: "recovered", connectionQuality: "excellent" });

    const steps = await stepsOf(consultationId);
    expect(steps.map((s) => [s.userId, s.participantRole, s.mode, s.reason, s.connectionQuality])).toEqual([
      [patient.id, "patient", "audio_only", "poor_connection", "poor"],
      [doctor.id, "clinician", "audio_only", "data_saver", null],
      [patient.id, "patient", "video", "recovered", "excellent"],
    ]);
    expect(new Set(steps.map((s) => s.encounterId)).size).toBe(1);
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, consultationId), eq(auditEvents.action, "consultation.call_mode")));
    expect(audits).toHaveLength(3);
  });

  it("is 'not found' for someone not in the consultation: another patient, another doctor", async () => {
    const { consultationId } = await callInProgress();
    const stranger = await createPatientAccount();
    const otherDoctor = await createDoctor();
    for (const actor of [stranger.actor, otherDoctor]) {
      await expect(recordCallMode(actor, consultationId, { mode: "audio_only", reason: "data_saver" })).rejects.toMatchObject({
        code: "not_found",
      });
    }
    expect(await stepsOf(consultationId)).toEqual([]);
  });

  it("refuses a mode or reason outside the vocabulary with `invalid`", async () => {
    const { patient, consultationId } = await callInProgress();
    for (const input of [{ mode: "hd", reason: "asked" }, { mode: "video", reason: "because" }, null, { mode: "video" }]) {
      await expect(recordCallMode(patient, consultationId, input)).rejects.toMatchObject({ code: "invalid", messageKey: "call_mode_invalid" });
    }
    expect(await stepsOf(consultationId)).toEqual([]);
  });

  it("refuses a step once the call has ended", async () => {
    const { doctor, patient, consultationId } = await callInProgress();
    await endConsultation(doctor, consultationId);
    await expect(recordCallMode(patient, consultationId, { mode: "video", reason: "asked" })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "call_not_open",
    });
  });
});
