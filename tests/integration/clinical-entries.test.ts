import { and, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { attachments, auditEvents, labOrders, labResults, referrals, specialties, vitals } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { endConsultation } from "@/lib/consult/end-consultation";
import { isAppError } from "@/lib/errors";
import { registerWalkIn } from "@/lib/patients/register-walk-in";
import { admitNext } from "@/lib/queue/admit";
import { checkIn } from "@/lib/queue/check-in";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { patientConnected } from "@/lib/queue/presence";
import { queueWalkIn } from "@/lib/queue/walk-in";
import { MAX_UPLOAD_BYTES } from "@/lib/records/attachments/image-intake";
import { orderLab } from "@/lib/records/order-lab";
import { readAttachment } from "@/lib/records/read-attachment";
import { readConsultationEntries } from "@/lib/records/read-consultation-entries";
import { readOpenReferral } from "@/lib/records/read-referral";
import { changeAllergyStatus, recordAllergy } from "@/lib/records/record-allergy";
import { markDiagnosisEnteredInError, recordDiagnosis } from "@/lib/records/record-diagnosis";
import { recordLabResult } from "@/lib/records/record-lab-result";
import { recordProblem, resolveProblem } from "@/lib/records/record-problem";
import { recordVitals } from "@/lib/records/record-vitals";
import { listOpenReferrals, referPatient } from "@/lib/records/refer";
import { consultationInCall, createDoctor, createUser } from "./fixtures";

const notFound = (e: unknown) => isAppError(e, "not_found");
const fieldError = (fields: Record<string, string>) => (e: unknown) => isAppError(e, "form_invalid") && expect(e.fieldErrors).toEqual(fields) !== null;

/** Rows written by one transaction carry its id as xmin: the entry and its audit row must share it. */
async function expectAuditedTogether(table: string, id: string, action: string) {
  const [row] = await db().execute<{ xmin: string }>(sql`select xmin::text from ${sql.identifier(table)} where id = ${id}`);
  const [audit] = await db().execute<{ xmin: string; purpose: string; actor_role: string }>(
    sql`select xmin::text, purpose, actor_role from audit_events where action = ${action} and entity_id = ${id}`,
  );
  expect(row?.xmin).toBeDefined();
  expect(audit?.xmin).toBe(row?.xmin);
  return audit!;
}

/** The same patient seen again by another doctor, after the first call ended: a new encounter. */
async function nextConsultation(first: Awaited<ReturnType<typeof consultationInCall>>) {
  await endConsultation(first.doctor, first.consultationId);
  const doctor = await createDoctor();
  const [slot] = await listOpenSlots(doctor.id);
  const appointment = await bookAppointment(first.actor, { patientId: first.patient.id, clinicianId: doctor.id, ...slot! });
  const { consultationId } = await checkIn(first.actor, appointment.id);
  await patientConnected(consultationId);
  await admitNext(doctor);
  return { doctor, consultationId };
}

/** A walk-in hosted by facility staff, in a call with a doctor. */
async function hostedConsultation() {
  const doctor = await createDoctor();
  await setClinicianProfile(doctor, doctor.id, { sex: "female", specialtyCode: "general", languages: ["ur"] });
  await setClinicianStatus(doctor, "online");
  const host = await createUser("rhu_staff");
  const patient = await registerWalkIn(host, { fullName: "Nasreen Akhtar", sex: "female", dateOfBirth: "1985-02-03" });
  const { consultationId } = await queueWalkIn(host, { patientId: patient.id, target: `clinician:${doctor.id}`, triage: "routine", chiefComplaint: "Fever" });
  await admitNext(doctor);
  return { doctor, host, patient, consultationId };
}

async function strangers(): Promise<Actor[]> {
  return [await createDoctor(), await createUser("rhu_staff"), await createUser("admin"), await createUser("patient")];
}

describe("vitals in the consultation", () => {
  it("are stored against the consultation with who measured them, audited in the same transaction, with intake's warnings", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const { vitals: row, warnings } = await recordVitals(doctor, consultationId, { systolic: "170", diastolic: "100", spo2: "۸۸", pulse: "" });
    expect(row).toMatchObject({ consultationId, patientId: patient.id, recordedBy: doctor.id, systolic: 170, diastolic: 100, spo2: 88, pulse: null });
    expect(warnings).toEqual(["spo2_low", "bp_high"]);
    const audit = await expectAuditedTogether("vitals", row.id, "vitals.record");
    expect(audit).toMatchObject({ purpose: "care", actor_role: "doctor" });
  });

  it("may be entered by the host of the call too", async () => {
    const { host, consultationId } = await hostedConsultation();
    const { vitals: row } = await recordVitals(host, consultationId, { temperatureC: "38,9" });
    expect(row).toMatchObject({ recordedBy: host.id, temperatureC: 38.9 });
  });

  it("refuse bad and empty forms at the field, and anyone else with not found", async () => {
    const { doctor, consultationId } = await consultationInCall();
    await expect(recordVitals(doctor, consultationId, { systolic: "120" })).rejects.toSatisfy(fieldError({ diastolic: "bp_pair" }));
    await expect(recordVitals(doctor, consultationId, { pulse: "720" })).rejects.toSatisfy(fieldError({ pulse: "pulse_range" }));
    await expect(recordVitals(doctor, consultationId, { pulse: " " })).rejects.toSatisfy((e) => isAppError(e, "vitals_empty"));
    for (const stranger of await strangers()) {
      await expect(recordVitals(stranger, consultationId, { pulse: "80" })).rejects.toSatisfy(notFound);
    }
    expect(await db().select().from(vitals).where(eq(vitals.consultationId, consultationId))).toEqual([]);
  });
});

