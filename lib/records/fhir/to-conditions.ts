import { findAllergen, findDiagnosis } from "@/lib/records/catalog";
import { coding, instantOf, referenceTo } from "./reference";
import type { AllergyRow, DiagnosisRow, ProblemRow } from "./rows";
import {
  ALLERGEN_SYSTEM,
  ALLERGY_CLINICAL_SYSTEM,
  ALLERGY_VERIFICATION_SYSTEM,
  CONDITION_CATEGORY_SYSTEM,
  CONDITION_CLINICAL_SYSTEM,
  CONDITION_VERIFICATION_SYSTEM,
  ICD10_SYSTEM,
} from "./systems";
import type { AllergyIntolerance, CodeableConcept, Condition } from "./types";

const concept = (system: string, code: string, display?: string): CodeableConcept => ({ coding: [coding(system, code, display)] });

/**
 * A diagnosis or problem as a concept: the ICD-10 code with our own label as display and text
 * (WHO's titles are not ours to ship), or only the words when it was written as free text.
 * A code that left the list since still exports, as the code alone.
 */
export function conditionConcept(code: string | null, freeText: string | null): CodeableConcept {
  if (!code) return { text: freeText ?? "" };
  const entry = findDiagnosis(code);
  const text = entry?.en ?? freeText ?? undefined;
  return { coding: [coding(ICD10_SYSTEM, code, entry?.en)], ...(text ? { text } : {}) };
}

const verification = (code: "provisional" | "confirmed" | "entered-in-error") => concept(CONDITION_VERIFICATION_SYSTEM, code);

/**
 * A diagnosis made at an encounter. It carries no clinical status: "active" would claim that a
 * cold diagnosed five years ago still is; what lasts belongs on the problem list. One entered in
 * error stays, marked so (FHIR then forbids a clinical status anyway).
 */
export function diagnosisToCondition(row: DiagnosisRow, patientId: string): Condition {
  return {
    resourceType: "Condition",
    id: row.id,
    verificationStatus: verification(row.enteredInErrorAt ? "entered-in-error" : row.certainty),
    category: [concept(CONDITION_CATEGORY_SYSTEM, "encounter-diagnosis", "Encounter Diagnosis")],
    code: conditionConcept(row.code, row.freeText),
    subject: referenceTo("Patient", patientId),
    encounter: referenceTo("Encounter", row.encounterId),
    recordedDate: instantOf(row.recordedAt),
    recorder: referenceTo("Practitioner", row.recordedBy),
  };
}

/** An entry of the problem list, active or resolved (with its dates), or entered in error. */
export function problemToCondition(row: ProblemRow, patientId: string): Condition {
  const inError = row.status === "entered_in_error";
  return {
    resourceType: "Condition",
    id: row.id,
    ...(inError ? {} : { clinicalStatus: concept(CONDITION_CLINICAL_SYSTEM, row.status) }),
    verificationStatus: verification(inError ? "entered-in-error" : "confirmed"),
    category: [concept(CONDITION_CATEGORY_SYSTEM, "problem-list-item", "Problem List Item")],
    code: conditionConcept(row.code, row.freeText),
    subject: referenceTo("Patient", patientId),
    ...(row.encounterId ? { encounter: referenceTo("Encounter", row.encounterId) } : {}),
    ...(row.onsetOn ? { onsetDateTime: row.onsetOn } : {}),
    ...(row.status === "resolved" && row.resolvedOn ? { abatementDateTime: row.resolvedOn } : {}),
    recordedDate: instantOf(row.recordedAt),
    recorder: referenceTo("Practitioner", row.recordedBy),
  };
}

const FOOD = new Set(["eggs", "peanuts", "milk", "seafood"]);

function allergyCategory(code: string): AllergyIntolerance["category"] {
  const allergen = findAllergen(code);
  if (!allergen) return undefined;
  if (allergen.kind !== "non_drug") return ["medication"];
  return FOOD.has(code) ? ["food"] : ["environment"];
}

/**
 * An allergy: our allergen code (a drug group, a formulary ingredient or a non-drug allergen)
 * or the words written; the reaction, when recorded, with its severity. FHIR's criticality is
 * the risk of a future reaction, which we do not record apart from severity: a severe one is
 * taken as high, any other as low.
 */
export function allergyToAllergyIntolerance(row: AllergyRow, patientId: string): AllergyIntolerance {
  const inError = row.status === "entered_in_error";
  const allergen = row.allergenCode ? findAllergen(row.allergenCode) : undefined;
  const code: CodeableConcept = row.allergenCode
    ? { coding: [coding(ALLERGEN_SYSTEM, row.allergenCode, allergen?.en)], text: allergen?.en ?? row.freeText ?? row.allergenCode }
    : { text: row.freeText ?? "" };
  const category = row.allergenCode ? allergyCategory(row.allergenCode) : undefined;
  return {
    resourceType: "AllergyIntolerance",
    id: row.id,
    ...(inError ? {} : { clinicalStatus: concept(ALLERGY_CLINICAL_SYSTEM, row.status) }),
    verificationStatus: concept(ALLERGY_VERIFICATION_SYSTEM, inError ? "entered-in-error" : "confirmed"),
    ...(category ? { category } : {}),
    criticality: row.severity === "severe" ? "high" : "low",
    code,
    patient: referenceTo("Patient", patientId),
    ...(row.encounterId ? { encounter: referenceTo("Encounter", row.encounterId) } : {}),
    recordedDate: instantOf(row.recordedAt),
    recorder: referenceTo("Practitioner", row.recordedBy),
    ...(row.reaction ? { reaction: [{ manifestation: [{ text: row.reaction }], severity: row.severity }] } : {}),
  };
}

