import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, followUps, programmeEnrolments, screenings } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { clinicToday } from "@/lib/booking/slots";
import { registerPatient } from "@/lib/patients/register-patient";
import { registerWalkIn } from "@/lib/patients/register-walk-in";
import { admitNext } from "@/lib/queue/admit";
import { checkIn } from "@/lib/queue/check-in";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { patientConnected } from "@/lib/queue/presence";
import { queueWalkIn } from "@/lib/queue/walk-in";
import { withdrawFromQueue } from "@/lib/queue/withdraw";
import { enrolProgramme } from "@/lib/records/enrol-programme";
import { listDueFollowUps } from "@/lib/records/list-due-follow-ups";
import { shiftDay } from "@/lib/records/programmes/calendar";
import { readProgrammes } from "@/lib/records/read-programmes";
import { recordScreening } from "@/lib/records/record-screening";
import { consultationInCall, createDoctor, createUser } from "./fixtures";

const notFound = { code: "not_found", messageKey: "not_found" };
const today = () => clinicToday(new Date());

/** A man on his own phone account in a call with a doctor (the fixture's patient is a woman). */
async function manInCall() {
  const doctor = await createDoctor();
  const actor = await createUser("patient", "Kashif Mehmood");
  const patient = await registerPatient(actor, { fullName: "Kashif Mehmood", sex: "male", dateOfBirth: "1985-03-10" });
  const [slot] = await listOpenSlots(doctor.id);
  const appointment = await bookAppointment(actor, { patientId: patient.id, clinicianId: doctor.id, ...slot! });
  const { consultationId } = await checkIn(actor, appointment.id);
  await patientConnected(consultationId);
  await admitNext(doctor);
  return { doctor, patient, consultationId };
}

// PHQ-9 answers in the instrument's order, as a form posts them.
function phq9(...values: number[]) {
  const items = ["interest", "down", "sleep", "tired", "appetite", "self_worth", "concentration", "movement", "self_harm"];
  return Object.fromEntries(items.map((item, i) => [item, String(values[i])]));
}
const gad7AllZero = Object.fromEntries(
  ["nervous", "cannot_stop_worrying", "worrying_too_much", "trouble_relaxing", "restless", "irritable", "afraid"].map((i) => [i, "0"]),
);
const preventiveAllClear = {
  tobacco: "no",
  bp_checked_last_year: "yes",
  family_diabetes: "no",
  overweight: "no",
  diabetes_symptoms: "no",
  cough_two_weeks: "no",
  blood_in_sputum: "no",
  night_sweats: "no",
  weight_loss: "no",
  breast_change: "no",
  hepatitis_risk: "no",
};

async function xminOf(table: "screenings" | "follow_ups" | "programme_enrolments", id: string) {
  const [row] = await db().execute<{ xmin: string }>(sql`select xmin::text from ${sql.identifier(table)} where id = ${id}`);
  return row?.xmin;
}
async function auditXmin(action: string, entityId: string) {
  const [row] = await db().execute<{ xmin: string }>(sql`select xmin::text from audit_events where action = ${action} and entity_id = ${entityId}`);
  return row?.xmin;
}