describe("diagnoses", () => {
  it("come from the shipped list or free text, exactly one, audited in the same transaction", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const coded = await recordDiagnosis(doctor, consultationId, { code: "j06.9", certainty: "provisional" });
    expect(coded).toMatchObject({ code: "J06.9", freeText: null, certainty: "provisional", patientId: patient.id, recordedBy: doctor.id });
    await expectAuditedTogether("diagnoses", coded.id, "diagnosis.record");
    const words = await recordDiagnosis(doctor, consultationId, { freeText: "Scorpion sting, left foot", certainty: "confirmed" });
    expect(words).toMatchObject({ code: null, freeText: "Scorpion sting, left foot" });

    await expect(recordDiagnosis(doctor, consultationId, { code: "J06.9", freeText: "cold", certainty: "confirmed" })).rejects.toSatisfy(
      fieldError({ code: "entry_code_or_text" }),
    );
    await expect(recordDiagnosis(doctor, consultationId, { code: "Z99.99", certainty: "" })).rejects.toSatisfy(
      fieldError({ code: "entry_unknown", certainty: "certainty_required" }),
    );
  });

  it("are written only by the consultation's clinician", async () => {
    const { consultationId } = await hostedConsultation();
    const { host } = await hostedConsultation();
    for (const stranger of [...(await strangers()), host]) {
      await expect(recordDiagnosis(stranger, consultationId, { code: "J00", certainty: "confirmed" })).rejects.toSatisfy(notFound);
    }
  });

  it("are marked entered in error by their recorder only, and kept", async () => {
    const { doctor, consultationId } = await consultationInCall();
    const diagnosis = await recordDiagnosis(doctor, consultationId, { code: "B54", certainty: "provisional" });
    const other = await consultationInCall();
    await expect(markDiagnosisEnteredInError(other.doctor, other.consultationId, diagnosis.id)).rejects.toSatisfy(notFound);
    await expect(markDiagnosisEnteredInError(other.doctor, consultationId, diagnosis.id)).rejects.toSatisfy(notFound);

    const marked = await markDiagnosisEnteredInError(doctor, consultationId, diagnosis.id);
    expect(marked).toMatchObject({ id: diagnosis.id, code: "B54", enteredInErrorBy: doctor.id });
    expect(marked.enteredInErrorAt).toBeInstanceOf(Date);
    await expectAuditedTogether("diagnoses", diagnosis.id, "diagnosis.entered_in_error");
    const again = await markDiagnosisEnteredInError(doctor, consultationId, diagnosis.id);
    expect(again.enteredInErrorAt).toEqual(marked.enteredInErrorAt);
  });
});

