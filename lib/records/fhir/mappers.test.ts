import { describe, expect, it } from "vitest";
import { searchsetBundle } from "./bundle";
import type { AllergyRow, DiagnosisRow, EncounterRow, LabResultRow, PrescriptionItemRow, PrescriptionRow, ProblemRow, ScreeningRow, SoapNoteRow, VitalsRow } from "./rows";
import { CNIC_SYSTEM, ICD10_SYSTEM, MR_ID_SYSTEM } from "./systems";
import { allergyToAllergyIntolerance, diagnosisToCondition, problemToCondition } from "./to-conditions";
import { attachmentToDocumentReference, soapNoteToDocumentReference } from "./to-documents";
import { toEncounter } from "./to-encounter";
import { dosageTexts, medicationStatus, prescriptionToMedicationRequests } from "./to-medication-requests";
import { labResultToObservation, screeningToObservation, vitalsToObservations } from "./to-observations";
import { toPatient } from "./to-patient";
import { referralToServiceRequest } from "./to-service-requests";

const P = "00000000-0000-4000-8000-000000000001";
const E = "00000000-0000-4000-8000-000000000002";
const U = "00000000-0000-4000-8000-000000000003";
const at = new Date("2025-03-01T05:30:00.000Z");

const vitalsRow = (over: Partial<VitalsRow> = {}): VitalsRow => ({
  id: "00000000-0000-4000-8000-0000000000a1",
  patientId: P,
  consultationId: null,
  recordedBy: U,
  recordedAt: at,
  systolic: null,
  diastolic: null,
  pulse: null,
  temperatureC: null,
  spo2: null,
  respiratoryRate: null,
  weightKg: null,
  heightCm: null,
  glucoseMgDl: null,
  muacCm: null,
  lastMenstrualPeriod: null,
  ...over,
});

describe("toPatient", () => {
  it("names the MR ID and CNIC with our systems and keeps merged MR IDs as old identifiers", () => {
    const patient = toPatient(
      { id: P, mrId: "1000012345", fullName: "Amna Bibi", sex: "female", dateOfBirth: "1990-01-02", cnic: "3230412345671", phone: "+923001234567" },
      ["1000023456"],
    );
    expect(patient.identifier).toEqual([
      expect.objectContaining({ use: "official", system: "https://rabta.health/fhir/sid/mr-id", value: "1000012345" }),
      expect.objectContaining({ use: "official", system: "https://rabta.health/fhir/sid/cnic", value: "3230412345671" }),
      expect.objectContaining({ use: "old", system: MR_ID_SYSTEM, value: "1000023456" }),
    ]);
    expect(patient).toMatchObject({ gender: "female", birthDate: "1990-01-02", telecom: [{ system: "phone", value: "+923001234567", use: "mobile" }] });
  });

  it("leaves the CNIC out when the patient has none (a child)", () => {
    const patient = toPatient({ id: P, mrId: "1000012345", fullName: "Ali", sex: "male", dateOfBirth: "2022-01-02", cnic: null, phone: null });
    expect(patient.identifier.map((i) => i.system)).toEqual([MR_ID_SYSTEM]);
    expect(patient.identifier.some((i) => i.system === CNIC_SYSTEM)).toBe(false);
    expect(patient.telecom).toBeUndefined();
  });
});

describe("vitalsToObservations", () => {
  it("writes blood pressure as a panel with systolic and diastolic components in mmHg", () => {
    const [bp, ...rest] = vitalsToObservations(vitalsRow({ systolic: 142, diastolic: 91 }), { patientId: P, encounterId: E });
    expect(rest).toEqual([]);
    expect(bp!.code.coding![0]!.code).toBe("85354-9");
    expect(bp!.component).toEqual([
      { code: expect.objectContaining({ coding: [expect.objectContaining({ code: "8480-6" })] }), valueQuantity: { value: 142, unit: "mmHg", system: "http://unitsofmeasure.org", code: "mm[Hg]" } },
      { code: expect.objectContaining({ coding: [expect.objectContaining({ code: "8462-4" })] }), valueQuantity: { value: 91, unit: "mmHg", system: "http://unitsofmeasure.org", code: "mm[Hg]" } },
    ]);
    expect(bp!.encounter).toEqual({ reference: `Encounter/${E}` });
    expect(bp!.effectiveDateTime).toBe("2025-03-01T05:30:00.000Z");
  });

  it("writes one observation per measurement, with LOINC codes and UCUM units", () => {
    const observations = vitalsToObservations(
      vitalsRow({ pulse: 88, temperatureC: 38.4, spo2: 96, respiratoryRate: 22, weightKg: 61.5, heightCm: 158, glucoseMgDl: 180, muacCm: 23.5 }),
      { patientId: P, encounterId: null },
    );
    const byCode = Object.fromEntries(observations.map((o) => [o.code.coding![0]!.code, o.valueQuantity]));
    expect(byCode).toEqual({
      "8867-4": expect.objectContaining({ value: 88, code: "/min" }),
      "8310-5": expect.objectContaining({ value: 38.4, code: "Cel" }),
      "2708-6": expect.objectContaining({ value: 96, code: "%" }),
      "9279-1": expect.objectContaining({ value: 22, code: "/min" }),
      "29463-7": expect.objectContaining({ value: 61.5, code: "kg" }),
      "8302-2": expect.objectContaining({ value: 158, code: "cm" }),
      "2339-0": expect.objectContaining({ value: 180, code: "mg/dL" }),
      muac: expect.objectContaining({ value: 23.5, code: "cm" }),
    });
    expect(new Set(observations.map((o) => o.id)).size).toBe(8);
    expect(observations.every((o) => o.encounter === undefined)).toBe(true);
  });
});

