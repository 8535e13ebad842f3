import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { consultations, patients, users } from "@/db/schema";
import { defaultLocale, serverTranslator } from "@/lib/i18n/config";
import { enqueueInTransaction, QUEUES } from "@/lib/jobs/queue";
import { sendSmsOnce, type SendOnceResult } from "@/lib/sms/send-sms";

const account = alias(users, "account");

/** The payload of one `queue-removal-notice` job. */
export const queueRemovalNoticeJob = z.object({
  consultationId: z.uuid(),
  reason: z.enum(["no_answer", "not_returned"]),
});
export type QueueRemovalNoticeJob = z.infer<typeof queueRemovalNoticeJob>;

/**
 * Queues the SMS that tells a patient they left the queue (no answer twice, or away past the
 * grace period), inside the transaction that removes them, so the text is owed exactly when
 * the removal commits.
 */
export async function queueRemovalNotice(tx: Transaction, notices: QueueRemovalNoticeJob[]): Promise<void> {
  await enqueueInTransaction(
    tx,
    notices.map((data) => ({ name: QUEUES.queueRemovalNotice, data })),
  );
}

/**
 * The worker side: the text in the managing account's language, once per consultation whoever
 * runs it (the outbox's dedupe key). A gateway refusal throws, so the job is retried.
 */
export async function deliverQueueRemovalNotice(payload: unknown): Promise<SendOnceResult | "no_phone"> {
  const job = queueRemovalNoticeJob.parse(payload);
  const [row] = await db()
    .select({ patientName: patients.fullName, patientPhone: patients.phone, accountPhone: account.phone, locale: account.locale })
    .from(consultations)
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .leftJoin(account, eq(account.id, patients.accountId))
    .where(eq(consultations.id, job.consultationId));
  const phone = row?.accountPhone ?? row?.patientPhone;
  if (!row || !phone) return "no_phone";
  const body = serverTranslator(row.locale ?? defaultLocale, "sms")(`queueRemoved_${job.reason}`, { patient: row.patientName });
  return sendSmsOnce(`queue-removed:${job.consultationId}`, phone, body);
}
