import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { allergies, auditEvents, clinicianProfiles, prescriptionItems, prescriptions } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { cancelPrescription } from "@/lib/records/cancel-prescription";
import { newVerificationCode, formatVerificationCode } from "@/lib/records/documents/verification-code";
import { prescribe, type PrescribeInput } from "@/lib/records/prescribe";
import { listPrescriptions, readPrescription } from "@/lib/records/read-prescription";
import { VERIFY_MISSES_PER_CLIENT_HOUR, verifyPrescription } from "@/lib/records/verify-prescription";
import { consultationInCall, createDistrict, createDoctor, createFacility, createPatientAccount, uniqueClientAddress } from "./fixtures";

type Item = PrescribeInput["items"][number];
const line = (medicineCode: string, extra: Partial<Item> = {}): Item => ({
  medicineCode,
  dose: "1 capsule",
  frequencyCode: "tds",
  durationValue: 5,
  durationUnit: "days",
  instructionCodes: ["after_food", "complete_course"],
  ...extra,
});

/** The error `work` fails with (so that a test can look at its key and details), or a failure if it succeeds. */
async function refusal(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

async function expectNotFound(work: Promise<unknown>) {
  const error = await refusal(work);
  expect(isAppError(error, "not_found")).toBe(true);
}

async function recordAllergy(patientId: string, by: Actor, allergenCode: string, severity: "mild" | "moderate" | "severe") {
  // There is no allergy use case on this branch yet; the row is what it would write.
  await db().insert(allergies).values({ patientId, allergenCode, severity, recordedBy: by.id });
}

async function storedPrescriptions(patientId: string) {
  return db().select().from(prescriptions).where(eq(prescriptions.patientId, patientId));
}

describe("prescribing", () => {
  it("refuses a medicine the patient is allergic to until the warning is acknowledged, and stores the acknowledgement", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    await recordAllergy(patient.id, doctor, "penicillins", "moderate");
    await recordAllergy(patient.id, doctor, "penicillins", "severe");

    const error = await refusal(prescribe(doctor, consultationId, { items: [line("paracetamol-500mg-tab"), line("amoxicillin-500mg-cap")] }));
    expect(isAppError(error, "prescription_warnings")).toBe(true);
    if (!isAppError(error, "prescription_warnings")) return;
    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({ "items.1.medicineCode": "prescription_warning" });
    expect(error.details.warnings).toEqual([
      {
        kind: "allergy",
        allergenCode: "penicillins",
        medicineCode: "amoxicillin-500mg-cap",
        crossReactive: false,
        item: 1,
        severity: "severe",
        otherOnThisPrescription: false,
      },
    ]);
    expect(await storedPrescriptions(patient.id)).toHaveLength(0);

    const issued = await prescribe(doctor, consultationId, {
      items: [line("paracetamol-500mg-tab"), line("amoxicillin-500mg-cap")],
      acknowledgeWarnings: true,
    });
    const items = await db()
      .select()
      .from(prescriptionItems)
      .where(eq(prescriptionItems.prescriptionId, issued.id))
      .orderBy(prescriptionItems.position);
    expect(items.map((item) => item.medicineCode)).toEqual(["paracetamol-500mg-tab", "amoxicillin-500mg-cap"]);
    expect(items[0]!.acknowledgedWarnings).toEqual([]);
    expect(items[1]!.acknowledgedWarnings).toEqual([
      { kind: "allergy", allergenCode: "penicillins", medicineCode: "amoxicillin-500mg-cap", crossReactive: false, severity: "severe", otherOnThisPrescription: false },
    ]);
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "prescription.issue"), eq(auditEvents.entityId, issued.id)));
    expect(audit).toMatchObject({ actorId: doctor.id, patientId: patient.id, purpose: "care" });
  });

  it("warns of an ingredient the patient is still taking from an earlier prescription, and of one twice on the same prescription", async () => {
    const { doctor, consultationId } = await consultationInCall();
    await prescribe(doctor, consultationId, { items: [line("paracetamol-500mg-tab", { dose: "2 tablets" })] });

    const error = await refusal(prescribe(doctor, consultationId, { items: [line("paracetamol-120mg5ml-syrup", { dose: "5 mL" })] }));
    expect(isAppError(error, "prescription_warnings")).toBe(true);
    if (!isAppError(error, "prescription_warnings")) return;
    expect(error.details.warnings).toEqual([
      { kind: "duplicate_ingredient", ingredient: "paracetamol", otherMedicineCode: "paracetamol-500mg-tab", item: 0, severity: null, otherOnThisPrescription: false },
    ]);

    const same = await refusal(
      prescribe(doctor, consultationId, { items: [line("ibuprofen-400mg-tab"), line("cefixime-400mg-cap"), line("ibuprofen-100mg5ml-susp")] }),
    );
    expect(isAppError(same, "prescription_warnings")).toBe(true);
    if (!isAppError(same, "prescription_warnings")) return;
    expect(same.details.warnings).toEqual([
      { kind: "duplicate_ingredient", ingredient: "ibuprofen", otherMedicineCode: "ibuprofen-400mg-tab", item: 2, severity: null, otherOnThisPrescription: true },
    ]);
  });

  it("does not warn of a course that has ended, nor of one cancelled as entered in error", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const earlier = await prescribe(doctor, consultationId, { items: [line("paracetamol-500mg-tab", { durationValue: 5 })] });
    // Five days' course, issued six days ago.
    await db()
      .update(prescriptions)
      .set({ issuedAt: new Date(Date.now() - 6 * 24 * 60 * 60 * 1000) })
      .where(eq(prescriptions.id, earlier.id));
    const cancelled = await prescribe(doctor, consultationId, { items: [line("ibuprofen-400mg-tab")] });
    await cancelPrescription(doctor, cancelled.id);

    const issued = await prescribe(doctor, consultationId, { items: [line("paracetamol-120mg5ml-syrup"), line("ibuprofen-100mg5ml-susp")] });
    expect(issued.repeated).toBe(false);
    expect(await storedPrescriptions(patient.id)).toHaveLength(3);
  });

  it("refuses what is not in the formulary or the catalogs, at the line and field concerned", async () => {
    const { doctor, consultationId } = await consultationInCall();
    const error = await refusal(
      prescribe(doctor, consultationId, {
        items: [line("paracetamol-500mg-tab"), line("snake-oil", { dose: "", frequencyCode: "hourly", durationValue: 0, instructionCodes: ["sing"] })],
      }),
    );
    expect(isAppError(error, "form_invalid")).toBe(true);
    if (!isAppError(error, "form_invalid")) return;
    expect(error.fieldErrors).toEqual({
      "items.1.medicineCode": "medicine_unknown",
      "items.1.dose": "dose_required",
      "items.1.frequencyCode": "frequency_required",
      "items.1.durationValue": "duration_invalid",
      "items.1.instructionCodes.0": "instruction_unknown",
    });
    const tooLong = await refusal(prescribe(doctor, consultationId, { items: [line("paracetamol-500mg-tab", { durationValue: 13, durationUnit: "months" })] }));
    expect(isAppError(tooLong, "form_invalid") && tooLong.fieldErrors).toEqual({ "items.0.durationValue": "duration_too_long" });
    const none = await refusal(prescribe(doctor, consultationId, { items: [] }));
    expect(isAppError(none, "form_invalid") && none.fieldErrors).toEqual({ items: "items_required" });
  });

  it("gives one prescription for a double submit with the same idempotency key, even at the same moment", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    const input = { items: [line("paracetamol-500mg-tab")], idempotencyKey: crypto.randomUUID() };
    const [first, second] = await Promise.all([prescribe(doctor, consultationId, input), prescribe(doctor, consultationId, input)]);
    expect(second.id).toBe(first.id);
    expect([first.repeated, second.repeated].sort()).toEqual([false, true]);
    const again = await prescribe(doctor, consultationId, input);
    expect(again).toEqual({ id: first.id, verificationCode: first.verificationCode, repeated: true });
    expect(await storedPrescriptions(patient.id)).toHaveLength(1);
  });
});

