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
  in_call: ["completed", "waiting"],
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
