/**
 * How close to the start a patient may still cancel or move a booking themselves, unless the
 * clinician's facility sets its own window. Later than this, the doctor has planned for them;
 * the clinic's staff can still change it.
 */
export const PATIENT_CHANGE_CUTOFF_MINUTES = 60;
export const MAX_CHANGE_CUTOFF_MINUTES = 7 * 24 * 60;

export const cancelReasons = ["feeling_better", "cannot_attend", "booked_by_mistake", "clinic_request", "other"] as const;
export type CancelReason = (typeof cancelReasons)[number];

/** Whether a patient may still cancel or reschedule an appointment starting at `startsAt`. */
export function patientMayChange(startsAt: Date, now: Date, cutoffMinutes = PATIENT_CHANGE_CUTOFF_MINUTES): boolean {
  return startsAt.getTime() - now.getTime() >= cutoffMinutes * 60_000;
}