describe("who may prescribe and read", () => {
  it("answers not found to another doctor and to another patient, for writing and reading", async () => {
    const { doctor, actor: patientActor, patient, consultationId } = await consultationInCall();
    const issued = await prescribe(doctor, consultationId, { items: [line("paracetamol-500mg-tab")] });
    const otherDoctor = await createDoctor();
    const otherPatient = await createPatientAccount();

    await expectNotFound(prescribe(otherDoctor, consultationId, { items: [line("paracetamol-500mg-tab")] }));
    await expectNotFound(prescribe(patientActor, consultationId, { items: [line("paracetamol-500mg-tab")] }));
    await expectNotFound(readPrescription(otherDoctor, issued.id));
    await expectNotFound(readPrescription(otherPatient.actor, issued.id));
    await expectNotFound(listPrescriptions(otherDoctor, patient.id));
    await expectNotFound(listPrescriptions(otherPatient.actor, patient.id));
    await expectNotFound(cancelPrescription(otherDoctor, issued.id));
    await expectNotFound(readPrescription(patientActor, "not-a-uuid"));
    await expectNotFound(readPrescription(patientActor, crypto.randomUUID()));
  });

  it("lets the patient read their own prescription, with the prescriber's registration number and both languages", async () => {
    const { doctor, actor: patientActor, patient, consultationId } = await consultationInCall();
    const district = await createDistrict();
    const facility = await createFacility("hub", "DHQ Hospital Test", { districtId: district.id });
    await db().insert(clinicianProfiles).values({ userId: doctor.id, sex: "female", specialtyCode: "general", facilityId: facility.id, registrationNumber: "98765-P" });
    const issued = await prescribe(doctor, consultationId, {
      items: [line("amoxicillin-500mg-cap", { instructionsEn: "Even if you feel better", instructionsUr: "طبیعت بہتر ہو تب بھی" })],
    });

    const view = await readPrescription(patientActor, issued.id);
    expect(view.patient).toMatchObject({ id: patient.id, fullName: patient.fullName, mrId: patient.mrId, sex: "female", dateOfBirth: "1992-05-01" });
    expect(view.prescriber).toEqual({ id: doctor.id, name: doctor.name, registrationNumber: "98765-P", facilityName: "DHQ Hospital Test", facilityDistrict: district.nameEn });
    expect(view.verificationCode).toBe(issued.verificationCode);
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({
      generic: "Amoxicillin",
      strength: "500 mg",
      form: { code: "capsule", en: "Capsule", ur: "کیپسول" },
      route: { code: "oral", en: "By mouth" },
      dose: "1 capsule",
      frequency: { code: "tds", en: "Three times a day", ur: "دن میں تین بار" },
      durationValue: 5,
      durationUnit: { code: "days", en: "days", ur: "دن" },
      instructions: [
        { code: "after_food", en: "After food", ur: "کھانے کے بعد" },
        { code: "complete_course", en: "Finish the course; do not stop early", ur: "پورا کورس کریں، بیچ میں نہ چھوڑیں" },
      ],
      instructionsEn: "Even if you feel better",
      instructionsUr: "طبیعت بہتر ہو تب بھی",
    });

    const list = await listPrescriptions(patientActor, patient.id);
    expect(list.map((entry) => ({ id: entry.id, medicines: entry.medicines }))).toEqual([{ id: issued.id, medicines: ["Amoxicillin 500 mg"] }]);
    expect(await listPrescriptions(doctor, patient.id, { consultationId })).toHaveLength(1);

    const reads = await db()
      .select({ actorId: auditEvents.actorId, purpose: auditEvents.purpose })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "prescription.read"), eq(auditEvents.entityId, issued.id)));
    expect(reads).toEqual([{ actorId: patientActor.id, purpose: "own_record" }]);
  });
});