describe("enrolling in a programme", () => {
  it("enrols a woman in antenatal care with her LMP, audited in the same transaction, and shows where the pregnancy stands", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    // 100 days since the LMP: 14 weeks 2 days, past the first contact's window (to 12+6), in the second's (13 to 22+6).
    const lmp = shiftDay(today(), -100);
    const { enrolment, created } = await enrolProgramme(doctor, consultationId, { programme: "antenatal", lastMenstrualPeriod: lmp });
    expect(created).toBe(true);
    expect(enrolment).toMatchObject({ patientId: patient.id, programme: "antenatal", lastMenstrualPeriod: lmp, enrolledBy: doctor.id });
    expect(await auditXmin("programme.enrol", enrolment.id)).toBe(await xminOf("programme_enrolments", enrolment.id));

    const view = await readProgrammes(doctor, patient.id);
    expect(view.enrolments.map((e) => e.programme)).toEqual(["antenatal"]);
    expect(view.antenatal?.visitDays).toEqual([today()]);
    expect(view.antenatal?.status).toMatchObject({
      gestationalAge: { weeks: 14, days: 2 },
      trimester: "second",
      edd: shiftDay(lmp, 280),
      attendedContacts: [2],
      missedContacts: [1],
      postTerm: false,
    });
    expect(view.antenatal?.status.nextContact).toMatchObject({
      number: 3,
      week: 26,
      targetDate: shiftDay(lmp, 26 * 7),
      dueFrom: shiftDay(lmp, 23 * 7),
      dueBy: shiftDay(lmp, 27 * 7 + 6),
    });
  });

  it("returns the open enrolment for a second enrolment in the same programme", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const first = await enrolProgramme(doctor, consultationId, { programme: "hypertension" });
    const second = await enrolProgramme(doctor, consultationId, { programme: "hypertension" });
    expect(second).toEqual({ enrolment: first.enrolment, created: false });
    const rows = await db().select().from(programmeEnrolments).where(eq(programmeEnrolments.patientId, patient.id));
    expect(rows).toHaveLength(1);
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patient.id), eq(auditEvents.action, "programme.enrol")));
    expect(audits).toHaveLength(1);
  });

  it("refuses antenatal care for a man, and an LMP in the future, at the field", async () => {
    const man = await manInCall();
    await expect(
      enrolProgramme(man.doctor, man.consultationId, { programme: "antenatal", lastMenstrualPeriod: shiftDay(today(), -30) }),
    ).rejects.toMatchObject({ code: "invalid", fieldErrors: { programme: "antenatal_female_only" } });

    const woman = await consultationInCall();
    await expect(
      enrolProgramme(woman.doctor, woman.consultationId, { programme: "antenatal", lastMenstrualPeriod: shiftDay(today(), 3) }),
    ).rejects.toMatchObject({ code: "invalid", fieldErrors: { lastMenstrualPeriod: "lmp_future" } });
    await expect(enrolProgramme(woman.doctor, woman.consultationId, { programme: "antenatal" })).rejects.toMatchObject({
      fieldErrors: { lastMenstrualPeriod: "lmp_required" },
    });
    await expect(enrolProgramme(woman.doctor, woman.consultationId, { programme: "yoga" })).rejects.toMatchObject({
      fieldErrors: { programme: "programme_required" },
    });
    const rows = await db()
      .select()
      .from(programmeEnrolments)
      .where(sql`${programmeEnrolments.patientId} in (${man.patient.id}, ${woman.patient.id})`);
    expect(rows).toEqual([]);
  });
});

