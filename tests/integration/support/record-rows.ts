// TEST-ONLY FIXTURE, TO BE REPLACED: the use cases that write diagnoses, problems, allergies,
// prescriptions, labs, referrals, attachments and screenings are being written beside the FHIR
// export, so this inserts their rows directly with drizzle, as the schema allows them. Once the
// use cases are on main, switch each insert to its use case (house rule: fixtures go through
// the lib functions the app uses).
import { db } from "@/db";
import {
  allergies,
  attachments,
  diagnoses,
  labOrders,
  labResults,
  prescriptionItems,
  prescriptions,
  problems,
  referrals,
  screenings,
} from "@/db/schema";

export type RecordRowsInput = { patientId: string; encounterId: string; clinicianId: string; facilityId: string; specialtyCode: string; at: Date };

/** One of each clinical entry at the encounter, with values a test can look for in the export. */
export async function insertRecordRows(input: RecordRowsInput) {
  const { patientId, encounterId, clinicianId: by, at } = input;
  const database = db();
  const [diagnosis] = await database.insert(diagnoses).values({ patientId, encounterId, code: "J06.9", certainty: "confirmed", recordedBy: by, recordedAt: at }).returning();
  const [freeDiagnosis] = await database
    .insert(diagnoses)
    .values({ patientId, encounterId, freeText: "Heat exhaustion after field work", certainty: "provisional", recordedBy: by, recordedAt: at })
    .returning();
  const [problem] = await database
    .insert(problems)
    .values({ patientId, encounterId, code: "I10", status: "active", onsetOn: "2021-04-01", recordedBy: by, recordedAt: at })
    .returning();
  const [allergy] = await database
    .insert(allergies)
    .values({ patientId, encounterId, allergenCode: "penicillins", reaction: "Rash and lip swelling", severity: "severe", recordedBy: by, recordedAt: at })
    .returning();
  const [prescription] = await database
    .insert(prescriptions)
    .values({ patientId, encounterId, prescriberId: by, verificationCode: `T${crypto.randomUUID().slice(0, 12)}`, issuedAt: at })
    .returning();
  const [item] = await database
    .insert(prescriptionItems)
    .values({
      prescriptionId: prescription!.id,
      position: 1,
      medicineCode: "paracetamol-500mg-tab",
      dose: "2 tablets",
      frequencyCode: "tds",
      durationValue: 3,
      durationUnit: "days",
      instructionCodes: ["after_food"],
      instructionsEn: "Only if the fever is above 38",
      instructionsUr: "صرف اگر بخار 38 سے زیادہ ہو",
    })
    .returning();
  const bytes = Buffer.from("not really a jpeg, but bytes the export must not carry");
  const [attachment] = await database
    .insert(attachments)
    .values({
      patientId,
      encounterId,
      kind: "lab_report",
      caption: "CBC report from the district lab",
      contentType: "image/jpeg",
      content: bytes,
      byteLength: bytes.byteLength,
      width: 800,
      height: 600,
      sha256: "0".repeat(64),
      uploadedBy: by,
      uploadedAt: at,
    })
    .returning({ id: attachments.id });
  const [order] = await database.insert(labOrders).values({ patientId, encounterId, testCode: "hb", status: "resulted", note: "Pale, tired", orderedBy: by, orderedAt: at }).returning();
  const [result] = await database
    .insert(labResults)
    .values({ patientId, encounterId, orderId: order!.id, testCode: "hb", valueNumeric: 9.6, flag: "low", takenOn: "2025-01-10", attachmentId: attachment!.id, enteredBy: by, enteredAt: at })
    .returning();
  const [referral] = await database
    .insert(referrals)
    .values({ patientId, encounterId, toSpecialtyCode: input.specialtyCode, urgency: "urgent", reason: "Anaemia not improving on iron", referredBy: by, referredAt: at })
    .returning();
  const [facilityReferral] = await database
    .insert(referrals)
    .values({ patientId, encounterId, toFacilityId: input.facilityId, urgency: "routine", reason: "Ultrasound", referredBy: by, referredAt: at })
    .returning();
  const [screening] = await database
    .insert(screenings)
    .values({ patientId, encounterId, instrument: "phq9", answers: { interest: 2 }, score: 11, band: "moderate", positive: true, recordedBy: by, recordedAt: at })
    .returning();
  return { diagnosis: diagnosis!, freeDiagnosis: freeDiagnosis!, problem: problem!, allergy: allergy!, prescription: prescription!, item: item!, attachmentId: attachment!.id, bytes, order: order!, result: result!, referral: referral!, facilityReferral: facilityReferral!, screening: screening! };
}
