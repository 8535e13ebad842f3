import { findLabTest } from "@/lib/records/catalog";
import programmeMessages from "@/lib/i18n/messages/programmes.en.json";
import { coding, instantOf, referenceTo } from "./reference";
import type { LabResultRow, ScreeningRow, VitalsRow } from "./rows";
import {
  INTERPRETATION_SYSTEM,
  LAB_TEST_SYSTEM,
  LOINC_SYSTEM,
  OBSERVATION_CATEGORY_SYSTEM,
  OBSERVATION_SYSTEM,
  SCREENING_BAND_SYSTEM,
  UCUM_SYSTEM,
} from "./systems";
import type { CodeableConcept, Coding, Observation, Quantity, Reference } from "./types";

const category = (code: string, display: string): CodeableConcept[] => [{ coding: [coding(OBSERVATION_CATEGORY_SYSTEM, code, display)] }];
const VITAL_SIGNS = category("vital-signs", "Vital Signs");
const LABORATORY = category("laboratory", "Laboratory");
const EXAM = category("exam", "Exam");
const SURVEY = category("survey", "Survey");

const loinc = (code: string, display: string): Coding => coding(LOINC_SYSTEM, code, display);
const ucum = (value: number, code: string, unit = code): Quantity => ({ value, unit, system: UCUM_SYSTEM, code });

/** Where a reading belongs: the patient, and the encounter of its consultation when it had one. */
export type ObservationContext = { patientId: string; encounterId: string | null };

// The codes of FHIR's vital signs profile (https://hl7.org/fhir/R4/observation-vitalsigns.html).
const vitalCodes = {
  bloodPressure: { coding: [loinc("85354-9", "Blood pressure panel with all children optional")], text: "Blood pressure" },
  systolic: { coding: [loinc("8480-6", "Systolic blood pressure")], text: "Systolic" },
  diastolic: { coding: [loinc("8462-4", "Diastolic blood pressure")], text: "Diastolic" },
  pulse: { coding: [loinc("8867-4", "Heart rate")], text: "Pulse" },
  temperature: { coding: [loinc("8310-5", "Body temperature")], text: "Temperature" },
  spo2: {
    coding: [loinc("2708-6", "Oxygen saturation in Arterial blood"), loinc("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry")],
    text: "SpO2",
  },
  respiratoryRate: { coding: [loinc("9279-1", "Respiratory rate")], text: "Respiratory rate" },
  weight: { coding: [loinc("29463-7", "Body weight")], text: "Weight" },
  height: { coding: [loinc("8302-2", "Body height")], text: "Height" },
  glucose: { coding: [loinc("2339-0", "Glucose [Mass/volume] in Blood")], text: "Blood glucose" },
  // No LOINC code for MUAC that we are sure of: ours, with the words.
  muac: { coding: [coding(OBSERVATION_SYSTEM, "muac", "Mid-upper arm circumference")], text: "MUAC" },
  lastMenstrualPeriod: { coding: [loinc("8665-2", "Last menstrual period start date")], text: "Last menstrual period" },
} satisfies Record<string, CodeableConcept>;

/**
 * One set of vitals as one Observation per measurement (FHIR's vital signs profile): blood
 * pressure as a panel with systolic and diastolic components, the rest each with its UCUM unit.
 * Ids are the vitals row's id with the measurement's name, so a re-export gives the same ids.
 */
export function vitalsToObservations(row: VitalsRow, context: ObservationContext): Observation[] {
  const base = (suffix: string, categories: CodeableConcept[], code: CodeableConcept): Observation => ({
    resourceType: "Observation",
    id: `${row.id}-${suffix}`,
    status: "final",
    category: categories,
    code,
    subject: referenceTo("Patient", context.patientId),
    ...(context.encounterId ? { encounter: referenceTo("Encounter", context.encounterId) } : {}),
    effectiveDateTime: instantOf(row.recordedAt),
    performer: [referenceTo("Practitioner", row.recordedBy)],
  });
  const out: Observation[] = [];
  if (row.systolic !== null || row.diastolic !== null) {
    const component: NonNullable<Observation["component"]> = [];
    if (row.systolic !== null) component.push({ code: vitalCodes.systolic, valueQuantity: ucum(row.systolic, "mm[Hg]", "mmHg") });
    if (row.diastolic !== null) component.push({ code: vitalCodes.diastolic, valueQuantity: ucum(row.diastolic, "mm[Hg]", "mmHg") });
    out.push({ ...base("bp", VITAL_SIGNS, vitalCodes.bloodPressure), component });
  }
  const single = (suffix: string, categories: CodeableConcept[], code: CodeableConcept, value: number | null, unit: string, display?: string) => {
    if (value !== null) out.push({ ...base(suffix, categories, code), valueQuantity: ucum(value, unit, display) });
  };
  single("pulse", VITAL_SIGNS, vitalCodes.pulse, row.pulse, "/min", "beats/minute");
  single("temperature", VITAL_SIGNS, vitalCodes.temperature, row.temperatureC, "Cel", "°C");
  single("spo2", VITAL_SIGNS, vitalCodes.spo2, row.spo2, "%");
  single("respiratory-rate", VITAL_SIGNS, vitalCodes.respiratoryRate, row.respiratoryRate, "/min", "breaths/minute");
  single("weight", VITAL_SIGNS, vitalCodes.weight, row.weightKg, "kg");
  single("height", VITAL_SIGNS, vitalCodes.height, row.heightCm, "cm");
  // A finger-prick glucose is a point-of-care test, not a vital sign in FHIR's sense.
  single("glucose", LABORATORY, vitalCodes.glucose, row.glucoseMgDl, "mg/dL");
  single("muac", EXAM, vitalCodes.muac, row.muacCm, "cm");
  if (row.lastMenstrualPeriod) out.push({ ...base("lmp", EXAM, vitalCodes.lastMenstrualPeriod), valueDateTime: row.lastMenstrualPeriod });
  return out;
}

