import { coding, instantOf, referenceTo } from "./reference";
import type { ConsultationRow, EncounterRow } from "./rows";
import { ACT_CODE_SYSTEM, ACT_PRIORITY_SYSTEM, ENCOUNTER_KIND_SYSTEM, PARTICIPATION_TYPE_SYSTEM } from "./systems";
import type { Encounter } from "./types";

type EncounterConsultation = Pick<ConsultationRow, "status" | "clinicianId" | "hostedBy" | "triage" | "chiefComplaint" | "admittedAt" | "endedAt">;

// A consult, hosted or not, happens over video: FHIR's "virtual"; a facility visit is ambulatory.
const encounterClass = {
  video_consult: coding(ACT_CODE_SYSTEM, "VR", "virtual"),
  hosted_consult: coding(ACT_CODE_SYSTEM, "VR", "virtual"),
  rhu_visit: coding(ACT_CODE_SYSTEM, "AMB", "ambulatory"),
} as const;

const kindLabel = { video_consult: "Video consultation", hosted_consult: "Video consultation hosted at a facility", rhu_visit: "Facility visit" } as const;

const priority = {
  emergency: coding(ACT_PRIORITY_SYSTEM, "EM", "emergency"),
  urgent: coding(ACT_PRIORITY_SYSTEM, "UR", "urgent"),
  routine: coding(ACT_PRIORITY_SYSTEM, "R", "routine"),
} as const;

/**
 * The encounter's status from its consultations': one in a call is in progress, one waiting has
 * arrived, all cancelled is cancelled. A facility visit without a call has no end we record, and
 * is written up as it happens, so it counts as finished.
 */
function statusOf(consultations: readonly EncounterConsultation[]): Encounter["status"] {
  if (consultations.some((c) => c.status === "in_call")) return "in-progress";
  if (consultations.some((c) => c.status === "waiting")) return "arrived";
  if (consultations.length > 0 && consultations.every((c) => c.status === "cancelled")) return "cancelled";
  return "finished";
}

/** One visit with its consultations: who took part (clinician, host), where, how urgent, and why. */
export function toEncounter(encounter: EncounterRow, consultations: readonly EncounterConsultation[], patientId: string): Encounter {
  const status = statusOf(consultations);
  const ends = consultations.map((c) => c.endedAt).filter((end): end is Date => end !== null);
  const end = status === "finished" && ends.length > 0 ? new Date(Math.max(...ends.map((d) => d.getTime()))) : null;
  const participant: NonNullable<Encounter["participant"]> = [];
  const seen = new Set<string>();
  for (const c of consultations) {
    if (c.clinicianId && !seen.has(`c${c.clinicianId}`)) {
      seen.add(`c${c.clinicianId}`);
      participant.push({ type: [{ coding: [coding(PARTICIPATION_TYPE_SYSTEM, "PPRF", "primary performer")] }], individual: referenceTo("Practitioner", c.clinicianId) });
    }
    if (c.hostedBy && !seen.has(`h${c.hostedBy}`)) {
      seen.add(`h${c.hostedBy}`);
      participant.push({ type: [{ coding: [coding(PARTICIPATION_TYPE_SYSTEM, "PART", "Participation")], text: "Host at the facility" }], individual: referenceTo("Practitioner", c.hostedBy) });
    }
  }
  const complaints = consultations.map((c) => c.chiefComplaint).filter((text): text is string => !!text);
  const first = consultations[0];
  return {
    resourceType: "Encounter",
    id: encounter.id,
    status,
    class: encounterClass[encounter.kind],
    type: [{ coding: [coding(ENCOUNTER_KIND_SYSTEM, encounter.kind, kindLabel[encounter.kind])], text: kindLabel[encounter.kind] }],
    ...(first ? { priority: { coding: [priority[first.triage]] } } : {}),
    subject: referenceTo("Patient", patientId),
    ...(participant.length > 0 ? { participant } : {}),
    period: { start: instantOf(encounter.startedAt), ...(end ? { end: instantOf(end) } : {}) },
    ...(complaints.length > 0 ? { reasonCode: complaints.map((text) => ({ text })) } : {}),
    ...(encounter.facilityId ? { serviceProvider: referenceTo("Organization", encounter.facilityId) } : {}),
  };
}