describe("allergies", () => {
  it("are the patient's, carried across encounters: a second active one to the same allergen is refused at the field", async () => {
    const first = await consultationInCall();
    const allergy = await recordAllergy(first.doctor, first.consultationId, { allergenCode: "penicillins", reaction: "Hives", severity: "moderate" });
    expect(allergy).toMatchObject({ patientId: first.patient.id, allergenCode: "penicillins", status: "active", recordedBy: first.doctor.id });
    await expectAuditedTogether("allergies", allergy.id, "allergy.record");
    await recordAllergy(first.doctor, first.consultationId, { freeText: "Mango", severity: "mild" });

    const second = await nextConsultation(first);
    await expect(recordAllergy(second.doctor, second.consultationId, { allergenCode: "penicillins", severity: "severe" })).rejects.toSatisfy(
      fieldError({ allergenCode: "allergy_duplicate" }),
    );
    await expect(recordAllergy(second.doctor, second.consultationId, { freeText: " mango ", severity: "mild" })).rejects.toSatisfy(
      fieldError({ freeText: "allergy_duplicate" }),
    );
    await expect(recordAllergy(second.doctor, second.consultationId, { allergenCode: "not_a_thing", severity: "" })).rejects.toSatisfy(
      fieldError({ allergenCode: "entry_unknown", severity: "severity_required" }),
    );

    // The second doctor is in the patient's care now and may correct the list.
    const changed = await changeAllergyStatus(second.doctor, allergy.id, { status: "entered_in_error" });
    expect(changed).toMatchObject({ status: "entered_in_error", changedBy: second.doctor.id });
    await expectAuditedTogether("allergies", allergy.id, "allergy.change_status");
    await expect(changeAllergyStatus(second.doctor, allergy.id, { status: "inactive" })).rejects.toSatisfy((e) => isAppError(e, "allergy_not_active"));
    const again = await recordAllergy(second.doctor, second.consultationId, { allergenCode: "penicillins", severity: "severe" });
    expect(again.status).toBe("active");
  });

  it("are changed only by a clinician in the patient's care", async () => {
    const { doctor, actor: patientAccount, consultationId } = await consultationInCall();
    const allergy = await recordAllergy(doctor, consultationId, { allergenCode: "aspirin", severity: "severe" });
    for (const stranger of [...(await strangers()), patientAccount]) {
      await expect(changeAllergyStatus(stranger, allergy.id, { status: "inactive" })).rejects.toSatisfy(notFound);
      await expect(recordAllergy(stranger, consultationId, { allergenCode: "eggs", severity: "mild" })).rejects.toSatisfy(notFound);
    }
  });
});

describe("the problem list", () => {
  it("keeps problems with their onset until a clinician in care resolves them", async () => {
    const { doctor, consultationId } = await consultationInCall();
    const problem = await recordProblem(doctor, consultationId, { code: "I10", onsetOn: "2021-06-01" });
    expect(problem).toMatchObject({ code: "I10", status: "active", onsetOn: "2021-06-01" });
    await expectAuditedTogether("problems", problem.id, "problem.record");
    await expect(recordProblem(doctor, consultationId, { freeText: "Knee pain", onsetOn: "2999-01-01" })).rejects.toSatisfy(fieldError({ onsetOn: "date_invalid" }));

    await expect(resolveProblem(doctor, problem.id, { resolvedOn: "2020-01-01" })).rejects.toSatisfy(fieldError({ resolvedOn: "resolved_before_onset" }));
    for (const stranger of await strangers()) {
      await expect(resolveProblem(stranger, problem.id, {})).rejects.toSatisfy(notFound);
      await expect(recordProblem(stranger, consultationId, { code: "E11.9" })).rejects.toSatisfy(notFound);
    }
    const resolved = await resolveProblem(doctor, problem.id, { resolvedOn: "2024-02-01" });
    expect(resolved).toMatchObject({ status: "resolved", resolvedOn: "2024-02-01", changedBy: doctor.id });
    await expectAuditedTogether("problems", problem.id, "problem.resolve");
    await expect(resolveProblem(doctor, problem.id, {})).rejects.toSatisfy((e) => isAppError(e, "problem_not_active"));
  });
});

