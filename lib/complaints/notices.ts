import { eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { complaintEvents, complaints, facilities } from "@/db/schema";
import { serverTranslator, type Locale } from "@/lib/i18n/config";
import { enqueueInTransaction, QUEUES } from "@/lib/jobs/queue";
import { sendSmsOnce, type SendOnceResult } from "@/lib/sms/send-sms";
import { formatTrackingNumber } from "./tracking-number";

/** The payload of one `complaint-notice` job: the event the complainant is told about. */
export const complaintNoticeJob = z.object({ eventId: z.uuid() });

/**
 * Owes the complainant a text about this event (filed, assigned, in progress, escalated,
 * resolved), queued in the transaction that records it, so the text goes out exactly when the
 * change commits.
 */
export async function queueComplaintNotice(tx: Transaction, eventId: string): Promise<void> {
  await enqueueInTransaction(tx, [{ name: QUEUES.complaintNotice, data: { eventId } }]);
}

/**
 * The worker side: the text in the complaint's language, once per event whoever runs it (the
 * outbox's dedupe key); a gateway refusal throws, so the job is retried.
 */
export async function deliverComplaintNotice(payload: unknown): Promise<SendOnceResult | "gone"> {
  const { eventId } = complaintNoticeJob.parse(payload);
  const [row] = await db()
    .select({ event: complaintEvents, complaint: complaints, facilityName: facilities.name })
    .from(complaintEvents)
    .innerJoin(complaints, eq(complaints.id, complaintEvents.complaintId))
    .innerJoin(facilities, eq(facilities.id, complaints.facilityId))
    .where(eq(complaintEvents.id, eventId));
  if (!row) return "gone";
  const t = serverTranslator(row.complaint.locale as Locale, "sms");
  const values = { number: formatTrackingNumber(row.complaint.trackingNumber), facility: row.facilityName, note: row.event.note ?? "" };
  return sendSmsOnce(`complaint:${eventId}`, row.complaint.phone, t(`complaint_${row.event.kind}`, values));
}
