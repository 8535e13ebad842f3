import { coding, instantOf, referenceTo } from "./reference";
import type { LabOrderRow, ReferralRow, SpecialtyRow } from "./rows";
import { SNOMED_SYSTEM, SPECIALTY_SYSTEM } from "./systems";
import { labTestConcept } from "./to-observations";
import type { ServiceRequest } from "./types";

// SNOMED CT's "Laboratory procedure" and "Patient referral", as FHIR's example categories use them.
const LAB_CATEGORY = [{ coding: [coding(SNOMED_SYSTEM, "108252007", "Laboratory procedure")] }];
const REFERRAL_CATEGORY = [{ coding: [coding(SNOMED_SYSTEM, "3457005", "Patient referral")] }];

const labStatus = { ordered: "active", resulted: "completed", cancelled: "revoked" } as const;
const referralStatus = { open: "active", booked: "active", completed: "completed", cancelled: "revoked" } as const;
const priority = { emergency: "stat", urgent: "urgent", routine: "routine" } as const;

/** A lab test ordered at an encounter: active until resulted (completed) or cancelled (revoked). */
export function labOrderToServiceRequest(row: LabOrderRow, patientId: string): ServiceRequest {
  return {
    resourceType: "ServiceRequest",
    id: row.id,
    status: labStatus[row.status],
    intent: "order",
    category: LAB_CATEGORY,
    code: labTestConcept(row.testCode),
    subject: referenceTo("Patient", patientId),
    encounter: referenceTo("Encounter", row.encounterId),
    authoredOn: instantOf(row.orderedAt),
    requester: referenceTo("Practitioner", row.orderedBy),
    ...(row.note ? { note: [{ text: row.note }] } : {}),
  };
}

/**
 * A referral to a specialty (as the performer type, in our specialty codes) or to a facility (as
 * the performer), with its urgency and the referring clinician's reason. A referral that was
 * booked is still active: the patient has yet to be seen.
 */
export function referralToServiceRequest(row: ReferralRow, patientId: string, specialty?: Pick<SpecialtyRow, "code" | "nameEn">): ServiceRequest {
  const to = specialty?.nameEn ?? row.toSpecialtyCode;
  return {
    resourceType: "ServiceRequest",
    id: row.id,
    status: referralStatus[row.status],
    intent: "order",
    category: REFERRAL_CATEGORY,
    priority: priority[row.urgency],
    code: { coding: [coding(SNOMED_SYSTEM, "3457005", "Patient referral")], text: to ? `Referral to ${to}` : "Referral" },
    subject: referenceTo("Patient", patientId),
    encounter: referenceTo("Encounter", row.encounterId),
    authoredOn: instantOf(row.referredAt),
    requester: referenceTo("Practitioner", row.referredBy),
    ...(row.toSpecialtyCode ? { performerType: { coding: [coding(SPECIALTY_SYSTEM, row.toSpecialtyCode, specialty?.nameEn)], text: to ?? row.toSpecialtyCode } } : {}),
    ...(row.toFacilityId ? { performer: [referenceTo("Organization", row.toFacilityId)] } : {}),
    reasonCode: [{ text: row.reason }],
  };
}