/** A JPEG as a phone writes it: camera make and GPS position in its EXIF. */
function phonePhoto() {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: "#f4f0e8" } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: "CheapPhone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "30/1 4/1 0/1" } })
    .toBuffer();
}

describe("lab orders and results", () => {
  it("close the order they answer and carry the flag of the value", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const order = await orderLab(doctor, consultationId, { testCode: "hb", note: "Pale, tired" });
    expect(order).toMatchObject({ testCode: "hb", status: "ordered", patientId: patient.id });
    await expectAuditedTogether("lab_orders", order.id, "lab_order.create");
    await expect(orderLab(doctor, consultationId, { testCode: "unicorn" })).rejects.toSatisfy(fieldError({ testCode: "lab_test_unknown" }));

    const result = await recordLabResult(doctor, consultationId, { orderId: order.id, value: "9.4", takenOn: "2026-01-05" });
    // Hb below 12 g/dL is low (the test's range in lab-tests.ts).
    expect(result).toMatchObject({ testCode: "hb", valueNumeric: 9.4, flag: "low", orderId: order.id, takenOn: "2026-01-05" });
    await expectAuditedTogether("lab_results", result.id, "lab_result.record");
    const [closed] = await db().select({ status: labOrders.status }).from(labOrders).where(eq(labOrders.id, order.id));
    expect(closed?.status).toBe("resulted");
    await expect(recordLabResult(doctor, consultationId, { orderId: order.id, value: "9.5", takenOn: "2026-01-05" })).rejects.toSatisfy(
      fieldError({ orderId: "lab_order_closed" }),
    );

    const rdt = await recordLabResult(doctor, consultationId, { testCode: "malaria_rdt", value: "positive", takenOn: "2026-01-05" });
    expect(rdt).toMatchObject({ valueText: "positive", valueNumeric: null, flag: "positive" });
    await expect(recordLabResult(doctor, consultationId, { testCode: "malaria_rdt", value: "maybe", takenOn: "2026-01-05" })).rejects.toSatisfy(
      fieldError({ value: "lab_value_choice" }),
    );
    await expect(recordLabResult(doctor, consultationId, { testCode: "rbs", value: "high", takenOn: "" })).rejects.toSatisfy(
      fieldError({ value: "lab_value_number", takenOn: "date_invalid" }),
    );
    await expect(recordLabResult(doctor, consultationId, { testCode: "rbs", takenOn: "2026-01-05" })).rejects.toSatisfy(fieldError({ value: "lab_value_required" }));
  });

  it("refuse an order of another patient, and anyone outside the consultation", async () => {
    const { doctor, consultationId } = await consultationInCall();
    const other = await consultationInCall();
    const theirs = await orderLab(other.doctor, other.consultationId, { testCode: "hb" });
    await expect(recordLabResult(doctor, consultationId, { orderId: theirs.id, value: "12", takenOn: "2026-01-05" })).rejects.toSatisfy(
      fieldError({ orderId: "lab_order_unknown" }),
    );
    for (const stranger of await strangers()) {
      await expect(orderLab(stranger, consultationId, { testCode: "hb" })).rejects.toSatisfy(notFound);
      await expect(recordLabResult(stranger, consultationId, { testCode: "hb", value: "12", takenOn: "2026-01-05" }, { bytes: await phonePhoto() })).rejects.toSatisfy(notFound);
    }
  });

  it("store a photographed report re-encoded without its metadata, served back only to the record's viewers", async () => {
    const { host, doctor, patient, consultationId } = await hostedConsultation();
    const photo = await phonePhoto();
    expect(photo.toString("latin1")).toContain("CheapPhone");
    const result = await recordLabResult(host, consultationId, { testCode: "cbc", takenOn: "2026-01-04" }, { bytes: photo });
    expect(result).toMatchObject({ testCode: "cbc", valueText: null, valueNumeric: null, enteredBy: host.id });
    expect(result.attachmentId).toEqual(expect.any(String));
    await expectAuditedTogether("lab_results", result.id, "lab_result.record");
    await expectAuditedTogether("attachments", result.attachmentId!, "attachment.upload");

    const [stored] = await db().select().from(attachments).where(eq(attachments.id, result.attachmentId!));
    expect(stored).toMatchObject({ kind: "lab_report", patientId: patient.id, contentType: "image/jpeg", width: 640, height: 480, uploadedBy: host.id });
    expect(Buffer.compare(stored!.content, photo)).not.toBe(0);
    expect(stored!.content.toString("latin1")).not.toContain("CheapPhone");
    expect((await sharp(stored!.content).metadata()).exif).toBeUndefined();

    for (const viewer of [doctor, host]) {
      const served = await readAttachment(viewer, result.attachmentId!);
      expect(served.contentType).toBe("image/jpeg");
      expect(Buffer.compare(served.bytes, stored!.content)).toBe(0);
    }
    const reads = await db()
      .select({ actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "attachment.read"), eq(auditEvents.entityId, result.attachmentId!)));
    expect(reads.map((r) => r.actorId).sort()).toEqual([doctor.id, host.id].sort());

    for (const stranger of await strangers()) {
      await expect(readAttachment(stranger, result.attachmentId!)).rejects.toSatisfy(notFound);
    }
    await expect(readAttachment(doctor, crypto.randomUUID())).rejects.toSatisfy(notFound);
    await expect(readAttachment(doctor, "../../etc/passwd")).rejects.toSatisfy(notFound);
  });

  it("refuse a non-image and an oversized upload at the photo field, storing nothing", async () => {
    const { host, patient, consultationId } = await hostedConsultation();
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    await expect(recordLabResult(host, consultationId, { testCode: "cbc", takenOn: "2026-01-04" }, { bytes: html })).rejects.toSatisfy(
      fieldError({ report: "upload_not_image" }),
    );
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    (await phonePhoto()).copy(big);
    await expect(recordLabResult(host, consultationId, { testCode: "hb", value: "11", takenOn: "2026-01-04" }, { bytes: big })).rejects.toSatisfy(
      fieldError({ report: "upload_too_large" }),
    );
    expect(await db().select().from(labResults).where(eq(labResults.patientId, patient.id))).toEqual([]);
    expect(await db().select({ id: attachments.id }).from(attachments).where(eq(attachments.patientId, patient.id))).toEqual([]);
  });
});