describe("conditions", () => {
  const diagnosis: DiagnosisRow = {
    id: "d1", patientId: P, encounterId: E, code: "J06.9", freeText: null, certainty: "provisional", recordedBy: U, recordedAt: at, enteredInErrorAt: null, enteredInErrorBy: null,
  };

  it("codes a listed diagnosis in ICD-10 with our label, and free text as code.text only", () => {
    const coded = diagnosisToCondition(diagnosis, P);
    expect(coded.code).toEqual({ coding: [{ system: ICD10_SYSTEM, code: "J06.9", display: "Upper respiratory infection (ARI)" }], text: "Upper respiratory infection (ARI)" });
    expect(coded.verificationStatus.coding![0]!.code).toBe("provisional");
    expect(coded.clinicalStatus).toBeUndefined();
    const free = diagnosisToCondition({ ...diagnosis, code: null, freeText: "Heat exhaustion after field work" }, P);
    expect(free.code).toEqual({ text: "Heat exhaustion after field work" });
  });

  it("marks an entry in error and then gives it no clinical status", () => {
    expect(diagnosisToCondition({ ...diagnosis, enteredInErrorAt: at }, P).verificationStatus.coding![0]!.code).toBe("entered-in-error");
    const problem: ProblemRow = {
      id: "p1", patientId: P, encounterId: null, code: "I10", freeText: null, status: "entered_in_error", onsetOn: null, resolvedOn: null, recordedBy: U, recordedAt: at, changedBy: null, changedAt: null,
    };
    const inError = problemToCondition(problem, P);
    expect(inError.clinicalStatus).toBeUndefined();
    expect(inError.verificationStatus.coding![0]!.code).toBe("entered-in-error");
    const resolved = problemToCondition({ ...problem, status: "resolved", onsetOn: "2020-01-01", resolvedOn: "2024-06-01" }, P);
    expect(resolved).toMatchObject({ clinicalStatus: { coding: [{ code: "resolved" }] }, onsetDateTime: "2020-01-01", abatementDateTime: "2024-06-01" });
    expect(resolved.category[0]!.coding![0]!.code).toBe("problem-list-item");
  });

  it("writes an allergy with its category, reaction and severity", () => {
    const allergy: AllergyRow = {
      id: "a1", patientId: P, encounterId: E, allergenCode: "penicillins", freeText: null, reaction: "Rash and swelling", severity: "severe", status: "active", recordedBy: U, recordedAt: at, changedBy: null, changedAt: null,
    };
    const resource = allergyToAllergyIntolerance(allergy, P);
    expect(resource).toMatchObject({
      category: ["medication"],
      criticality: "high",
      patient: { reference: `Patient/${P}` },
      reaction: [{ manifestation: [{ text: "Rash and swelling" }], severity: "severe" }],
      clinicalStatus: { coding: [{ code: "active" }] },
    });
    expect(allergyToAllergyIntolerance({ ...allergy, allergenCode: "peanuts", reaction: null, severity: "mild" }, P)).toMatchObject({ category: ["food"], criticality: "low" });
  });
});

