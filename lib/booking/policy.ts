/**
 * How close to the start a patient may still cancel or move a booking themselves. Later than
 * this, the doctor has planned for them; the clinic's staff can still change it. One value for
 * every clinic until facilities carry their own setting.
 */
export const PATIENT_CHANGE_CUTOFF_MINUTES = 60;

export const cancelReasons = ["feeling_better", "cannot_attend", "booked_by_mistake", "clinic_request", "other"] as const;
export type CancelReason = (typeof cancelReasons)[number];

/** Whether a patient may still cancel or reschedule an appointment starting at `startsAt`. */
export function patientMayChange(startsAt: Date, now: Date): boolean {
  return startsAt.getTime() - now.getTime() >= PATIENT_CHANGE_CUTOFF_MINUTES * 60_000;
}