async function createSpecialty() {
  const code = `ref_${Math.random().toString(36).slice(2, 10).replace(/[0-9]/g, "x")}`;
  const [row] = await db().insert(specialties).values({ code, nameEn: "Gynaecology (test)", nameUr: "گائنی (ٹیسٹ)" }).returning();
  return row!;
}

describe("referrals", () => {
  it("to a specialty are listed open, and a booking made from one marks it booked in the same transaction", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const specialty = await createSpecialty();
    const referral = await referPatient(doctor, consultationId, { specialtyCode: specialty.code, urgency: "urgent", reason: "Bleeding at 30 weeks" });
    expect(referral).toMatchObject({ toSpecialtyCode: specialty.code, urgency: "urgent", status: "open", patientId: patient.id });
    await expectAuditedTogether("referrals", referral.id, "referral.create");
    await expect(referPatient(doctor, consultationId, { urgency: "", reason: "" })).rejects.toSatisfy(
      fieldError({ urgency: "urgency_required", reason: "referral_reason_required" }),
    );
    await expect(referPatient(doctor, consultationId, { urgency: "routine", reason: "Review" })).rejects.toSatisfy(
      fieldError({ specialtyCode: "referral_destination_required" }),
    );
    await expect(referPatient(doctor, consultationId, { specialtyCode: "astrology", urgency: "routine", reason: "Review" })).rejects.toSatisfy(
      fieldError({ specialtyCode: "specialty_unknown" }),
    );

    const open = await listOpenReferrals(doctor, patient.id);
    expect(open).toEqual([expect.objectContaining({ id: referral.id, specialty: { code: specialty.code, nameEn: "Gynaecology (test)", nameUr: "گائنی (ٹیسٹ)" }, reason: "Bleeding at 30 weeks" })]);
    for (const stranger of await strangers()) {
      await expect(listOpenReferrals(stranger, patient.id)).rejects.toSatisfy(notFound);
      await expect(referPatient(stranger, consultationId, { specialtyCode: specialty.code, urgency: "routine", reason: "Review" })).rejects.toSatisfy(notFound);
    }

    const desk = await createUser("rhu_staff");
    const gynaecologist = await createDoctor();
    const [slot] = await listOpenSlots(gynaecologist.id);
    const other = await consultationInCall();
    await expect(bookAppointment(desk, { patientId: other.patient.id, clinicianId: gynaecologist.id, ...slot!, referralId: referral.id })).rejects.toSatisfy(notFound);

    const appointment = await bookAppointment(desk, { patientId: patient.id, clinicianId: gynaecologist.id, ...slot!, referralId: referral.id });
    const [booked] = await db().select().from(referrals).where(eq(referrals.id, referral.id));
    expect(booked).toMatchObject({ status: "booked", appointmentId: appointment.id });
    const [referralRow] = await db().execute<{ xmin: string }>(sql`select xmin::text from referrals where id = ${referral.id}`);
    const [appointmentRow] = await db().execute<{ xmin: string }>(sql`select xmin::text from appointments where id = ${appointment.id}`);
    expect(referralRow?.xmin).toBe(appointmentRow?.xmin);
    expect(await listOpenReferrals(doctor, patient.id)).toEqual([]);

    const [later] = (await listOpenSlots(gynaecologist.id)).slice(1);
    await expect(bookAppointment(desk, { patientId: patient.id, clinicianId: gynaecologist.id, ...later!, referralId: referral.id })).rejects.toSatisfy(
      (e) => isAppError(e, "referral_not_open"),
    );
  });
});