describe("the pharmacy's check", () => {
  it("confirms a genuine prescription with only initials, a masked MR ID and the year of birth, and audits it as a pharmacy check", async () => {
    const { doctor, patient, consultationId } = await consultationInCall();
    await recordAllergy(patient.id, doctor, "penicillins", "severe");
    const issued = await prescribe(doctor, consultationId, {
      items: [line("amoxicillin-500mg-cap", { instructionsEn: "Private note about the family" })],
      acknowledgeWarnings: true,
    });

    const result = await verifyPrescription(formatVerificationCode(issued.verificationCode).toLowerCase(), uniqueClientAddress());
    expect(result.genuine).toBe(true);
    if (!result.genuine) return;
    expect(result.dispensedAt).toBeNull();
    expect(result.cancelledAt).toBeNull();
    expect(result.prescriber.name).toBe(doctor.name);
    const initials = patient.fullName
      .split(" ")
      .map((word) => `${word[0]!.toUpperCase()}.`)
      .join(" ");
    expect(result.patient).toEqual({ initials, maskedMrId: `${patient.mrId.slice(0, 4)}-••••-${patient.mrId.slice(8)}`, birthYear: 1992 });
    expect(result.items).toEqual([
      expect.objectContaining({ generic: "Amoxicillin", strength: "500 mg", dose: "1 capsule", durationValue: 5 }),
    ]);
    const shown = JSON.stringify(result);
    for (const secret of [patient.fullName, patient.mrId, "1992-05-01", patient.id, "Private note", "penicillins", "acknowledged"]) {
      expect(shown).not.toContain(secret);
    }

    const checks = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "prescription.verify"), eq(auditEvents.entityId, issued.id)));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ actorId: null, patientId: patient.id, purpose: "pharmacy_check" });
  });

  it("says dispensed and cancelled prescriptions are so", async () => {
    const { doctor, consultationId } = await consultationInCall();
    const dispensed = await prescribe(doctor, consultationId, { items: [line("paracetamol-500mg-tab")] });
    const when = new Date("2025-01-02T06:00:00Z");
    await db().update(prescriptions).set({ dispensedAt: when }).where(eq(prescriptions.id, dispensed.id));
    expect(await verifyPrescription(dispensed.verificationCode, uniqueClientAddress())).toMatchObject({ genuine: true, dispensedAt: when });
    expect(isAppError(await refusal(cancelPrescription(doctor, dispensed.id)), "prescription_dispensed")).toBe(true);

    const cancelled = await prescribe(doctor, consultationId, { items: [line("cefixime-400mg-cap")] });
    await cancelPrescription(doctor, cancelled.id);
    const result = await verifyPrescription(cancelled.verificationCode, uniqueClientAddress());
    expect(result.genuine && result.cancelledAt).toBeInstanceOf(Date);
    expect(isAppError(await refusal(cancelPrescription(doctor, cancelled.id)), "prescription_cancelled")).toBe(true);
  });

  it("answers not genuine to a malformed or unknown code, and limits a client's unknown codes", async () => {
    const client = uniqueClientAddress();
    for (const code of ["", "hello", "ABCD-EFGH-JKMN-PQRS-T", "1234567890123456789"]) {
      expect(await verifyPrescription(code, client)).toEqual({ genuine: false });
    }
    for (let i = 0; i < VERIFY_MISSES_PER_CLIENT_HOUR; i++) {
      expect(await verifyPrescription(newVerificationCode(), client)).toEqual({ genuine: false });
    }
    const limited = await refusal(verifyPrescription(newVerificationCode(), client));
    expect(isAppError(limited, "verify_rate_limited")).toBe(true);
    if (isAppError(limited, "verify_rate_limited")) expect(limited.details.retryAfterSeconds).toBeGreaterThan(0);
    // Another client is not held back by this one.
    expect(await verifyPrescription(newVerificationCode(), uniqueClientAddress())).toEqual({ genuine: false });
  });

  it("does not count genuine codes against the limit", async () => {
    const { doctor, consultationId } = await consultationInCall();
    const issued = await prescribe(doctor, consultationId, { items: [line("paracetamol-500mg-tab")] });
    const client = uniqueClientAddress();
    for (let i = 0; i < VERIFY_MISSES_PER_CLIENT_HOUR + 5; i++) {
      expect((await verifyPrescription(issued.verificationCode, client)).genuine).toBe(true);
    }
  });
});