describe("recording a screening", () => {
  it("books a PHQ-9 of moderate depression for 2 weeks later, with the audit row in the same transaction", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    // 2+2+2+1+1+1+1+1+0 = 11: moderate (10 to 14).
    const outcome = await recordScreening(doctor, consultationId, "phq9", phq9(2, 2, 2, 1, 1, 1, 1, 1, 0));
    expect(outcome).toMatchObject({ score: 11, band: "moderate", positive: true, selfHarm: false });
    expect(outcome.followUps).toEqual([{ id: expect.any(String), reason: "phq9.follow_up_consider_referral", dueOn: shiftDay(today(), 14) }]);

    const [stored] = await db().select().from(screenings).where(eq(screenings.id, outcome.screeningId));
    expect(stored).toMatchObject({ patientId: patient.id, instrument: "phq9", score: 11, band: "moderate", positive: true, recordedBy: doctor.id });
    expect(stored!.answers).toMatchObject({ interest: 2, self_harm: 0 });
    const screeningXmin = await xminOf("screenings", outcome.screeningId);
    expect(await auditXmin("screening.record", outcome.screeningId)).toBe(screeningXmin);
    expect(await xminOf("follow_ups", outcome.followUps[0]!.id)).toBe(screeningXmin);
  });

  it("books a same-day safety assessment when item 9 is above 0, whatever the total", async () => {
    const { doctor, consultationId } = await consultationInCall();
    const outcome = await recordScreening(doctor, consultationId, "phq9", phq9(0, 0, 0, 0, 0, 0, 0, 0, 1));
    expect(outcome).toMatchObject({ score: 1, band: "minimal", positive: true, selfHarm: true, prompt: { urgency: "same_day" } });
    expect(outcome.followUps.map((f) => [f.reason, f.dueOn])).toEqual([["phq9.safety_assessment", today()]]);
  });

  it("books nothing for a minimal GAD-7", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const outcome = await recordScreening(doctor, consultationId, "gad7", gad7AllZero);
    expect(outcome).toMatchObject({ score: 0, band: "minimal", positive: false, followUps: [] });
    expect(await db().select().from(followUps).where(eq(followUps.patientId, patient.id))).toEqual([]);
  });

  it("books the preventive screening's finding: a cough of 2 weeks is a sputum test the next day", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const outcome = await recordScreening(doctor, consultationId, "preventive", { ...preventiveAllClear, cough_two_weeks: "yes" });
    expect(outcome.positive).toBe(true);
    expect(outcome.findings.map((f) => f.code)).toEqual(["tb_presumptive"]);
    expect(outcome.followUps.map((f) => [f.reason, f.dueOn])).toEqual([["preventive.tb_presumptive", shiftDay(today(), 1)]]);

    const due = await listDueFollowUps(doctor, patient.id);
    expect(due).toEqual([
      expect.objectContaining({ reason: "preventive.tb_presumptive", parsedReason: { source: "preventive", key: "tb_presumptive" }, overdue: false }),
    ]);
    const view = await readProgrammes(doctor, patient.id);
    expect(view.screenings).toEqual([expect.objectContaining({ instrument: "preventive", positive: true, findings: ["tb_presumptive"] })]);
    expect(view.followUps.map((f) => f.id)).toEqual(due.map((f) => f.id));
  });

  it("answers a missing or unknown answer at its field, and stores nothing", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const answers = phq9(1, 1, 1, 1, 1, 1, 1, 1, 0);
    delete answers.sleep;
    await expect(recordScreening(doctor, consultationId, "phq9", { ...answers, tired: "7" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { sleep: "answer_required", tired: "answer_invalid" },
    });
    const { breast_change: _asked, ...withoutBreast } = preventiveAllClear;
    await expect(recordScreening(doctor, consultationId, "preventive", withoutBreast)).rejects.toMatchObject({
      fieldErrors: { breast_change: "answer_required" },
    });
    expect(await db().select().from(screenings).where(eq(screenings.patientId, patient.id))).toEqual([]);
  });

  it("keeps one screening when the same answers are sent twice", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const answers = phq9(3, 3, 2, 2, 2, 1, 1, 1, 0);
    const first = await recordScreening(doctor, consultationId, "phq9", answers);
    const again = await recordScreening(doctor, consultationId, "phq9", answers);
    expect(again.screeningId).toBe(first.screeningId);
    expect(again.followUps).toEqual(first.followUps);
    expect(await db().select().from(screenings).where(eq(screenings.patientId, patient.id))).toHaveLength(1);
    expect(await db().select().from(followUps).where(eq(followUps.patientId, patient.id))).toHaveLength(1);
  });
});

describe("chronic programme readings", () => {
  it("charts blood pressure and sugar from the vitals taken at intake, oldest first, with their flags", async () => {
    const doctor = await createDoctor();
    await setClinicianProfile(doctor, doctor.id, { sex: "female", specialtyCode: "general", languages: ["ur"] });
    await setClinicianStatus(doctor, "online");
    const host = await createUser("rhu_staff");
    const patient = await registerWalkIn(host, { fullName: "Rukhsana Bibi", sex: "female", dateOfBirth: "1968-02-01" });
    const visit = { patientId: patient.id, target: `clinician:${doctor.id}`, triage: "routine", chiefComplaint: "BP check" };
    const earlier = new Date(Date.now() - 2 * 86_400_000);
    const first = await queueWalkIn(host, { ...visit, systolic: "150", diastolic: "95" }, earlier);
    await withdrawFromQueue(host, first.consultationId);
    const second = await queueWalkIn(host, { ...visit, systolic: "132", diastolic: "84", glucoseMgDl: "210" });
    await enrolProgramme(host, second.consultationId, { programme: "hypertension" });

    const view = await readProgrammes(host, patient.id);
    expect(view.enrolments.map((e) => e.programme)).toEqual(["hypertension"]);
    expect(view.bloodPressure.readings.map((r) => r.flag)).toEqual(["above_target", "at_target"]);
    const systolic = view.bloodPressure.series.find((s) => s.key === "systolic")!;
    expect(systolic.points.map((p) => [p.value, p.outOfRange])).toEqual([
      [150, true],
      [132, false],
    ]);
    expect(systolic.points[0]!.takenAt.getTime()).toBe(earlier.getTime());
    expect(view.bloodPressure.latestReading).toMatchObject({ systolic: 132, diastolic: 84, flag: "at_target" });
    // 210 mg/dL taken at intake is a random reading: above the 180 target.
    expect(view.glucose.latestReading).toMatchObject({ mgDl: 210, flag: "above_target" });
    expect(view.glucose.series.map((s) => s.key)).toEqual(["random"]);
  });
});

