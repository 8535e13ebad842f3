import { coding } from "./reference";
import type { FacilityRow, PatientRow, UserRow } from "./rows";
import { CNIC_SYSTEM, FACILITY_KIND_SYSTEM, IDENTIFIER_TYPE_SYSTEM, MR_ID_SYSTEM } from "./systems";
import type { Identifier, Organization, Patient, Practitioner } from "./types";

type PatientFields = Pick<PatientRow, "id" | "mrId" | "fullName" | "sex" | "dateOfBirth" | "cnic" | "phone">;

const mrIdType = { coding: [coding(IDENTIFIER_TYPE_SYSTEM, "MR", "Medical record number")] };
const nationalIdType = { coding: [coding(IDENTIFIER_TYPE_SYSTEM, "NI", "National unique individual identifier")], text: "CNIC" };

/**
 * The patient as FHIR sees them: the MR ID (official), the CNIC when they have one, and every
 * MR ID merged into theirs as an `old` identifier, so that a system that knew the retired ID
 * finds the same person.
 */
export function toPatient(patient: PatientFields, retiredMrIds: readonly string[] = []): Patient {
  const identifier: Identifier[] = [{ use: "official", type: mrIdType, system: MR_ID_SYSTEM, value: patient.mrId }];
  if (patient.cnic) identifier.push({ use: "official", type: nationalIdType, system: CNIC_SYSTEM, value: patient.cnic });
  for (const mrId of retiredMrIds) identifier.push({ use: "old", type: mrIdType, system: MR_ID_SYSTEM, value: mrId });
  return {
    resourceType: "Patient",
    id: patient.id,
    identifier,
    active: true,
    name: [{ use: "official", text: patient.fullName }],
    ...(patient.phone ? { telecom: [{ system: "phone" as const, value: patient.phone, use: "mobile" as const }] } : {}),
    gender: patient.sex,
    birthDate: patient.dateOfBirth,
  };
}

/** Whoever recorded, prescribed, hosted or signed something in the record, by name. */
export function toPractitioner(user: Pick<UserRow, "id" | "name" | "disabledAt">): Practitioner {
  return { resourceType: "Practitioner", id: user.id, active: user.disabledAt === null, name: [{ text: user.name }] };
}

/** A facility: a hub hospital or a BHU/RHU spoke, in its district of Pakistan. */
export function toOrganization(facility: Pick<FacilityRow, "id" | "name" | "kind"> & { district: string }): Organization {
  return {
    resourceType: "Organization",
    id: facility.id,
    active: true,
    name: facility.name,
    type: [{ coding: [coding(FACILITY_KIND_SYSTEM, facility.kind)], text: facility.kind === "hub" ? "Hospital (hub)" : "BHU/RHU (spoke)" }],
    address: [{ district: facility.district, country: "PK" }],
  };
}
