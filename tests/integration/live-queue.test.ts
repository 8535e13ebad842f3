import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { appointments, auditEvents, clinicianPresence, clinicianProfiles, consultations, presenceEvents, smsOutbox, users, vitals, type Role } from "@/db/schema";
import { endSession, resolveSession, resolveSessionInStorm, startSession } from "@/lib/auth/sessions";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { registerPatient } from "@/lib/patients/register-patient";
import { checkIn } from "@/lib/queue/check-in";
import { LiveHub } from "@/lib/queue/live-hub";
import { patientConnected, patientDisconnected, removeAbsentPatients } from "@/lib/queue/presence";
import { admitChosen, admitNext } from "@/lib/queue/admit";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { markNoAnswer } from "@/lib/queue/no-answer";
import { returnToQueue } from "@/lib/queue/return-to-queue";
import { transferConsultation } from "@/lib/queue/transfer";
import { queueWalkIn } from "@/lib/queue/walk-in";
import { withdrawFromQueue } from "@/lib/queue/withdraw";
import { HOSTED_VISIT_MAX_MS, REJOIN_GRACE_MS } from "@/lib/queue/rules";
import type { WaitingView } from "@/lib/queue/snapshot";
import { streamViewerRole } from "@/lib/queue/stream-access";
import { getWaitingStatus, listWaitingPatients } from "@/lib/queue/waiting-room";
import { saveSoapNote } from "@/lib/records/save-soap-note";
import { createListener } from "@/lib/realtime/notify";
import { QUEUES } from "@/lib/jobs/queue";
import { deliverQueueRemovalNotice } from "@/lib/queue/removal-notice";
import { createDoctor, createPatientAccount, createUser, queuedJobs } from "./fixtures";

/** A clinician with a profile, online unless told otherwise. */
async function clinician(options: { specialtyCode?: string; sex?: "female" | "male"; status?: "online" | "busy" | "away"; role?: Role } = {}) {
  // Five-minute slots, so that several patients' slots start within check-in time.
  const doctor = await createDoctor({ slotMinutes: 5 });
  await db()
    .insert(clinicianProfiles)
    .values({ userId: doctor.id, sex: options.sex ?? "female", specialtyCode: options.specialtyCode ?? "general" });
  if ((options.status ?? "online") !== "away") await setClinicianStatus(doctor, options.status ?? "online");
  return doctor;
}

/** A walk-in registered and queued by facility staff (their device hosts the call). */
async function walkIn(host: Awaited<ReturnType<typeof createUser>>, target: string, extra: Record<string, string> = {}) {
  const patient = await registerPatient(host, { fullName: `Walk-in ${crypto.randomUUID().slice(0, 6)}`, sex: "male", dateOfBirth: "1980-01-01" });
  const queued = await queueWalkIn(host, { patientId: patient.id, target, triage: "routine", chiefComplaint: "Cough for a week", ...extra });
  return { patient, consultationId: queued.consultationId };
}

/**
 * A patient at home who booked the doctor's next slot, checked in, and has the waiting page open.
 * With `leadMs`, the slot is the first to start at least that long from now.
 */
async function homePatient(doctorId: string, leadMs = 0) {
  const account = await createPatientAccount();
  const slot = (await listOpenSlots(doctorId)).find((s) => s.startsAt.getTime() - Date.now() >= leadMs);
  const appointment = await bookAppointment(account.actor, { patientId: account.patient.id, clinicianId: doctorId, ...slot! });
  const { consultationId } = await checkIn(account.actor, appointment.id);
  await patientConnected(consultationId);
  return { ...account, consultationId };
}

