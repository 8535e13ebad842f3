/**
 * The slice of FHIR R4 that Rabta exports, typed by hand: only the elements the mappers fill.
 * The full definitions (and what each element means) are at https://hl7.org/fhir/R4/; a test
 * validates every exported bundle against the official R4 JSON schema.
 */

export type Coding = { system: string; code: string; display?: string };
export type CodeableConcept = { coding?: Coding[]; text?: string };
/** `reference` is absent only for someone named but not in the bundle (a patient who uploaded a photo). */
export type Reference = { reference?: string; display?: string };
export type Identifier = { use?: "usual" | "official" | "temp" | "secondary" | "old"; type?: CodeableConcept; system: string; value: string };
export type Quantity = { value: number; unit?: string; system?: string; code?: string };
export type Period = { start?: string; end?: string };
export type Annotation = { text: string; time?: string; authorReference?: Reference };
export type Attachment = { contentType?: string; language?: string; data?: string; url?: string; size?: number; hash?: string; title?: string; creation?: string };
/** A primitive's companion element (`_text` beside `text`), here only for its translations. */
export type PrimitiveExtension = { extension: Extension[] };
export type Extension = { url: string; valueCode?: string; valueString?: string; extension?: Extension[] };

type Base<T extends string> = { resourceType: T; id: string };

export type Patient = Base<"Patient"> & {
  identifier: Identifier[];
  active: boolean;
  name: { use?: "official" | "usual"; text: string }[];
  telecom?: { system: "phone"; value: string; use?: "mobile" }[];
  gender: "male" | "female" | "other" | "unknown";
  birthDate: string;
};

export type Practitioner = Base<"Practitioner"> & { active: boolean; name: { text: string }[] };

export type Organization = Base<"Organization"> & {
  active: boolean;
  name: string;
  type?: CodeableConcept[];
  address?: { district?: string; country?: string }[];
};

export type Encounter = Base<"Encounter"> & {
  status: "planned" | "arrived" | "triaged" | "in-progress" | "finished" | "cancelled" | "unknown";
  class: Coding;
  type?: CodeableConcept[];
  priority?: CodeableConcept;
  subject: Reference;
  participant?: { type?: CodeableConcept[]; individual: Reference; period?: Period }[];
  period: Period;
  reasonCode?: CodeableConcept[];
  serviceProvider?: Reference;
};

export type Observation = Base<"Observation"> & {
  status: "preliminary" | "final" | "amended" | "entered-in-error";
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  effectiveDateTime: string;
  issued?: string;
  performer?: Reference[];
  valueQuantity?: Quantity;
  valueString?: string;
  valueInteger?: number;
  valueBoolean?: boolean;
  valueDateTime?: string;
  interpretation?: CodeableConcept[];
  note?: Annotation[];
  referenceRange?: { low?: Quantity; high?: Quantity; text?: string }[];
  basedOn?: Reference[];
  derivedFrom?: Reference[];
  hasMember?: Reference[];
  component?: { code: CodeableConcept; valueQuantity?: Quantity }[];
};

export type Condition = Base<"Condition"> & {
  clinicalStatus?: CodeableConcept;
  verificationStatus: CodeableConcept;
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  onsetDateTime?: string;
  abatementDateTime?: string;
  recordedDate: string;
  recorder: Reference;
};

export type AllergyIntolerance = Base<"AllergyIntolerance"> & {
  clinicalStatus?: CodeableConcept;
  verificationStatus: CodeableConcept;
  category?: ("food" | "medication" | "environment" | "biologic")[];
  criticality: "low" | "high" | "unable-to-assess";
  code: CodeableConcept;
  patient: Reference;
  encounter?: Reference;
  recordedDate: string;
  recorder: Reference;
  reaction?: { manifestation: CodeableConcept[]; severity: "mild" | "moderate" | "severe" }[];
};

export type Dosage = {
  sequence: number;
  text: string;
  _text?: PrimitiveExtension;
  patientInstruction?: string;
  additionalInstruction?: CodeableConcept[];
  timing: { code: CodeableConcept; repeat?: { boundsDuration: Quantity } };
  route?: CodeableConcept;
};

export type MedicationRequest = Base<"MedicationRequest"> & {
  identifier?: Identifier[];
  status: "active" | "completed" | "entered-in-error" | "stopped";
  intent: "order";
  medicationCodeableConcept: CodeableConcept;
  subject: Reference;
  encounter: Reference;
  authoredOn: string;
  requester: Reference;
  groupIdentifier: Identifier;
  dosageInstruction: Dosage[];
};

export type ServiceRequest = Base<"ServiceRequest"> & {
  status: "active" | "completed" | "revoked";
  intent: "order";
  category: CodeableConcept[];
  priority?: "routine" | "urgent" | "asap" | "stat";
  code: CodeableConcept;
  subject: Reference;
  encounter: Reference;
  authoredOn: string;
  requester: Reference;
  performerType?: CodeableConcept;
  performer?: Reference[];
  reasonCode?: CodeableConcept[];
  note?: Annotation[];
};

export type DocumentReference = Base<"DocumentReference"> & {
  status: "current" | "superseded" | "entered-in-error";
  docStatus?: "preliminary" | "final" | "amended";
  type: CodeableConcept;
  category?: CodeableConcept[];
  subject: Reference;
  date: string;
  author: Reference[];
  authenticator?: Reference;
  relatesTo?: { code: "replaces" | "transforms" | "signs" | "appends"; target: Reference }[];
  description?: string;
  content: { attachment: Attachment }[];
  context?: { encounter?: Reference[]; period?: Period };
};

export type OperationOutcome = {
  resourceType: "OperationOutcome";
  issue: { severity: "fatal" | "error" | "warning" | "information"; code: string; diagnostics?: string }[];
};

export type Resource =
  | Patient
  | Practitioner
  | Organization
  | Encounter
  | Observation
  | Condition
  | AllergyIntolerance
  | MedicationRequest
  | ServiceRequest
  | DocumentReference;

export type BundleEntry = { fullUrl: string; resource: Resource; search: { mode: "match" | "include" } };

export type Bundle = {
  resourceType: "Bundle";
  id: string;
  meta: { lastUpdated: string };
  type: "searchset";
  timestamp: string;
  total: number;
  link: { relation: "self"; url: string }[];
  entry: BundleEntry[];
};
