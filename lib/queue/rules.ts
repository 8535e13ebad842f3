import type { ConsultationStatus } from "@/db/schema";

/** Check-in opens this long before the appointment, so a patient on a slow phone is not late. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 15;

export type CheckInWindow = "too_early" | "open" | "closed";

/** Whether a patient may check in for a slot now: from shortly before its start until its end. */
export function checkInWindow(startsAt: Date, endsAt: Date, now: Date): CheckInWindow {
  const opens = startsAt.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000;
  if (now.getTime() < opens) return "too_early";
  if (now.getTime() >= endsAt.getTime()) return "closed";
  return "open";
}

const transitions: Record<ConsultationStatus, readonly ConsultationStatus[]> = {
  waiting: ["in_call", "cancelled"],
  // Back to the queue (returned, transferred, or no answer once); out of it after a second no answer.
  in_call: ["completed", "waiting", "cancelled"],
  completed: [],
  cancelled: [],
};

/** The consultation state machine; anything else is a conflict the user is told about. */
export function canTransition(from: ConsultationStatus, to: ConsultationStatus): boolean {
  return transitions[from].includes(to);
}

/** A room per consultation, named on the server so no client can pick another's room. */
export function roomNameFor(consultationId: string): string {
  return `consult-${consultationId}`;
}

/** Where a consultation waits: one clinician's queue, or a specialty's shared queue. */
export type QueueKey = `c:${string}` | `s:${string}`;

export function queueKeyOf(c: { clinicianId: string | null; specialtyCode: string | null }): QueueKey {
  if (c.clinicianId) return `c:${c.clinicianId}`;
  if (c.specialtyCode) return `s:${c.specialtyCode}`;
  throw new Error("a consultation waits in a clinician's or a specialty's queue");
}

/** How often an open waiting page proves the patient is still there. */
export const PATIENT_HEARTBEAT_MS = 15_000;
/** Without a heartbeat for this long, the patient's side counts as offline (a dead instance). */
export const PATIENT_OFFLINE_AFTER_MS = 45_000;
/** A patient whose phone dropped keeps their place this long; reopening the page rejoins. */
export const REJOIN_GRACE_MS = 10 * 60_000;
/** A hosted walk-in still waiting this long after arrival was forgotten (the facility has closed). */
export const HOSTED_VISIT_MAX_MS = 12 * 60 * 60_000;

/**
 * Whether the patient's side can answer a call now. A hosted patient sits at the facility with
 * staff, so is always there; a patient at home is there while their waiting page is connected.
 */
export function isPatientOnline(
  c: { hostedBy: string | null; patientConnections: number; patientSeenAt: Date | null },
  now: Date,
): boolean {
  if (c.hostedBy) return true;
  if (c.patientConnections <= 0 || !c.patientSeenAt) return false;
  return now.getTime() - c.patientSeenAt.getTime() < PATIENT_OFFLINE_AFTER_MS;
}