describe("who may see and write a patient's programmes", () => {
  it("answers another doctor 'not found' for every read and write, and writes nothing for them", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    await recordScreening(doctor, consultationId, "gad7", gad7AllZero);
    const stranger: Actor = await createDoctor();
    await expect(readProgrammes(stranger, patient.id)).rejects.toMatchObject(notFound);
    await expect(listDueFollowUps(stranger, patient.id)).rejects.toMatchObject(notFound);
    await expect(enrolProgramme(stranger, consultationId, { programme: "diabetes" })).rejects.toMatchObject(notFound);
    await expect(recordScreening(stranger, consultationId, "phq9", phq9(3, 3, 3, 3, 3, 3, 3, 3, 3))).rejects.toMatchObject(notFound);
    await expect(readProgrammes(await createUser("admin"), patient.id)).rejects.toMatchObject(notFound);

    expect(await db().select().from(screenings).where(eq(screenings.patientId, patient.id))).toHaveLength(1);
    expect(await db().select().from(programmeEnrolments).where(eq(programmeEnrolments.patientId, patient.id))).toEqual([]);
    const strangerAudits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, stranger.id), eq(auditEvents.patientId, patient.id)));
    expect(strangerAudits).toEqual([]);
  });

  it("lets the patient read their own programmes, and audits each read", async () => {
    const { doctor, actor, patient, consultationId } = await consultationInCall();
    await enrolProgramme(doctor, consultationId, { programme: "diabetes" });
    const view = await readProgrammes(actor, patient.id);
    expect(view.enrolments.map((e) => e.programme)).toEqual(["diabetes"]);
    const reads = await db()
      .select({ purpose: auditEvents.purpose })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, actor.id), eq(auditEvents.action, "programmes.read")));
    expect(reads).toEqual([{ purpose: "own_record" }]);
  });
});

describe("booking a follow-up", () => {
  it("links the appointment to the follow-up in the booking's transaction, once, and only for its own patient", async () => {
    const { doctor, consultationId, actor, patient } = await consultationInCall();
    const outcome = await recordScreening(doctor, consultationId, "phq9", phq9(2, 2, 2, 1, 1, 1, 1, 1, 0));
    const followUpId = outcome.followUps[0]!.id;
    const desk = await createUser("rhu_staff");
    const clinician = await createDoctor();
    const [first, second] = await listOpenSlots(clinician.id);

    const other = await consultationInCall();
    await expect(
      bookAppointment(desk, { patientId: other.patient.id, clinicianId: clinician.id, ...first!, followUpId }),
    ).rejects.toMatchObject({ code: "not_found" });

    const appointment = await bookAppointment(desk, { patientId: patient.id, clinicianId: clinician.id, ...first!, followUpId });
    const [stored] = await db().select().from(followUps).where(eq(followUps.id, followUpId));
    expect(stored?.appointmentId).toBe(appointment.id);
    expect((await listDueFollowUps(actor, patient.id)).map((f) => f.id)).not.toContain(followUpId);

    await expect(
      bookAppointment(desk, { patientId: patient.id, clinicianId: clinician.id, ...second!, followUpId }),
    ).rejects.toMatchObject({ code: "conflict", messageKey: "follow_up_booked" });
  });
});
