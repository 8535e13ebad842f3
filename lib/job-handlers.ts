import { judgeClosedDays } from "@/lib/attendance/judge-closed-days";
import { forgetOldSignIns } from "@/lib/auth/housekeeping";
import { markNoShows } from "@/lib/booking/no-show";
import { escalateIfOverdue } from "@/lib/complaints/escalate";
import { deliverComplaintNotice } from "@/lib/complaints/notices";
import { checkDroppedCall } from "@/lib/consult/dropped-call";
import type { JobHandlers } from "@/lib/jobs/queue";
import { deliverDhis2Send } from "@/lib/dhis2-export/deliver-send";
import { deliverInvitationNotice } from "@/lib/consult/invitations/invitation-notice";
import { deliverAppointmentNotice } from "@/lib/notifications/appointment-notices";
import { removeAbsentPatients } from "@/lib/queue/presence";
import { deliverQueueRemovalNotice } from "@/lib/queue/removal-notice";

/**
 * What each queue's worker does, wired where the workers start (lib/server-start.ts, and tests
 * that drive the queue) rather than in lib/jobs: the domains enqueue through lib/jobs, so the job
 * queue importing their handlers would make every one of them a cycle.
 */
export const jobHandlers: JobHandlers = {
  "appointment-notice": deliverAppointmentNotice,
  "queue-removal-notice": deliverQueueRemovalNotice,
  "invitation-notice": deliverInvitationNotice,
  "no-show": () => markNoShows(new Date()),
  "queue-absent": () => removeAbsentPatients(new Date()),
  "sign-in-housekeeping": () => forgetOldSignIns(new Date()),
  "call-dropped": checkDroppedCall,
  "complaint-notice": deliverComplaintNotice,
  "complaint-sla": (data) => escalateIfOverdue(data),
  "dhis2-send": deliverDhis2Send,
  "attendance-judge": () => judgeClosedDays(new Date()),
};