describe("queueing a walk-in at a facility", () => {
  it("records vitals and flags with the consultation, hosted by the staff member", async () => {
    const doctor = await clinician();
    const host = await createUser("rhu_staff");
    const patient = await registerPatient(host, { fullName: "Rashid Khan", sex: "male", dateOfBirth: "1975-03-01" });
    const { consultationId } = await queueWalkIn(host, {
      patientId: patient.id,
      target: `clinician:${doctor.id}`,
      triage: "urgent",
      chiefComplaint: "Chest pain since morning",
      chaperonePresent: "on",
      systolic: "150",
      diastolic: "95",
      pulse: "104",
      spo2: "96",
      temperatureC: "37,2",
    });
    const [row] = await db().select().from(consultations).where(eq(consultations.id, consultationId));
    expect(row).toMatchObject({ hostedBy: host.id, clinicianId: doctor.id, triage: "urgent", chaperonePresent: true, status: "waiting" });
    const [measured] = await db().select().from(vitals).where(eq(vitals.consultationId, consultationId));
    expect(measured).toMatchObject({ systolic: 150, diastolic: 95, pulse: 104, spo2: 96, temperatureC: 37.2, recordedBy: host.id });
    expect((await getWaitingStatus(host, consultationId)).place).toBe(1);
  });

  it("refuses implausible vitals at their fields, and writes nothing", async () => {
    const doctor = await clinician();
    const host = await createUser("rhu_staff");
    const patient = await registerPatient(host, { fullName: "Bad Vitals", sex: "female", dateOfBirth: "1990-01-01" });
    const attempt = queueWalkIn(host, {
      patientId: patient.id,
      target: `clinician:${doctor.id}`,
      triage: "routine",
      chiefComplaint: "",
      systolic: "400",
      diastolic: "80",
      spo2: "abc",
    });
    await expect(attempt).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { systolic: "systolic_range", spo2: "spo2_number", chiefComplaint: "complaint_required" },
    });
    expect(await db().select().from(consultations).where(eq(consultations.patientId, patient.id))).toEqual([]);
  });

  it("routes only to online clinicians, and a female-clinician request only to women", async () => {
    const away = await clinician({ status: "away" });
    const man = await clinician({ sex: "male" });
    const host = await createUser("rhu_staff");
    const patient = await registerPatient(host, { fullName: "Routing Test", sex: "female", dateOfBirth: "1995-01-01" });
    const base = { patientId: patient.id, triage: "routine", chiefComplaint: "Headache" };
    await expect(queueWalkIn(host, { ...base, target: `clinician:${away.id}` })).rejects.toMatchObject({ fieldErrors: { target: "clinician_not_online" } });
    await expect(queueWalkIn(host, { ...base, target: `clinician:${man.id}`, femaleClinicianRequested: "on" })).rejects.toMatchObject({
      fieldErrors: { target: "female_clinician_mismatch" },
    });
    await expect(queueWalkIn(host, { ...base, target: "specialty:psychiatry" })).rejects.toMatchObject({ fieldErrors: { target: "no_clinician_online" } });
    await queueWalkIn(host, { ...base, target: `clinician:${man.id}` });
    await expect(queueWalkIn(host, { ...base, target: `clinician:${man.id}` })).rejects.toMatchObject({ code: "conflict", messageKey: "already_queued" });
  });

  it("is for facility staff only", async () => {
    const doctor = await clinician();
    const { actor, patient } = await createPatientAccount();
    await expect(queueWalkIn(actor, { patientId: patient.id, target: `clinician:${doctor.id}`, triage: "routine", chiefComplaint: "x y" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("the queue order", () => {
  // Five-minute slots: the first to start two minutes from now or later starts within seven, so
  // check-in is open, and it cannot come due while the test runs.
  const LEAD_MS = 2 * 60_000;

  /** A routine walk-in, a booked patient at home who checked in after them, then urgent and emergency walk-ins. */
  async function mixedQueue() {
    const doctor = await clinician();
    const host = await createUser("rhu_staff");
    const routine = await walkIn(host, `clinician:${doctor.id}`);
    const booked = await homePatient(doctor.id, LEAD_MS);
    const urgent = await walkIn(host, `clinician:${doctor.id}`, { triage: "urgent" });
    const emergency = await walkIn(host, `clinician:${doctor.id}`, { triage: "emergency" });
    return { doctor, routine, booked, urgent, emergency };
  }

  async function checkedInAt(consultationId: string): Promise<Date> {
    const [row] = await db().select({ at: consultations.checkedInAt }).from(consultations).where(eq(consultations.id, consultationId));
    return row!.at;
  }

  it("puts triage first, and a booked patient whose time has not come by arrival, and says why", async () => {
    const { doctor, routine, booked, urgent, emergency } = await mixedQueue();

    const queue = await listWaitingPatients(doctor);
    expect(queue.map((e) => e.id)).toEqual([emergency.consultationId, urgent.consultationId, routine.consultationId, booked.consultationId]);
    expect(queue.map((e) => e.reason)).toEqual([
      { kind: "triage", level: "emergency" },
      { kind: "triage", level: "urgent" },
      { kind: "arrived", at: await checkedInAt(routine.consultationId) },
      { kind: "arrived", at: await checkedInAt(booked.consultationId) },
    ]);
    expect(queue.map((e) => e.place)).toEqual([1, 2, 3, 4]);
    expect((await getWaitingStatus(booked.actor, booked.consultationId)).place).toBe(4);
  });

  it("puts a booked patient whose time has come ahead of earlier arrivals, at their appointment time", async () => {
    const { doctor, routine, booked, urgent, emergency } = await mixedQueue();
    // The slot's time has come: as if the clock had moved on to a minute past its start.
    const due = new Date(Date.now() - 60_000);
    await db().update(consultations).set({ scheduledAt: due }).where(eq(consultations.id, booked.consultationId));

    const queue = await listWaitingPatients(doctor);
    expect(queue.map((e) => e.id)).toEqual([emergency.consultationId, urgent.consultationId, booked.consultationId, routine.consultationId]);
    expect(queue.map((e) => e.reason)).toEqual([
      { kind: "triage", level: "emergency" },
      { kind: "triage", level: "urgent" },
      { kind: "booked", at: due },
      { kind: "arrived", at: await checkedInAt(routine.consultationId) },
    ]);
    expect(queue.map((e) => e.place)).toEqual([1, 2, 3, 4]);
    expect((await getWaitingStatus(booked.actor, booked.consultationId)).place).toBe(3);
  });

  it("estimates the wait from the clinician's recent consultation lengths", async () => {
    const doctor = await clinician();
    const host = await createUser("rhu_staff");
    // Three finished 8-minute consultations.
    for (let i = 0; i < 3; i++) {
      const { consultationId } = await walkIn(host, `clinician:${doctor.id}`);
      const ended = new Date(Date.now() - (i + 1) * 60 * 60_000);
      await db()
        .update(consultations)
        .set({ status: "completed", admittedAt: new Date(ended.getTime() - 8 * 60_000), endedAt: ended })
        .where(eq(consultations.id, consultationId));
    }
    await walkIn(host, `clinician:${doctor.id}`);
    const second = await walkIn(host, `clinician:${doctor.id}`);
    expect(await getWaitingStatus(host, second.consultationId)).toMatchObject({ place: 2, waitMinutes: 8 });

    await setClinicianStatus(doctor, "away");
    expect(await getWaitingStatus(host, second.consultationId)).toMatchObject({ place: 2, waitMinutes: null });
    const events = await db().select().from(presenceEvents).where(eq(presenceEvents.userId, doctor.id)).orderBy(presenceEvents.id);
    expect(events.map((e) => e.kind)).toEqual(["clinician_online", "clinician_away"]);
  });
});

describe("clinician actions", () => {
  it("offers the next patient who is there when the first is offline", async () => {
    const doctor = await clinician();
    const first = await homePatient(doctor.id);
    const second = await homePatient(doctor.id);
    await patientDisconnected(first.consultationId);

    await expect(admitNext(doctor)).rejects.toMatchObject({
      code: "conflict",
      messageKey: "patient_offline",
      details: { offline: { consultationId: first.consultationId }, next: { consultationId: second.consultationId } },
    });
    // Passing over an offline patient needs no reason; they keep their place.
    await admitChosen(doctor, second.consultationId, null);
    expect(await getWaitingStatus(first.actor, first.consultationId)).toMatchObject({ status: "waiting", place: 1 });

    // Reopening the page rejoins at the same place.
    await patientConnected(first.consultationId);
    expect(await admitNext(doctor)).toEqual({ consultationId: first.consultationId });
  });

  it("needs a reason to take someone ahead of a patient who is there, and audits it", async () => {
    const doctor = await clinician();
    const first = await homePatient(doctor.id);
    const second = await homePatient(doctor.id);
    await expect(admitChosen(doctor, second.consultationId, " ")).rejects.toMatchObject({ fieldErrors: { reason: "skip_reason_required" } });
    await admitChosen(doctor, second.consultationId, "Follow-up of a test result");
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, second.consultationId), eq(auditEvents.action, "consultation.admit")));
    expect(audit!.details).toMatchObject({ skipped: [first.consultationId], skipReason: "Follow-up of a test result" });
  });

  it("puts a patient who did not answer back once, then removes them with a notice", async () => {
    const doctor = await clinician();
    const patient = await homePatient(doctor.id);
    await admitNext(doctor);
    expect(await markNoAnswer(doctor, patient.consultationId)).toEqual({ removed: false });
    expect(await getWaitingStatus(patient.actor, patient.consultationId)).toMatchObject({ status: "waiting", place: 1, noAnswerCount: 1 });

    await admitNext(doctor);
    expect(await markNoAnswer(doctor, patient.consultationId)).toEqual({ removed: true });
    expect(await getWaitingStatus(patient.actor, patient.consultationId)).toMatchObject({ status: "cancelled", exitReason: "no_answer" });
    // The text is a job committed with the removal; the worker sends it.
    const jobs = await queuedJobs(QUEUES.queueRemovalNotice, "consultationId", patient.consultationId);
    expect(jobs.map((job) => job.data)).toEqual([{ consultationId: patient.consultationId, reason: "no_answer" }]);
    expect(await deliverQueueRemovalNotice(jobs[0]!.data)).toBe("sent");
    const [notice] = await db().select().from(smsOutbox).where(eq(smsOutbox.dedupeKey, `queue-removed:${patient.consultationId}`));
    expect(notice?.status).toBe("sent");
    // A removed patient cannot be acted on again: illegal transitions are conflicts.
    await expect(markNoAnswer(doctor, patient.consultationId)).rejects.toMatchObject({ code: "conflict" });
    await expect(returnToQueue(doctor, patient.consultationId)).rejects.toMatchObject({ code: "conflict" });
  });

  it("transfers to a specialty queue, where its online clinicians may take the patient", async () => {
    const doctor = await clinician();
    const paediatrician = await clinician({ specialtyCode: "dermatology" });
    const host = await createUser("rhu_staff");
    const { consultationId } = await walkIn(host, `clinician:${doctor.id}`);
    await admitNext(doctor);
    await transferConsultation(doctor, consultationId, "specialty:dermatology", "Rash needs a specialist");

    expect((await listWaitingPatients(doctor)).map((e) => e.id)).not.toContain(consultationId);
    const theirs = await listWaitingPatients(paediatrician);
    expect(theirs.map((e) => e.id)).toContain(consultationId);
    await admitChosen(paediatrician, consultationId, "specialist referral");
    const [row] = await db().select().from(consultations).where(eq(consultations.id, consultationId));
    expect(row).toMatchObject({ status: "in_call", clinicianId: paediatrician.id });
    // The first doctor no longer sees it at all.
    await expect(returnToQueue(doctor, consultationId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets only the clinician in the call act on it, decided under the row lock", async () => {
    const first = await clinician({ specialtyCode: "medicine" });
    const colleague = await clinician({ specialtyCode: "medicine" });
    const host = await createUser("rhu_staff");
    const { consultationId } = await walkIn(host, "specialty:medicine");
    // While it waits in the shared queue, a colleague may see it, but not write its note.
    await expect(saveSoapNote(colleague, consultationId, { subjective: "s", objective: "o", assessment: "a", plan: "p" })).rejects.toMatchObject({
      code: "not_found",
    });
    await admitChosen(first, consultationId, "first in line");
    for (const act of [
      () => markNoAnswer(colleague, consultationId),
      () => returnToQueue(colleague, consultationId),
      () => transferConsultation(colleague, consultationId, `clinician:${colleague.id}`, null),
      () => transferConsultation(host, consultationId, `clinician:${colleague.id}`, null),
    ]) {
      await expect(act()).rejects.toMatchObject({ code: "not_found" });
    }
    // Returned, they go back to the shared queue they came from.
    await returnToQueue(first, consultationId);
    const [row] = await db().select().from(consultations).where(eq(consultations.id, consultationId));
    expect(row).toMatchObject({ status: "waiting", clinicianId: null, specialtyCode: "medicine" });
  });

  it("shows a request for a female clinician only to female clinicians of the specialty", async () => {
    await clinician({ specialtyCode: "cardiology", sex: "female" });
    const man = await clinician({ specialtyCode: "cardiology", sex: "male" });
    const host = await createUser("rhu_staff");
    const { consultationId } = await walkIn(host, "specialty:cardiology", { femaleClinicianRequested: "on" });
    expect((await listWaitingPatients(man)).map((e) => e.id)).not.toContain(consultationId);
    await expect(getWaitingStatus(man, consultationId)).rejects.toMatchObject({ code: "not_found" });
    await expect(admitChosen(man, consultationId, "x y z")).rejects.toMatchObject({ code: "not_found" });
  });

  it("gives a returned patient a fresh grace period and keeps the appointment in step", async () => {
    const doctor = await clinician();
    const patient = await homePatient(doctor.id);
    await admitNext(doctor);
    await patientDisconnected(patient.consultationId); // the waiting page closed as they joined the call
    await db()
      .update(consultations)
      .set({ patientSeenAt: new Date(Date.now() - REJOIN_GRACE_MS * 2) })
      .where(eq(consultations.id, patient.consultationId));
    await markNoAnswer(doctor, patient.consultationId);
    expect(await removeAbsentPatients()).not.toContain(patient.consultationId);
    const [row] = await db()
      .select({ status: appointments.status })
      .from(appointments)
      .innerJoin(consultations, eq(consultations.appointmentId, appointments.id))
      .where(eq(consultations.id, patient.consultationId));
    expect(row!.status).toBe("checked_in");
  });

  it("lets the patient leave the queue, and nobody else's patient", async () => {
    const doctor = await clinician();
    const patient = await homePatient(doctor.id);
    const stranger = await createPatientAccount();
    await expect(withdrawFromQueue(stranger.actor, patient.consultationId)).rejects.toMatchObject({ code: "not_found" });
    await withdrawFromQueue(patient.actor, patient.consultationId);
    expect(await getWaitingStatus(patient.actor, patient.consultationId)).toMatchObject({ status: "cancelled", exitReason: "withdrawn" });
  });
});

describe("presence", () => {
  it("removes a patient at home who stayed away past the grace period, not one at a facility", async () => {
    const doctor = await clinician();
    const host = await createUser("rhu_staff");
    const away = await homePatient(doctor.id);
    const hosted = await walkIn(host, `clinician:${doctor.id}`);
    await patientDisconnected(away.consultationId);

    const later = new Date(Date.now() + REJOIN_GRACE_MS + 1_000);
    expect(await removeAbsentPatients(new Date(Date.now() + REJOIN_GRACE_MS - 5_000))).not.toContain(away.consultationId);
    const removed = await removeAbsentPatients(later);
    expect(removed).toContain(away.consultationId);
    expect(removed).not.toContain(hosted.consultationId);
    expect((await queuedJobs(QUEUES.queueRemovalNotice, "consultationId", away.consultationId)).map((job) => job.data.reason)).toEqual(["not_returned"]);
    const kinds = (await db().select().from(presenceEvents).where(eq(presenceEvents.consultationId, away.consultationId)).orderBy(presenceEvents.id)).map((e) => e.kind);
    expect(kinds).toEqual(["patient_connected", "patient_disconnected"]);

    // A hosted walk-in forgotten in the queue overnight leaves it too.
    expect(await removeAbsentPatients(new Date(Date.now() + HOSTED_VISIT_MAX_MS + 1_000))).toContain(hosted.consultationId);
    // Staff tell a walk-in in person: no text is owed.
    expect(await queuedJobs(QUEUES.queueRemovalNotice, "consultationId", hosted.consultationId)).toEqual([]);
  });
});

function connectionsOf(consultationId: string) {
  return db().select({ connections: consultations.patientConnections }).from(consultations).where(eq(consultations.id, consultationId));
}

const hubs: LiveHub[] = [];
const listeners: ReturnType<typeof createListener>[] = [];
afterAll(async () => {
  for (const hub of hubs) hub.stop();
  await Promise.all(listeners.map((l) => l.close()));
});

describe("live updates across two app instances", () => {
  it("delivers a clinician's action to watchers on both instances", async () => {
    const [a, b] = [0, 1].map(() => {
      const listener = createListener(process.env.DATABASE_URL!);
      listeners.push(listener);
      const hub = new LiveHub(listener);
      hubs.push(hub);
      return hub;
    }) as [LiveHub, LiveHub];

    const doctor = await clinician();
    await homePatient(doctor.id);
    const second = await homePatient(doctor.id);
    const third = await homePatient(doctor.id);
    const seen = { b: [] as WaitingView[], c: [] as WaitingView[] };
    await a.watchConsultation(second.consultationId, false, (v) => seen.b.push(v));
    await b.watchConsultation(third.consultationId, false, (v) => seen.c.push(v));
    let nudges = 0;
    await b.watchStaff([`c:${doctor.id}`], null, () => nudges++);
    // The first view comes with the hub's next batch.
    await expect.poll(() => seen.b.at(-1)?.place, { timeout: 5_000 }).toBe(2);
    await expect.poll(() => seen.c.at(-1)?.place, { timeout: 5_000 }).toBe(3);

    await admitNext(doctor);
    await expect.poll(() => seen.b.at(-1)?.place, { timeout: 5_000 }).toBe(1);
    await expect.poll(() => seen.c.at(-1)?.place, { timeout: 5_000 }).toBe(2);
    expect(nudges).toBeGreaterThan(0);
  });

  it("counts a patient's page as presence, and their leaving as a drop", async () => {
    const listener = createListener(process.env.DATABASE_URL!);
    listeners.push(listener);
    const hub = new LiveHub(listener);
    hubs.push(hub);
    const doctor = await clinician();
    const patient = await homePatient(doctor.id);
    await patientDisconnected(patient.consultationId);
    const unwatch = await hub.watchConsultation(patient.consultationId, true, () => {});
    await expect.poll(async () => (await listWaitingPatients(doctor))[0]?.online, { timeout: 5_000 }).toBe(true);
    unwatch();
    await expect.poll(async () => (await listWaitingPatients(doctor))[0]?.online, { timeout: 5_000 }).toBe(false);
    const [presence] = await db().select().from(clinicianPresence).where(eq(clinicianPresence.userId, doctor.id));
    expect(presence!.status).toBe("online");
  });

  it("folds a page that opens and closes within one batch into no change at all", async () => {
    const listener = createListener(process.env.DATABASE_URL!);
    listeners.push(listener);
    const hub = new LiveHub(listener);
    hubs.push(hub);
    const doctor = await clinician();
    const patient = await homePatient(doctor.id);
    const before = await db().select().from(presenceEvents).where(eq(presenceEvents.consultationId, patient.consultationId));
    const connectionsBefore = await connectionsOf(patient.consultationId);
    const unwatch = await hub.watchConsultation(patient.consultationId, true, () => {});
    unwatch();
    // The batch that the page's coming and going fell into has been worked off.
    await hub.settled();
    const after = await db().select().from(presenceEvents).where(eq(presenceEvents.consultationId, patient.consultationId));
    expect(after).toHaveLength(before.length);
    expect(await connectionsOf(patient.consultationId)).toEqual(connectionsBefore);
  });
});

describe("the stream's checks, made for many streams at once", () => {
  it("give each viewer their own answer: their consultation, and not found for anyone else's or a malformed id", async () => {
    const doctor = await clinician();
    const [mine, theirs] = [await homePatient(doctor.id), await homePatient(doctor.id)];
    const colleague = await clinician();
    // All in one batch: a malformed id or a stranger must not spoil the others' answers.
    const answers = await Promise.all([
      streamViewerRole(mine.actor, mine.consultationId),
      streamViewerRole(mine.actor, theirs.consultationId),
      streamViewerRole(theirs.actor, theirs.consultationId.toUpperCase()),
      streamViewerRole(doctor, mine.consultationId),
      streamViewerRole(colleague, mine.consultationId),
      streamViewerRole(mine.actor, "------------------------------------"),
      streamViewerRole(mine.actor, crypto.randomUUID()),
    ]);
    expect(answers).toEqual([
      { id: mine.consultationId, role: "patient" },
      null,
      { id: theirs.consultationId, role: "patient" },
      { id: mine.consultationId, role: "clinician" },
      null,
      null,
      null,
    ]);
  });

  it("resolve each session as the single check does: its own user only, not once disabled or signed out", async () => {
    const [a, b, gone, disabled] = [await createPatientAccount(), await createPatientAccount(), await createPatientAccount(), await createPatientAccount()];
    const sessions = await Promise.all([a, b, gone, disabled].map((account) => startSession(account.actor.id, "127.0.0.1")));
    await endSession(sessions[2]!);
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.actor.id));
    const lookups = await Promise.all([
      resolveSessionInStorm(a.actor.id, sessions[0]),
      resolveSessionInStorm(a.actor.id, sessions[1]),
      resolveSessionInStorm(gone.actor.id, sessions[2]),
      resolveSessionInStorm(disabled.actor.id, sessions[3]),
      resolveSessionInStorm(b.actor.id, "not-a-session"),
    ]);
    expect(lookups.map((l) => l.status)).toEqual(["active", "none", "ended", "none", "none"]);
    for (const [i, account] of [a, b, gone, disabled].entries()) {
      expect(await resolveSessionInStorm(account.actor.id, sessions[i])).toEqual(await resolveSession(account.actor.id, sessions[i]));
    }
  });

  it("share a queue read with later watchers only until the queue changes", async () => {
    const listener = createListener(process.env.DATABASE_URL!);
    listeners.push(listener);
    const hub = new LiveHub(listener);
    hubs.push(hub);
    const doctor = await clinician();
    const host = await createUser("rhu_staff");
    await homePatient(doctor.id);
    const second = await homePatient(doctor.id);
    const early: WaitingView[] = [];
    await hub.watchConsultation(second.consultationId, false, (v) => early.push(v));
    await hub.settled();
    expect(early.at(-1)?.place).toBe(2);

    // Each change is heard, and worked off, before the next watcher's first view is read: an
    // urgent walk-in moves the queue (a change to the queue alone), then the doctor admits them
    // (a change to a consultation in it).
    const lateViews = async () => {
      const views: WaitingView[] = [];
      await hub.watchConsultation(second.consultationId, false, (v) => views.push(v));
      await hub.settled();
      return views.map((v) => v.place);
    };
    await walkIn(host, `clinician:${doctor.id}`, { triage: "urgent" });
    await expect.poll(() => early.at(-1)?.place, { timeout: 5_000 }).toBe(3);
    expect(await lateViews()).toEqual([3]);
    await admitNext(doctor);
    await expect.poll(() => early.at(-1)?.place, { timeout: 5_000 }).toBe(2);
    expect(await lateViews()).toEqual([2]);
  });
});
