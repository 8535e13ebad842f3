import sharp from "sharp";
import type { Actor } from "@/lib/auth/roles";
import { orderLab } from "@/lib/records/order-lab";
import { prescribe } from "@/lib/records/prescribe";
import { recordAllergy } from "@/lib/records/record-allergy";
import { recordDiagnosis } from "@/lib/records/record-diagnosis";
import { recordLabResult } from "@/lib/records/record-lab-result";
import { recordProblem } from "@/lib/records/record-problem";
import { recordScreening } from "@/lib/records/record-screening";
import { referPatient } from "@/lib/records/refer";

export type ClinicalEntriesInput = { clinician: Actor; consultationId: string; facilityId: string; specialtyCode: string };

/** A photographed paper report as a phone writes it: a page with dark lines of print, at JPEG quality 92. */
export function labReportPhoto(): Promise<Buffer> {
  const line = (top: number) => ({ input: { create: { width: 600, height: 14, channels: 3 as const, background: "#222222" } }, top, left: 100 });
  return sharp({ create: { width: 800, height: 600, channels: 3, background: "#f4f0e8" } })
    .composite([line(80), line(140), line(200)])
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** A PHQ-9 of 11, "moderate": the answers as the form posts them. */
export const PHQ9_MODERATE = { interest: "2", down: "2", sleep: "2", tired: "2", appetite: "1", self_worth: "1", concentration: "1", movement: "0", self_harm: "0" };

/**
 * One of each clinical entry at the consultation's encounter, each through the use case the
 * consultation page calls, by its clinician, with values a test can look for in the export.
 */
export async function recordClinicalEntries({ clinician, consultationId, facilityId, specialtyCode }: ClinicalEntriesInput) {
  const diagnosis = await recordDiagnosis(clinician, consultationId, { code: "J06.9", certainty: "confirmed" });
  const freeDiagnosis = await recordDiagnosis(clinician, consultationId, { freeText: "Heat exhaustion after field work", certainty: "provisional" });
  const problem = await recordProblem(clinician, consultationId, { code: "I10", onsetOn: "2021-04-01" });
  const allergy = await recordAllergy(clinician, consultationId, { allergenCode: "penicillins", reaction: "Rash and lip swelling", severity: "severe" });
  // Paracetamol carries no penicillin warning, so no acknowledgement is needed.
  const prescription = await prescribe(clinician, consultationId, {
    items: [
      {
        medicineCode: "paracetamol-500mg-tab",
        dose: "2 tablets",
        frequencyCode: "tds",
        durationValue: 3,
        durationUnit: "days",
        instructionCodes: ["after_food"],
        instructionsEn: "Only if the fever is above 38",
        instructionsUr: "صرف اگر بخار 38 سے زیادہ ہو",
      },
    ],
  });
  const order = await orderLab(clinician, consultationId, { testCode: "hb", note: "Pale, tired" });
  const photo = await labReportPhoto();
  const result = await recordLabResult(clinician, consultationId, { orderId: order.id, value: "9.6", takenOn: "2025-01-10" }, { bytes: photo });
  const referral = await referPatient(clinician, consultationId, { specialtyCode, urgency: "urgent", reason: "Anaemia not improving on iron" });
  const facilityReferral = await referPatient(clinician, consultationId, { facilityId, urgency: "routine", reason: "Ultrasound" });
  const screening = await recordScreening(clinician, consultationId, "phq9", PHQ9_MODERATE);
  return { diagnosis, freeDiagnosis, problem, allergy, prescription, order, result, attachmentId: result.attachmentId!, photo, referral, facilityReferral, screening };
}
