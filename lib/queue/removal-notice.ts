import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { consultations, patients, users } from "@/db/schema";
import { defaultLocale, serverTranslator } from "@/lib/i18n/config";
import { sendSmsOnce } from "@/lib/sms/send-sms";

const account = alias(users, "account");

/**
 * Tells a patient by SMS that they left the queue (no answer twice, or away past the grace
 * period), in their account's language. Once per consultation, whoever runs it. It never throws:
 * the consultation has already changed, and a failed text is logged.
 */
export async function sendQueueRemovalNotice(consultationId: string, reason: "no_answer" | "not_returned"): Promise<void> {
  try {
    const [row] = await db()
      .select({ patientName: patients.fullName, patientPhone: patients.phone, accountPhone: account.phone, locale: account.locale })
      .from(consultations)
      .innerJoin(patients, eq(patients.id, consultations.patientId))
      .leftJoin(account, eq(account.id, patients.accountId))
      .where(eq(consultations.id, consultationId));
    const phone = row?.accountPhone ?? row?.patientPhone;
    if (!row || !phone) return;
    const body = serverTranslator(row.locale ?? defaultLocale, "sms")(`queueRemoved_${reason}`, { patient: row.patientName });
    await sendSmsOnce(`queue-removed:${consultationId}`, phone, body);
  } catch (error) {
    console.error(`[queue] could not send the removal notice for consultation ${consultationId}`, error);
  }
}