describe("prescriptions", () => {
  const prescription: PrescriptionRow = {
    id: "rx1", patientId: P, encounterId: E, prescriberId: U, verificationCode: "ABCD", issuedAt: at, dispensedAt: null, dispensedBy: null, dispensedFacilityId: null, enteredInErrorAt: null, enteredInErrorBy: null, idempotencyKey: null,
  };
  const item: PrescriptionItemRow = {
    id: "i1", prescriptionId: "rx1", position: 1, medicineCode: "amoxicillin-500mg-cap", dose: "1 capsule", frequencyCode: "tds", durationValue: 5, durationUnit: "days",
    instructionCodes: ["after_food", "complete_course"], instructionsEn: null, instructionsUr: null, acknowledgedWarnings: [],
  };

  it("gives the medicine in our formulary code with the generic name, and the dosage in English and Urdu", () => {
    const [request] = prescriptionToMedicationRequests(prescription, [item], P, new Date("2025-03-02T00:00:00Z"));
    expect(request!.medicationCodeableConcept).toEqual({
      coding: [{ system: "https://rabta.health/fhir/CodeSystem/formulary", code: "amoxicillin-500mg-cap", display: "Amoxicillin 500 mg Capsule" }],
      text: "Amoxicillin",
    });
    const dosage = request!.dosageInstruction[0]!;
    expect(dosage.text).toBe("1 capsule, Three times a day, for 5 days. After food. Finish the course; do not stop early.");
    expect(dosage.patientInstruction).toBe("1 capsule، دن میں تین بار، 5 دن تک۔ کھانے کے بعد۔ پورا کورس کریں، بیچ میں نہ چھوڑیں۔");
    expect(dosage._text!.extension[0]!.extension).toEqual([{ url: "lang", valueCode: "ur" }, { url: "content", valueString: dosage.patientInstruction }]);
    expect(dosage.timing.repeat!.boundsDuration).toMatchObject({ value: 5, code: "d" });
    expect(request).toMatchObject({ status: "active", intent: "order", groupIdentifier: { value: "rx1" } });
  });

  it("completes a line once dispensed or once its course has run, and marks one in error", () => {
    expect(medicationStatus(prescription, item, new Date("2025-03-05T00:00:00Z"))).toBe("active");
    expect(medicationStatus(prescription, item, new Date("2025-03-07T00:00:00Z"))).toBe("completed");
    expect(medicationStatus({ ...prescription, dispensedAt: at }, item, at)).toBe("completed");
    expect(medicationStatus({ ...prescription, enteredInErrorAt: at }, item, at)).toBe("entered-in-error");
  });

  it("adds the prescriber's own words after the standard phrases", () => {
    const texts = dosageTexts({ ...item, instructionCodes: [], instructionsEn: "Stop if rash appears", instructionsUr: "خارش ہو تو بند کر دیں" });
    expect(texts).toEqual({ en: "1 capsule, Three times a day, for 5 days. Stop if rash appears.", ur: "1 capsule، دن میں تین بار، 5 دن تک۔ خارش ہو تو بند کر دیں۔" });
  });
});

describe("lab results and screenings", () => {
  const result: LabResultRow = {
    id: "r1", patientId: P, encounterId: E, orderId: "o1", testCode: "hb", valueNumeric: 9.8, valueText: null, flag: "low", takenOn: "2025-02-28", attachmentId: "att1",
    enteredBy: U, enteredAt: at, enteredInErrorAt: null, enteredInErrorBy: null,
  };

  it("writes a value with its unit, LOINC code, flag, range, order and source report", () => {
    const observation = labResultToObservation(result, P);
    expect(observation).toMatchObject({
      status: "final",
      code: { coding: [{ code: "hb" }, { system: "http://loinc.org", code: "718-7" }] },
      valueQuantity: { value: 9.8, unit: "g/dL" },
      interpretation: [{ coding: [{ code: "L" }] }],
      referenceRange: [{ low: { value: 12 }, high: { value: 17 } }],
      basedOn: [{ reference: "ServiceRequest/o1" }],
      derivedFrom: [{ reference: "DocumentReference/att1" }],
      effectiveDateTime: "2025-02-28",
    });
  });

  it("scores PHQ-9 under its LOINC code with the band as interpretation", () => {
    const screening: ScreeningRow = { id: "s1", patientId: P, encounterId: E, instrument: "phq9", answers: {}, score: 12, band: "moderate", positive: true, recordedBy: U, recordedAt: at };
    const observation = screeningToObservation(screening, P);
    expect(observation.code.coding![0]!.code).toBe("44261-6");
    expect(observation.valueInteger).toBe(12);
    expect(observation.interpretation![0]).toMatchObject({ coding: [{ code: "phq9-moderate", display: "Moderate depression" }] });
    const preventive = screeningToObservation({ ...screening, instrument: "preventive", score: null, band: null, positive: false }, P);
    expect(preventive).toMatchObject({ valueBoolean: false, interpretation: [{ coding: [{ code: "NEG" }] }] });
  });
});

