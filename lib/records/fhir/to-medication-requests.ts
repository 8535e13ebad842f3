import { addDays } from "date-fns";
import { dosageForms, findDurationUnit, findFrequency, findInstruction, findMedicine, routes } from "@/lib/records/catalog";
import { coding, instantOf, referenceTo } from "./reference";
import type { PrescriptionItemRow, PrescriptionRow } from "./rows";
import { FORMULARY_SYSTEM, FREQUENCY_SYSTEM, INSTRUCTION_SYSTEM, PRESCRIPTION_SYSTEM, ROUTE_SYSTEM, TRANSLATION_EXTENSION, UCUM_SYSTEM } from "./systems";
import type { CodeableConcept, Dosage, MedicationRequest } from "./types";

const ucumDuration = { days: "d", weeks: "wk", months: "mo" } as const;

/** The medicine as a concept: our formulary code (generic, strength, form as display), the generic name as text. */
export function medicineConcept(code: string): CodeableConcept {
  const medicine = findMedicine(code);
  if (!medicine) return { coding: [coding(FORMULARY_SYSTEM, code)], text: code };
  const form = dosageForms.find((entry) => entry.code === medicine.form)?.en ?? medicine.form;
  return { coding: [coding(FORMULARY_SYSTEM, code, `${medicine.generic} ${medicine.strength} ${form}`)], text: medicine.generic };
}

/**
 * The line's instructions as the printed prescription gives them, in English and in Urdu: the
 * dose, how often, for how long, the standard instructions and the prescriber's own words.
 */
export function dosageTexts(item: PrescriptionItemRow): { en: string; ur: string } {
  const frequency = findFrequency(item.frequencyCode);
  const unit = findDurationUnit(item.durationUnit);
  const phrases = item.instructionCodes.map(findInstruction).filter((entry) => entry !== undefined);
  const en = [
    `${item.dose}, ${frequency?.en ?? item.frequencyCode}, for ${item.durationValue} ${unit?.en ?? item.durationUnit}`,
    ...phrases.map((phrase) => phrase.en),
    ...(item.instructionsEn ? [item.instructionsEn] : []),
  ];
  const ur = [
    `${item.dose}، ${frequency?.ur ?? item.frequencyCode}، ${item.durationValue} ${unit?.ur ?? item.durationUnit} تک`,
    ...phrases.map((phrase) => phrase.ur),
    ...(item.instructionsUr ? [item.instructionsUr] : []),
  ];
  return { en: `${en.join(". ")}.`, ur: `${ur.join("۔ ")}۔` };
}

/**
 * FHIR's status of a prescription line: entered in error; completed once dispensed or once its
 * course has run (a receiving system would otherwise list a cough syrup of three years ago among
 * the medicines taken now); active until then.
 */
export function medicationStatus(prescription: PrescriptionRow, item: PrescriptionItemRow, now: Date): MedicationRequest["status"] {
  if (prescription.enteredInErrorAt) return "entered-in-error";
  if (prescription.dispensedAt) return "completed";
  const days = item.durationValue * (findDurationUnit(item.durationUnit)?.days ?? 1);
  return addDays(prescription.issuedAt, days) < now ? "completed" : "active";
}

/**
 * One MedicationRequest per line of the prescription, grouped by the prescription's id. The
 * dosage text is English with its Urdu translation (FHIR's translation extension), and the Urdu
 * again as the patient instruction: it is the wording the patient was given.
 */
export function prescriptionToMedicationRequests(
  prescription: PrescriptionRow,
  items: readonly PrescriptionItemRow[],
  patientId: string,
  now: Date,
): MedicationRequest[] {
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) => {
      const texts = dosageTexts(item);
      const frequency = findFrequency(item.frequencyCode);
      const medicine = findMedicine(item.medicineCode);
      const route = medicine ? routes.find((entry) => entry.code === medicine.route) : undefined;
      const dosage: Dosage = {
        sequence: 1,
        text: texts.en,
        _text: {
          extension: [
            {
              url: TRANSLATION_EXTENSION,
              extension: [
                { url: "lang", valueCode: "ur" },
                { url: "content", valueString: texts.ur },
              ],
            },
          ],
        },
        patientInstruction: texts.ur,
        ...(item.instructionCodes.length > 0
          ? {
              additionalInstruction: item.instructionCodes.map((code) => {
                const phrase = findInstruction(code);
                return { coding: [coding(INSTRUCTION_SYSTEM, code, phrase?.en)], ...(phrase ? { text: phrase.en } : {}) };
              }),
            }
          : {}),
        timing: {
          code: { coding: [coding(FREQUENCY_SYSTEM, item.frequencyCode, frequency?.en)], ...(frequency ? { text: frequency.en } : {}) },
          repeat: { boundsDuration: { value: item.durationValue, unit: item.durationUnit, system: UCUM_SYSTEM, code: ucumDuration[item.durationUnit] } },
        },
        ...(route ? { route: { coding: [coding(ROUTE_SYSTEM, route.code, route.en)], text: route.en } } : {}),
      };
      return {
        resourceType: "MedicationRequest",
        id: item.id,
        status: medicationStatus(prescription, item, now),
        intent: "order",
        medicationCodeableConcept: medicineConcept(item.medicineCode),
        subject: referenceTo("Patient", patientId),
        encounter: referenceTo("Encounter", prescription.encounterId),
        authoredOn: instantOf(prescription.issuedAt),
        requester: referenceTo("Practitioner", prescription.prescriberId),
        groupIdentifier: { system: PRESCRIPTION_SYSTEM, value: prescription.id },
        dosageInstruction: [dosage],
      };
    });
}
