import { forgetOldSignIns } from "@/lib/auth/housekeeping";
import { markNoShows } from "@/lib/booking/no-show";
import { removeAbsentPatients } from "@/lib/queue/presence";
import { deliverAppointmentNotice } from "@/lib/notifications/appointment-notices";
import { deliverQueueRemovalNotice } from "@/lib/queue/removal-notice";
import type { QueueName } from "./queue";

/** What each queue's worker does with one job's payload; a throw fails the job for a retry. */
export const jobHandlers: Record<QueueName, (data: unknown) => Promise<unknown>> = {
  "appointment-notice": deliverAppointmentNotice,
  "queue-removal-notice": deliverQueueRemovalNotice,
  "no-show": () => markNoShows(new Date()),
  "queue-absent": () => removeAbsentPatients(new Date()),
  "sign-in-housekeeping": () => forgetOldSignIns(new Date()),
};