describe("documents", () => {
  const note: SoapNoteRow = {
    id: "n1", consultationId: "c1", patientId: "retired", mrId: "1000012345", authorId: U, subjective: "Cough", objective: "", assessment: "Cold", plan: "Fluids",
    version: 2, createdAt: at, updatedAt: at, signedAt: at,
  };

  it("writes a signed note as final, amended once it has addenda, with the note's text", () => {
    const signed = soapNoteToDocumentReference(note, { patientId: P, encounterId: E, addendumCount: 0 });
    expect(signed).toMatchObject({ docStatus: "final", authenticator: { reference: `Practitioner/${U}` }, subject: { reference: `Patient/${P}` } });
    expect(Buffer.from(signed.content[0]!.attachment.data!, "base64").toString("utf8")).toBe("Subjective:\nCough\n\nAssessment:\nCold\n\nPlan:\nFluids");
    expect(soapNoteToDocumentReference(note, { patientId: P, encounterId: E, addendumCount: 1 }).docStatus).toBe("amended");
    const draft = soapNoteToDocumentReference({ ...note, signedAt: null }, { patientId: P, encounterId: E, addendumCount: 0 });
    expect(draft.docStatus).toBe("preliminary");
    expect(draft.authenticator).toBeUndefined();
  });

  it("points at an attachment by URL with size and hash, never its bytes", () => {
    const document = attachmentToDocumentReference(
      { id: "att1", patientId: P, encounterId: null, kind: "lab_report", caption: "CBC", contentType: "image/jpeg", byteLength: 1234, width: 10, height: 10, sha256: "ff", uploadedBy: U, uploadedAt: at },
      P,
      { url: "https://rabta.example/api/attachments/att1", sha1Base64: "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=" },
    );
    expect(document.content[0]!.attachment).toEqual({
      contentType: "image/jpeg", url: "https://rabta.example/api/attachments/att1", size: 1234, hash: "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=", title: "CBC", creation: at.toISOString(),
    });
    expect(document.content[0]!.attachment.data).toBeUndefined();
  });
});

describe("encounters, referrals and the bundle", () => {
  const encounter: EncounterRow = { id: E, patientId: P, kind: "hosted_consult", facilityId: "f1", startedAt: at, createdBy: U, createdAt: at };
  const consultation = { status: "completed" as const, clinicianId: "doc", hostedBy: "lhv", triage: "urgent" as const, chiefComplaint: "Fever", admittedAt: at, endedAt: new Date("2025-03-01T06:00:00Z") };

  it("writes the encounter's status, class, participants and end from its consultations", () => {
    const resource = toEncounter(encounter, [consultation], P);
    expect(resource).toMatchObject({
      status: "finished",
      class: { code: "VR" },
      priority: { coding: [{ code: "UR" }] },
      period: { start: at.toISOString(), end: "2025-03-01T06:00:00.000Z" },
      reasonCode: [{ text: "Fever" }],
      serviceProvider: { reference: "Organization/f1" },
    });
    expect(resource.participant!.map((p) => p.individual.reference)).toEqual(["Practitioner/doc", "Practitioner/lhv"]);
    expect(toEncounter(encounter, [{ ...consultation, status: "in_call", endedAt: null }], P).status).toBe("in-progress");
    expect(toEncounter({ ...encounter, kind: "rhu_visit" }, [], P)).toMatchObject({ status: "finished", class: { code: "AMB" } });
  });

  it("writes a referral to a specialty as the performer type, with urgency and reason", () => {
    const referral = referralToServiceRequest(
      { id: "ref1", patientId: P, encounterId: E, toSpecialtyCode: "gynaecology", toFacilityId: null, urgency: "emergency", reason: "Bleeding at 30 weeks", status: "booked", appointmentId: null, referredBy: U, referredAt: at },
      P,
      { code: "gynaecology", nameEn: "Gynaecology" },
    );
    expect(referral).toMatchObject({ status: "active", priority: "stat", performerType: { coding: [{ code: "gynaecology", display: "Gynaecology" }] }, reasonCode: [{ text: "Bleeding at 30 weeks" }] });
  });

  it("puts the patient first as the one match and every other resource once as an include", () => {
    const patient = toPatient({ id: P, mrId: "1000012345", fullName: "Amna", sex: "female", dateOfBirth: "1990-01-02", cnic: null, phone: null });
    const resource = toEncounter(encounter, [], P);
    const bundle = searchsetBundle({ baseUrl: "https://rabta.example/", patient, include: [resource, resource], now: at });
    expect(bundle.total).toBe(1);
    expect(bundle.entry.map((e) => [e.fullUrl, e.search.mode])).toEqual([
      [`https://rabta.example/api/fhir/Patient/${P}`, "match"],
      [`https://rabta.example/api/fhir/Encounter/${E}`, "include"],
    ]);
    expect(bundle.link[0]!.url).toBe(`https://rabta.example/api/fhir/Patient/${P}/$everything`);
  });
});