const interpretations: Record<string, Coding> = {
  low: coding(INTERPRETATION_SYSTEM, "L", "Low"),
  high: coding(INTERPRETATION_SYSTEM, "H", "High"),
  normal: coding(INTERPRETATION_SYSTEM, "N", "Normal"),
  positive: coding(INTERPRETATION_SYSTEM, "POS", "Positive"),
  negative: coding(INTERPRETATION_SYSTEM, "NEG", "Negative"),
};

/** The lab test as a concept: our catalog's code, LOINC beside it when the catalog is sure of it. */
export function labTestConcept(testCode: string): CodeableConcept {
  const test = findLabTest(testCode);
  if (!test) return { coding: [coding(LAB_TEST_SYSTEM, testCode)], text: testCode };
  return {
    coding: [coding(LAB_TEST_SYSTEM, test.code, test.en), ...(test.loinc ? [loinc(test.loinc, test.en)] : [])],
    text: test.en,
  };
}

/**
 * A lab result: the value typed in (with its unit and the catalog's adult range), its flag, the
 * order it answers and the photographed report it was read from. A result entered in error
 * stays, marked so.
 */
export function labResultToObservation(row: LabResultRow, patientId: string): Observation {
  const test = findLabTest(row.testCode);
  const interpretation = row.flag ? interpretations[row.flag] : undefined;
  const range = test && (test.low !== undefined || test.high !== undefined)
    ? [{
        ...(test.low !== undefined ? { low: { value: test.low, ...(test.unit ? { unit: test.unit } : {}) } } : {}),
        ...(test.high !== undefined ? { high: { value: test.high, ...(test.unit ? { unit: test.unit } : {}) } } : {}),
        text: "Non-pregnant adult",
      }]
    : undefined;
  const derivedFrom: Reference[] = row.attachmentId ? [referenceTo("DocumentReference", row.attachmentId)] : [];
  return {
    resourceType: "Observation",
    id: row.id,
    status: row.enteredInErrorAt ? "entered-in-error" : "final",
    category: LABORATORY,
    code: labTestConcept(row.testCode),
    subject: referenceTo("Patient", patientId),
    ...(row.encounterId ? { encounter: referenceTo("Encounter", row.encounterId) } : {}),
    effectiveDateTime: row.takenOn,
    issued: instantOf(row.enteredAt),
    ...(row.valueNumeric !== null
      ? { valueQuantity: { value: row.valueNumeric, ...(test?.unit ? { unit: test.unit } : {}) } }
      : row.valueText !== null
        ? { valueString: row.valueText }
        : {}),
    ...(row.valueNumeric !== null && row.valueText ? { note: [{ text: row.valueText }] } : {}),
    ...(row.valueNumeric === null && row.valueText === null ? { note: [{ text: "Value on the attached report" }] } : {}),
    ...(interpretation ? { interpretation: [{ coding: [interpretation] }] } : {}),
    ...(range ? { referenceRange: range } : {}),
    ...(row.orderId ? { basedOn: [referenceTo("ServiceRequest", row.orderId)] } : {}),
    ...(derivedFrom.length > 0 ? { derivedFrom } : {}),
  };
}

const instruments = {
  phq9: { coding: [loinc("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]")], text: "PHQ-9 (depression)" },
  gad7: { coding: [loinc("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]")], text: "GAD-7 (anxiety)" },
  preventive: { coding: [coding(OBSERVATION_SYSTEM, "preventive-screening", "Preventive screening questionnaire")], text: "Preventive screening" },
} satisfies Record<ScreeningRow["instrument"], CodeableConcept>;

function bandLabel(instrument: ScreeningRow["instrument"], band: string): string | undefined {
  const bands: Record<string, string> | undefined =
    instrument === "phq9" ? programmeMessages.phq9.bands : instrument === "gad7" ? programmeMessages.gad7.bands : undefined;
  return bands?.[band];
}

/**
 * A scored questionnaire: PHQ-9 and GAD-7 as their LOINC total scores with the severity band as
 * the interpretation; the preventive screening as positive or negative. The answers themselves
 * are not exported (they would be a QuestionnaireResponse), nor who entered them: a patient may
 * fill one in themselves, and FHIR's performer means who answered for it.
 */
export function screeningToObservation(row: ScreeningRow, patientId: string): Observation {
  const interpretation: CodeableConcept[] = [];
  if (row.band) {
    const display = bandLabel(row.instrument, row.band);
    interpretation.push({ coding: [coding(SCREENING_BAND_SYSTEM, `${row.instrument}-${row.band}`, display)], ...(display ? { text: display } : {}) });
  }
  interpretation.push({ coding: [row.positive ? interpretations.positive! : interpretations.negative!] });
  return {
    resourceType: "Observation",
    id: row.id,
    status: "final",
    category: SURVEY,
    code: instruments[row.instrument],
    subject: referenceTo("Patient", patientId),
    encounter: referenceTo("Encounter", row.encounterId),
    effectiveDateTime: instantOf(row.recordedAt),
    ...(row.score !== null ? { valueInteger: row.score } : { valueBoolean: row.positive }),
    interpretation,
  };
}