describe("the panels' read", () => {
  it("shows this visit's entries and the patient's standing ones, audited, to the record's viewers only", async () => {
    const first = await consultationInCall();
    await recordAllergy(first.doctor, first.consultationId, { allergenCode: "sulfonamides", severity: "severe" });
    await recordProblem(first.doctor, first.consultationId, { code: "E11.9" });
    await recordDiagnosis(first.doctor, first.consultationId, { code: "J00", certainty: "confirmed" });
    const order = await orderLab(first.doctor, first.consultationId, { testCode: "hba1c" });
    const second = await nextConsultation(first);
    await recordVitals(second.doctor, second.consultationId, { spo2: "90" });

    const entries = await readConsultationEntries(second.doctor, second.consultationId);
    expect(entries.diagnoses).toEqual([]);
    expect(entries.allergies.map((a) => a.allergenCode)).toEqual(["sulfonamides"]);
    expect(entries.problems.map((p) => p.code)).toEqual(["E11.9"]);
    expect(entries.openLabOrders.map((o) => o.id)).toEqual([order.id]);
    expect(entries.vitals.map((v) => v.warnings)).toEqual([["spo2_low"]]);
    const [audit] = await db()
      .select({ actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "record.view_entries"), eq(auditEvents.entityId, second.consultationId)));
    expect(audit?.actorId).toBe(second.doctor.id);

    for (const stranger of await strangers()) {
      await expect(readConsultationEntries(stranger, second.consultationId)).rejects.toSatisfy(notFound);
    }
  });

  it("reads an open referral for booking only for the record's viewers, and not once it is booked", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const referral = await referPatient(doctor, consultationId, { specialtyCode: "general", urgency: "routine", reason: "Follow-up of sugar" });
    expect(await readOpenReferral(doctor, referral.id)).toMatchObject({ id: referral.id, patientId: patient.id, urgency: "routine" });
    for (const stranger of await strangers()) {
      await expect(readOpenReferral(stranger, referral.id)).rejects.toSatisfy(notFound);
    }
    const [slot] = await listOpenSlots(doctor.id);
    await bookAppointment(doctor, { patientId: patient.id, clinicianId: doctor.id, ...slot!, referralId: referral.id });
    await expect(readOpenReferral(doctor, referral.id)).rejects.toSatisfy(notFound);
  });
});
