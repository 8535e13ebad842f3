import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { appointments, auditEvents, noteRevisions } from "@/db/schema";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { mintRoomToken } from "@/lib/consult/room-token";
import { checkIn } from "@/lib/queue/check-in";
import { patientConnected } from "@/lib/queue/presence";
import { admitNext } from "@/lib/queue/admit";
import { getWaitingStatus, listWaitingPatients } from "@/lib/queue/waiting-room";
import { readConsultationRecord } from "@/lib/records/read-records";
import { saveSoapNote } from "@/lib/records/save-soap-note";
import { createDoctor, createPatientAccount } from "./fixtures";

/** Books the doctor's next slot (which starts within 15 minutes) and checks the patient in. */
async function checkedInPatient(doctor: Awaited<ReturnType<typeof createDoctor>>) {
  const account = await createPatientAccount();
  const [slot] = await listOpenSlots(doctor.id);
  const appointment = await bookAppointment(account.actor, { patientId: account.patient.id, clinicianId: doctor.id, ...slot! });
  const { consultationId } = await checkIn(account.actor, appointment.id);
  // The patient's waiting page is open (what the live queue's connection records).
  await patientConnected(consultationId);
  return { ...account, appointment, consultationId };
}

describe("from check-in to the note", () => {
  it("queues patients in arrival order and admits the first", async () => {
    const doctor = await createDoctor({ slotMinutes: 5 });
    const first = await checkedInPatient(doctor);
    const second = await checkedInPatient(doctor);

    expect(await getWaitingStatus(first.actor, first.consultationId)).toMatchObject({ status: "waiting", place: 1 });
    expect(await getWaitingStatus(second.actor, second.consultationId)).toMatchObject({ status: "waiting", place: 2 });
    expect((await listWaitingPatients(doctor)).map((w) => w.consultationId)).toEqual([first.consultationId, second.consultationId]);

    const admitted = await admitNext(doctor);
    expect(admitted.consultationId).toBe(first.consultationId);
    expect(await getWaitingStatus(second.actor, second.consultationId)).toMatchObject({ place: 1 });
    const [appointment] = await db().select().from(appointments).where(eq(appointments.id, first.appointment.id));
    expect(appointment!.status).toBe("in_consultation");
  });

  it("checking in twice returns the same consultation", async () => {
    const doctor = await createDoctor();
    const { actor, appointment, consultationId } = await checkedInPatient(doctor);
    expect(await checkIn(actor, appointment.id)).toEqual({ consultationId });
  });

  it("mints room tokens only for the consultation's patient and clinician", async () => {
    const doctor = await createDoctor();
    const { actor, consultationId } = await checkedInPatient(doctor);
    await expect(mintRoomToken(actor, consultationId)).rejects.toMatchObject({ code: "conflict", messageKey: "call_not_open" });
    await admitNext(doctor);

    const patientToken = await mintRoomToken(actor, consultationId);
    const doctorToken = await mintRoomToken(doctor, consultationId);
    const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString());
    expect(patientToken.roomName).toBe(`consult-${consultationId}`);
    expect(claims(patientToken.token).video).toMatchObject({ room: patientToken.roomName, roomJoin: true, roomAdmin: false });
    expect(claims(doctorToken.token).video).toMatchObject({ room: patientToken.roomName, roomAdmin: true });
    expect(claims(patientToken.token).exp - claims(patientToken.token).nbf).toBeLessThanOrEqual(600);

    const stranger = await createPatientAccount();
    const otherDoctor = await createDoctor();
    await expect(mintRoomToken(stranger.actor, consultationId)).rejects.toMatchObject({ code: "not_found" });
    await expect(mintRoomToken(otherDoctor, consultationId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("versions the note, keys it to the MR ID, audits reads, and hides it from strangers", async () => {
    const doctor = await createDoctor();
    const { actor, patient, consultationId } = await checkedInPatient(doctor);
    await admitNext(doctor);

    const draft = { subjective: "Fever 3 days", objective: "Temp 38.6", assessment: "Viral fever", plan: "Paracetamol" };
    await saveSoapNote(doctor, consultationId, draft);
    const revised = await saveSoapNote(doctor, consultationId, { ...draft, plan: "Paracetamol 500 mg, fluids" });
    expect(revised).toMatchObject({ version: 2, mrId: patient.mrId, patientId: patient.id });
    const revisions = await db().select().from(noteRevisions).where(eq(noteRevisions.noteId, revised.id));
    expect(revisions.map((r) => r.version).sort()).toEqual([1, 2]);

    await expect(saveSoapNote(actor, consultationId, draft)).rejects.toMatchObject({ code: "not_found" });
    await expect(saveSoapNote(doctor, consultationId, { subjective: "", objective: "", assessment: "", plan: "" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { subjective: "note_empty" },
    });

    const record = await readConsultationRecord(actor, consultationId);
    expect(record.note).toMatchObject({ plan: "Paracetamol 500 mg, fluids" });
    const views = await db().select().from(auditEvents).where(eq(auditEvents.entityId, consultationId));
    expect(views.some((v) => v.action === "record.view" && v.actorId === actor.id)).toBe(true);

    const stranger = await createPatientAccount();
    await expect(readConsultationRecord(stranger.actor, consultationId)).rejects.toMatchObject({ code: "not_found" });
  });
});
