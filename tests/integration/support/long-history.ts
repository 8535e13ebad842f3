// BULK INSERT, FOR THE $everything SPEED TEST ONLY. Every other fixture goes through the use
// cases, but each use case writes through a consultation in a call: a booked, checked-in and
// admitted call with its entries takes about a second, over three minutes for 199 visits, while
// inserting the whole history directly takes about a third of a second. The rows are shaped as the use cases write them (record-rows.ts records the
// same entries through them): an allergy and a long-standing problem once, as the allergy use
// case refuses a second active allergy to the same allergen; every visit with its vitals, a
// coded and a free-text diagnosis, a one-line prescription, an Hb order answered by a result
// with a photographed report (re-encoded by intakeImage, as uploads are), two referrals and a
// PHQ-9. Follow-ups booked by the PHQ-9 are left out: the export does not carry them.
import { db } from "@/db";
import {
  allergies,
  attachments,
  diagnoses,
  encounters,
  labOrders,
  labResults,
  prescriptionItems,
  prescriptions,
  problems,
  referrals,
  screenings,
  vitals,
} from "@/db/schema";
import { intakeImage } from "@/lib/records/attachments/image-intake";
import { newVerificationCode } from "@/lib/records/documents/verification-code";
import { phq9Input } from "@/lib/records/programmes";
import { labReportPhoto, PHQ9_MODERATE } from "./record-rows";

export type LongHistoryInput = { patientId: string; clinicianId: string; facilityId: string; specialtyCode: string; visits: number; firstVisitAt: Date; daysApart: number };

/** `visits` RHU visits of one patient, `daysApart` days apart from `firstVisitAt`, with their entries, inserted in bulk. */
export async function insertLongHistoryInBulk(input: LongHistoryInput) {
  const { patientId, clinicianId: by, facilityId, specialtyCode, visits } = input;
  const database = db();
  const history = await database
    .insert(encounters)
    .values(
      Array.from({ length: visits }, (_, i) => ({
        patientId,
        kind: "rhu_visit" as const,
        facilityId,
        createdBy: by,
        startedAt: new Date(input.firstVisitAt.getTime() + i * input.daysApart * 86_400_000),
      })),
    )
    .returning({ id: encounters.id, startedAt: encounters.startedAt });
  const each = <T>(row: (e: (typeof history)[number]) => T) => history.map(row);
  const first = history[0]!;

  const image = await intakeImage(await labReportPhoto());
  const content = Buffer.from(image.bytes);
  const answers = phq9Input.parse(PHQ9_MODERATE);

  await database.insert(vitals).values(each((e) => ({ patientId, recordedBy: by, recordedAt: e.startedAt, systolic: 130, diastolic: 85, pulse: 80, weightKg: 60 })));
  await database.insert(allergies).values({ patientId, encounterId: first.id, allergenCode: "penicillins", reaction: "Rash and lip swelling", severity: "severe", recordedBy: by, recordedAt: first.startedAt });
  await database.insert(problems).values({ patientId, encounterId: first.id, code: "I10", onsetOn: "2021-04-01", recordedBy: by, recordedAt: first.startedAt });
  await database.insert(diagnoses).values([
    ...each((e) => ({ patientId, encounterId: e.id, code: "J06.9", certainty: "confirmed" as const, recordedBy: by, recordedAt: e.startedAt })),
    ...each((e) => ({ patientId, encounterId: e.id, freeText: "Heat exhaustion after field work", certainty: "provisional" as const, recordedBy: by, recordedAt: e.startedAt })),
  ]);
  const issued = await database
    .insert(prescriptions)
    .values(each((e) => ({ patientId, encounterId: e.id, prescriberId: by, verificationCode: newVerificationCode(), issuedAt: e.startedAt })))
    .returning({ id: prescriptions.id });
  await database.insert(prescriptionItems).values(
    issued.map((p) => ({
      prescriptionId: p.id,
      position: 0,
      medicineCode: "paracetamol-500mg-tab",
      dose: "2 tablets",
      frequencyCode: "tds",
      durationValue: 3,
      durationUnit: "days" as const,
      instructionCodes: ["after_food"],
      instructionsEn: "Only if the fever is above 38",
      instructionsUr: "صرف اگر بخار 38 سے زیادہ ہو",
    })),
  );
  const orders = await database
    .insert(labOrders)
    .values(each((e) => ({ patientId, encounterId: e.id, testCode: "hb", status: "resulted" as const, note: "Pale, tired", orderedBy: by, orderedAt: e.startedAt })))
    .returning({ id: labOrders.id });
  const reports = await database
    .insert(attachments)
    .values(
      each((e) => ({
        patientId,
        encounterId: e.id,
        kind: "lab_report" as const,
        contentType: image.contentType,
        content,
        byteLength: image.byteLength,
        width: image.width,
        height: image.height,
        sha256: image.sha256,
        uploadedBy: by,
        uploadedAt: e.startedAt,
      })),
    )
    .returning({ id: attachments.id });
  await database.insert(labResults).values(
    history.map((e, i) => ({
      patientId,
      encounterId: e.id,
      orderId: orders[i]!.id,
      testCode: "hb",
      valueNumeric: 9.6,
      flag: "low" as const,
      takenOn: e.startedAt.toISOString().slice(0, 10),
      attachmentId: reports[i]!.id,
      enteredBy: by,
      enteredAt: e.startedAt,
    })),
  );
  await database.insert(referrals).values([
    ...each((e) => ({ patientId, encounterId: e.id, toSpecialtyCode: specialtyCode, urgency: "urgent" as const, reason: "Anaemia not improving on iron", referredBy: by, referredAt: e.startedAt })),
    ...each((e) => ({ patientId, encounterId: e.id, toFacilityId: facilityId, urgency: "routine" as const, reason: "Ultrasound", referredBy: by, referredAt: e.startedAt })),
  ]);
  await database
    .insert(screenings)
    .values(each((e) => ({ patientId, encounterId: e.id, instrument: "phq9" as const, answers, score: 11, band: "moderate", positive: true, recordedBy: by, recordedAt: e.startedAt })));
  return history;
}
