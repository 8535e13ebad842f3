/**
 * Every system URI the FHIR export writes, named once.
 *
 * The `https://rabta.health/fhir/...` URIs are ours: Rabta owns the name, and a URI here is a
 * name, not an address the export depends on (nothing fetches it). They follow FHIR's habit of
 * `/sid/` for identifier systems and `/CodeSystem/` for code systems. Where a registered system
 * exists (ICD-10, LOINC, UCUM, SNOMED CT, HL7's own terminology) we use it instead.
 */

const OURS = "https://rabta.health/fhir";

/**
 * The national MR ID as Rabta issues it (10 digits, Damm check digit, lib/mrid). The programme
 * has published no FHIR NamingSystem for it that we know of, so the export names it with a URI
 * we own; when the programme registers one, this is the one line to change.
 */
export const MR_ID_SYSTEM = `${OURS}/sid/mr-id`;

/**
 * The 13-digit CNIC, written without dashes. NADRA has no registered FHIR NamingSystem for the
 * CNIC that we know of, so this too is a URI of ours, documented as meaning "CNIC as issued by
 * NADRA".
 */
export const CNIC_SYSTEM = `${OURS}/sid/cnic`;

/** Our prescription ids, which group a prescription's lines (MedicationRequest.groupIdentifier). */
export const PRESCRIPTION_SYSTEM = `${OURS}/sid/prescription`;

/** The formulary shipped in lib/records/catalog/formulary.ts: codes like `amoxicillin-500mg-cap`. */
export const FORMULARY_SYSTEM = `${OURS}/CodeSystem/formulary`;
/** Dosage forms' and routes' codes of that formulary. */
export const ROUTE_SYSTEM = `${OURS}/CodeSystem/route`;
/** Dose frequencies (`od`, `bd`, `tds`…) and standard instructions (`after_food`…) of lib/records/catalog/frequencies.ts. */
export const FREQUENCY_SYSTEM = `${OURS}/CodeSystem/frequency`;
export const INSTRUCTION_SYSTEM = `${OURS}/CodeSystem/instruction`;
/** The allergens of lib/records/catalog/allergens.ts: drug groups, formulary ingredients, non-drug allergens. */
export const ALLERGEN_SYSTEM = `${OURS}/CodeSystem/allergen`;
/** The lab tests of lib/records/catalog/lab-tests.ts; LOINC rides beside them where the catalog is sure of the code. */
export const LAB_TEST_SYSTEM = `${OURS}/CodeSystem/lab-test`;
/** The specialties table's codes (`gynaecology`, `paediatrics`…). */
export const SPECIALTY_SYSTEM = `${OURS}/CodeSystem/specialty`;
/** Encounter kinds (db/enums.ts encounterKinds): a video consult, one hosted at a facility, a facility visit. */
export const ENCOUNTER_KIND_SYSTEM = `${OURS}/CodeSystem/encounter-kind`;
/** Facility kinds (hub, spoke). */
export const FACILITY_KIND_SYSTEM = `${OURS}/CodeSystem/facility-kind`;
/** Measurements with no LOINC code we are sure of (MUAC), and the preventive screening questionnaire. */
export const OBSERVATION_SYSTEM = `${OURS}/CodeSystem/observation`;
/** Severity bands of PHQ-9 and GAD-7 (lib/records/programmes/questionnaires.ts). */
export const SCREENING_BAND_SYSTEM = `${OURS}/CodeSystem/screening-band`;
/** Attachment kinds (lab report, photo). */
export const ATTACHMENT_KIND_SYSTEM = `${OURS}/CodeSystem/attachment-kind`;

// Registered systems.
export const ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10";
export const LOINC_SYSTEM = "http://loinc.org";
export const UCUM_SYSTEM = "http://unitsofmeasure.org";
export const SNOMED_SYSTEM = "http://snomed.info/sct";
export const IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";
export const ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
export const ACT_PRIORITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActPriority";
export const PARTICIPATION_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
export const OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
export const INTERPRETATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
export const CONDITION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-category";
export const CONDITION_CLINICAL_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-clinical";
export const CONDITION_VERIFICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
export const ALLERGY_CLINICAL_SYSTEM = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
export const ALLERGY_VERIFICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
/** The core extension that carries a primitive's translation (used for the Urdu dosage text). */
export const TRANSLATION_EXTENSION = "http://hl7.org/fhir/StructureDefinition/translation";
